package dev.demoforge.mcap.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32;

import dev.demoforge.mcap.ChunkCompression;

/**
 * Collects Message records for one uncompressed chunk plus the per-channel message index, then encodes the Chunk
 * record, its Message Index records and the matching Chunk Index record. Reused for every chunk. Not thread-safe.
 */
public final class ChunkBuilder {

    /** Chunk content before {@code records}, compression name aside: 3×u64 times/size, u32 crc, u32 name length,
     * u64 records length. */
    private static final int CHUNK_PREFIX = 8 + 8 + 8 + 4 + 4 + 8;
    private static final int MESSAGE_PREFIX = 2 + 4 + 8 + 8;

    private final LeBuffer records;
    private final Map<Integer, long[]> index = new TreeMap<>();
    private final Map<Integer, Integer> indexCounts = new TreeMap<>();
    private final LeBuffer head = new LeBuffer(64);
    private final LeBuffer messageIndexes = new LeBuffer(4096);
    private final CRC32 crc = new CRC32();
    private long startTime;
    private long endTime;
    private int messages;

    public ChunkBuilder(int expectedSize) {
        records = new LeBuffer(expectedSize + 1024);
    }

    public boolean isEmpty() {
        return messages == 0;
    }

    /** Bytes of Message records collected so far (the uncompressed chunk size). */
    public int recordsSize() {
        return records.size();
    }

    public int messageCount() {
        return messages;
    }

    /** Appends one Message record; {@code logTime} is unsigned nanoseconds. */
    public void add(int channelId, long sequence, long logTime, long publishTime, byte[] data) {
        if (messages == 0 || Long.compareUnsigned(logTime, startTime) < 0) {
            startTime = logTime;
        }
        if (messages == 0 || Long.compareUnsigned(logTime, endTime) > 0) {
            endTime = logTime;
        }
        long offset = records.size();
        records.u8(Opcode.MESSAGE).u64(MESSAGE_PREFIX + (long) data.length)
                .u16(channelId).u32(sequence).u64(logTime).u64(publishTime).bytes(data);
        int n = indexCounts.getOrDefault(channelId, 0);
        long[] entries = index.get(channelId);
        if (entries == null || entries.length < 2 * n + 2) {
            entries = entries == null ? new long[64] : Arrays.copyOf(entries, entries.length * 2);
            index.put(channelId, entries);
        }
        entries[2 * n] = logTime;
        entries[2 * n + 1] = offset;
        indexCounts.put(channelId, n + 1);
        messages++;
    }

    /**
     * Encodes the finished chunk that starts at file offset {@code chunkOffset}: returns the buffers to write in
     * order (Chunk record prefix, records, compressed with {@code compression} unless it is null, Message Index
     * records) and appends the Chunk Index record to {@code chunkIndexes}. The builder must be {@link #reset()} after
     * the buffers have been written.
     */
    public ByteBuffer[] encode(long chunkOffset, LeBuffer chunkIndexes, ChunkCompression compression)
            throws IOException {
        crc.reset();
        crc.update(records.array(), 0, records.size());
        String codec = compression == null ? "" : compression.name();
        ByteBuffer stored = compression == null ? records.view()
                : ByteBuffer.wrap(compression.compress(records.array(), records.size()));
        long storedSize = stored.remaining();
        int nameLength = codec.getBytes(StandardCharsets.UTF_8).length;
        head.reset();
        head.u8(Opcode.CHUNK).u64(CHUNK_PREFIX + nameLength + storedSize)
                .u64(startTime).u64(endTime).u64(records.size()).u32(crc.getValue()).string(codec)
                .u64(storedSize);
        long chunkLength = head.size() + storedSize;
        long indexStart = chunkOffset + chunkLength;
        messageIndexes.reset();
        TreeMap<Integer, Long> indexOffsets = new TreeMap<>();
        for (Map.Entry<Integer, Integer> e : indexCounts.entrySet()) {
            int channelId = e.getKey();
            int n = e.getValue();
            if (n == 0) {
                continue;
            }
            indexOffsets.put(channelId, indexStart + messageIndexes.size());
            long[] entries = index.get(channelId);
            int token = messageIndexes.beginRecord(Opcode.MESSAGE_INDEX);
            messageIndexes.u16(channelId).u32(16L * n);
            for (int i = 0; i < 2 * n; i++) {
                messageIndexes.u64(entries[i]);
            }
            messageIndexes.endRecord(token);
        }
        int token = chunkIndexes.beginRecord(Opcode.CHUNK_INDEX);
        chunkIndexes.u64(startTime).u64(endTime).u64(chunkOffset).u64(chunkLength).u32(indexOffsets.size() * 10L);
        for (Map.Entry<Integer, Long> e : indexOffsets.entrySet()) {
            chunkIndexes.u16(e.getKey()).u64(e.getValue());
        }
        chunkIndexes.u64(messageIndexes.size()).string(codec).u64(storedSize).u64(records.size());
        chunkIndexes.endRecord(token);
        return new ByteBuffer[] {head.view(), stored, messageIndexes.view()};
    }

    public long startTime() {
        return startTime;
    }

    public long endTime() {
        return endTime;
    }

    /** Empties the builder for the next chunk; keeps its buffers. */
    public void reset() {
        records.reset();
        indexCounts.replaceAll((k, v) -> 0);
        messages = 0;
    }
}
