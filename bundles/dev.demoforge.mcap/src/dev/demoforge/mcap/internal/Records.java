package dev.demoforge.mcap.internal;

import java.util.Map;

/**
 * Encoders for the MCAP records that live outside chunks (formats.md §6.2). Each method appends one whole record
 * (opcode, content length, content) to the buffer.
 */
public final class Records {

    private Records() {
    }

    public static void header(LeBuffer b, String profile, String library) {
        int token = b.beginRecord(Opcode.HEADER);
        b.string(profile).string(library);
        b.endRecord(token);
    }

    public static void schema(LeBuffer b, int id, String name, String encoding, byte[] data) {
        int token = b.beginRecord(Opcode.SCHEMA);
        b.u16(id).string(name).string(encoding).u32(data.length).bytes(data);
        b.endRecord(token);
    }

    public static void channel(LeBuffer b, int id, int schemaId, String topic, String messageEncoding,
            Map<String, String> metadata) {
        int token = b.beginRecord(Opcode.CHANNEL);
        b.u16(id).u16(schemaId).string(topic).string(messageEncoding).stringMap(metadata);
        b.endRecord(token);
    }

    public static void metadata(LeBuffer b, String name, Map<String, String> values) {
        int token = b.beginRecord(Opcode.METADATA);
        b.string(name).stringMap(values);
        b.endRecord(token);
    }

    public static void metadataIndex(LeBuffer b, long offset, long length, String name) {
        int token = b.beginRecord(Opcode.METADATA_INDEX);
        b.u64(offset).u64(length).string(name);
        b.endRecord(token);
    }

    /** Statistics record; {@code channelCounts} is encoded as {@code Map<u16,u64>} in the map's order. */
    public static void statistics(LeBuffer b, long messageCount, int schemaCount, long channelCount,
            long metadataCount, long chunkCount, long startTime, long endTime, Map<Integer, Long> channelCounts) {
        int token = b.beginRecord(Opcode.STATISTICS);
        b.u64(messageCount).u16(schemaCount).u32(channelCount).u32(0).u32(metadataCount).u32(chunkCount)
                .u64(startTime).u64(endTime).u32(channelCounts.size() * 10L);
        for (Map.Entry<Integer, Long> e : channelCounts.entrySet()) {
            b.u16(e.getKey()).u64(e.getValue());
        }
        b.endRecord(token);
    }

    public static void summaryOffset(LeBuffer b, int groupOpcode, long groupStart, long groupLength) {
        int token = b.beginRecord(Opcode.SUMMARY_OFFSET);
        b.u8(groupOpcode).u64(groupStart).u64(groupLength);
        b.endRecord(token);
    }

    public static void dataEnd(LeBuffer b, long dataSectionCrc) {
        int token = b.beginRecord(Opcode.DATA_END);
        b.u32(dataSectionCrc);
        b.endRecord(token);
    }
}
