package dev.demoforge.mcap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Chunks close by age as well as size, so a killed recorder loses at most about maxChunkAge of data. */
class McapChunkAgeTest {

    private static final long MS = 1_000_000L;

    @TempDir
    Path dir;

    private final AtomicLong clock = new AtomicLong(5_000 * MS);

    private McapWriter writer(Path file) throws IOException {
        return McapWriter.create(file, "", "t", McapWriter.Options.defaults(), clock::get);
    }

    @Test
    void slowMessagesProduceOneChunkPerAgeWindow() throws IOException {
        Path file = dir.resolve("slow.mcap");
        try (McapWriter w = writer(file)) {
            int ch = w.addChannel(0, "/slow", "json", Map.of());
            for (int i = 0; i < 50; i++) {
                w.write(ch, i * 100 * MS, i * 100 * MS, "{}".getBytes(TestRecording.UTF8));
                clock.addAndGet(100 * MS);
            }
        }
        // A chunk opens at its first message; the message arriving 600 ms later (> 500 ms) is its 7th and last.
        List<Integer> perChunk = new RecordWalk(file).chunks().stream().map(RecordWalk.Chunk::messages).toList();
        assertEquals(Collections.nCopies(7, 7), perChunk.subList(0, 7));
        assertEquals(List.of(1), perChunk.subList(7, perChunk.size()), "the rest is written on close");
    }

    @Test
    void fastMessagesStayInOneChunkUntilItIsFull() throws IOException {
        Path file = dir.resolve("fast.mcap");
        try (McapWriter w = writer(file)) {
            int ch = w.addChannel(0, "/fast", "json", Map.of());
            for (int i = 0; i < 400; i++) {
                w.write(ch, i * MS, i * MS, "{}".getBytes(TestRecording.UTF8));
                clock.addAndGet(MS);
            }
        }
        assertEquals(List.of(400), new RecordWalk(file).chunks().stream().map(RecordWalk.Chunk::messages).toList());
    }

    @Test
    void fileOfAWriterThatNeverClosedHoldsEveryAgedOutChunk() throws IOException {
        Path file = dir.resolve("killed.mcap");
        McapWriter w = writer(file);
        int ch = w.addChannel(0, "/slow", "json", Map.of());
        for (int i = 0; i < 20; i++) {
            w.write(ch, i * 100 * MS, i * 100 * MS, new byte[] {(byte) i});
            clock.addAndGet(100 * MS);
        }
        // Not closed, as after a kill: 2 aged-out chunks (7 + 7) are on disk, the 6 newest messages are not.
        Collected got = new Collected();
        McapReader.Result result = McapReader.read(file, got);
        assertFalse(result.complete());
        assertEquals(14, result.messages());
        assertEquals(2, result.chunks());
        assertEquals(w.bytesWritten(), result.validEndOffset());
        assertTrue(result.problem().contains("without a footer"), result.problem());
        w.close();
    }

    @Test
    void flushIfDueWritesAQuietChunkOnlyOnceItIsOld() throws IOException {
        Path file = dir.resolve("quiet.mcap");
        try (McapWriter w = writer(file)) {
            int ch = w.addChannel(0, "/quiet", "json", Map.of());
            w.write(ch, 1, 1, new byte[] {1});
            w.write(ch, 2, 2, new byte[] {2});
            clock.addAndGet(400 * MS);
            assertFalse(w.flushIfDue(), "400 ms is not yet due");
            assertEquals(0, McapReader.read(file, new Collected()).messages());
            clock.addAndGet(200 * MS);
            assertTrue(w.flushIfDue());
            assertEquals(2, McapReader.read(file, new Collected()).messages());
            assertFalse(w.flushIfDue(), "nothing left to write");
        }
    }
}
