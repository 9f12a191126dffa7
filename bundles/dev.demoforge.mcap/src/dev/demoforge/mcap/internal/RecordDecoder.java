package dev.demoforge.mcap.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

import dev.demoforge.mcap.McapChannel;
import dev.demoforge.mcap.McapSchema;

/**
 * Decoders for record contents (the bytes after opcode and length). Failures are {@link ParseException}s whose
 * message names the field; the caller adds the record's file offset.
 */
public final class RecordDecoder {

    /** A decoded Message record. */
    public record Message(int channelId, long sequence, long logTime, long publishTime, byte[] data) {
    }

    /** A decoded Metadata record. */
    public record Metadata(String name, Map<String, String> values) {
    }

    /** A decoded Header record. */
    public record Header(String profile, String library) {
    }

    /** A decoded Footer record. */
    public record Footer(long summaryStart, long summaryOffsetStart, long summaryCrc) {
    }

    private RecordDecoder() {
    }

    public static Header header(LeParser p) throws ParseException {
        return new Header(p.string("profile"), p.string("library"));
    }

    public static Footer footer(LeParser p) throws ParseException {
        return new Footer(p.u64("summary_start"), p.u64("summary_offset_start"), p.u32("summary_crc"));
    }

    public static McapSchema schema(LeParser p) throws ParseException {
        int id = p.u16("id");
        String name = p.string("name");
        String encoding = p.string("encoding");
        long length = p.u32("data.length");
        return new McapSchema(id, name, encoding, p.bytes(length, "data"));
    }

    public static McapChannel channel(LeParser p) throws ParseException {
        int id = p.u16("id");
        int schemaId = p.u16("schema_id");
        String topic = p.string("topic");
        String encoding = p.string("message_encoding");
        return new McapChannel(id, schemaId, topic, encoding, p.stringMap("metadata"));
    }

    public static Message message(LeParser p) throws ParseException {
        int channelId = p.u16("channel_id");
        long sequence = p.u32("sequence");
        long logTime = p.u64("log_time");
        long publishTime = p.u64("publish_time");
        return new Message(channelId, sequence, logTime, publishTime, p.rest());
    }

    public static Metadata metadata(LeParser p) throws ParseException {
        return new Metadata(p.string("name"), p.stringMap("metadata"));
    }

    public static long dataEndCrc(LeParser p) throws ParseException {
        return p.u32("data_section_crc");
    }

    /**
     * Checks and decodes a Chunk record's content: only uncompressed chunks, {@code uncompressed_size} must equal
     * the records length, a non-zero CRC must match. Returns the Schema, Channel and Message records inside, in
     * order ({@link McapSchema}, {@link McapChannel}, {@link Message}); other records are skipped. Nothing is
     * returned unless the whole chunk is valid.
     */
    public static List<Object> chunk(LeParser p) throws ParseException {
        p.u64("message_start_time");
        p.u64("message_end_time");
        long uncompressedSize = p.u64("uncompressed_size");
        long storedCrc = p.u32("uncompressed_crc");
        String compression = p.string("compression");
        long recordsLength = p.u64("records.length");
        if (Long.compareUnsigned(recordsLength, p.remaining()) > 0) {
            throw new ParseException("records length " + Long.toUnsignedString(recordsLength)
                    + " exceeds the record (" + p.remaining() + " bytes left)");
        }
        if (!compression.isEmpty()) {
            throw new ParseException("compression '" + compression
                    + "' is not supported (this reader handles uncompressed chunks only)");
        }
        if (uncompressedSize != recordsLength) {
            throw new ParseException("uncompressed_size " + Long.toUnsignedString(uncompressedSize)
                    + " differs from records length " + recordsLength);
        }
        int start = p.absolutePosition();
        int length = (int) recordsLength;
        if (storedCrc != 0) {
            CRC32 crc = new CRC32();
            crc.update(p.array(), start, length);
            if (crc.getValue() != storedCrc) {
                throw new ParseException(String.format("CRC mismatch (stored 0x%08X, computed 0x%08X)", storedCrc,
                        crc.getValue()));
            }
        }
        List<Object> out = new ArrayList<>();
        LeParser records = new LeParser(p.array(), start, length);
        while (records.remaining() > 0) {
            int at = records.position();
            try {
                int opcode = records.u8("opcode");
                long contentLength = records.u64("length");
                if (Long.compareUnsigned(contentLength, records.remaining()) > 0) {
                    throw new ParseException("content length " + Long.toUnsignedString(contentLength)
                            + " overruns the chunk (" + records.remaining() + " bytes left)");
                }
                LeParser content = new LeParser(p.array(), records.absolutePosition(), (int) contentLength);
                switch (opcode) {
                    case Opcode.SCHEMA -> out.add(schema(content));
                    case Opcode.CHANNEL -> out.add(channel(content));
                    case Opcode.MESSAGE -> out.add(message(content));
                    default -> {
                        // Other records are not expected inside chunks; skipping unknown ones is the spec's rule.
                    }
                }
                records.skip(contentLength, "content");
            } catch (ParseException e) {
                throw new ParseException("inner record at +" + at + " of the chunk's records: " + e.getMessage());
            }
        }
        return out;
    }
}
