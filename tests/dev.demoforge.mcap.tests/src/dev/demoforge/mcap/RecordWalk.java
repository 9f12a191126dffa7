package dev.demoforge.mcap;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A deliberately separate, minimal walk over a complete MCAP file (written for the tests, sharing no code with the
 * bundle): lists top-level records, counts messages per chunk and decodes the Statistics record.
 */
final class RecordWalk {

    record Rec(long offset, int opcode, long length) {
        long end() {
            return offset + 9 + length;
        }
    }

    record Chunk(long offset, long end, int messages) {
    }

    record Stats(long messageCount, int schemaCount, long channelCount, long metadataCount, long chunkCount,
            long startTime, long endTime, Map<Integer, Long> channelCounts) {
    }

    final byte[] file;
    final List<Rec> records = new ArrayList<>();

    RecordWalk(Path path) throws IOException {
        file = Files.readAllBytes(path);
        ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        int pos = 8;
        while (pos + 9 <= file.length - 8) {
            int opcode = file[pos] & 0xFF;
            long length = b.getLong(pos + 1);
            records.add(new Rec(pos, opcode, length));
            pos += (int) (9 + length);
            if (opcode == 0x02) {
                break;
            }
        }
    }

    List<Rec> of(int opcode) {
        return records.stream().filter(r -> r.opcode() == opcode).toList();
    }

    /** Chunks in file order with the number of Message records inside each. */
    List<Chunk> chunks() {
        ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        List<Chunk> out = new ArrayList<>();
        for (Rec r : of(0x06)) {
            int p = (int) r.offset() + 9 + 8 + 8 + 8 + 4;
            int compressionLength = b.getInt(p);
            p += 4 + compressionLength;
            long recordsLength = b.getLong(p);
            p += 8;
            int end = p + (int) recordsLength;
            int messages = 0;
            while (p < end) {
                if ((file[p] & 0xFF) == 0x05) {
                    messages++;
                }
                p += 9 + (int) b.getLong(p + 1);
            }
            out.add(new Chunk(r.offset(), r.end(), messages));
        }
        return out;
    }

    Stats statistics() {
        List<Rec> stats = of(0x0B);
        if (stats.size() != 1) {
            throw new AssertionError("expected one Statistics record, found " + stats.size());
        }
        ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        b.position((int) stats.get(0).offset() + 9);
        long messageCount = b.getLong();
        int schemaCount = b.getShort() & 0xFFFF;
        long channelCount = b.getInt() & 0xFFFF_FFFFL;
        b.getInt();
        long metadataCount = b.getInt() & 0xFFFF_FFFFL;
        long chunkCount = b.getInt() & 0xFFFF_FFFFL;
        long start = b.getLong();
        long end = b.getLong();
        int mapEnd = b.getInt() + b.position();
        Map<Integer, Long> counts = new LinkedHashMap<>();
        while (b.position() < mapEnd) {
            counts.put(b.getShort() & 0xFFFF, b.getLong());
        }
        return new Stats(messageCount, schemaCount, channelCount, metadataCount, chunkCount, start, end, counts);
    }
}
