package dev.demoforge.mcap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class McapRoundTripTest {

    @TempDir
    Path dir;

    @Test
    void readsBackEverythingWrittenInFileOrder() throws IOException {
        Path file = dir.resolve("episode.mcap");
        TestRecording rec = TestRecording.write(file, 10_000, new McapWriter.Options(64 * 1024, Long.MAX_VALUE));

        Collected got = new Collected();
        McapReader.Result result = McapReader.read(file, got);

        assertTrue(result.complete(), "complete");
        assertNull(result.problem());
        assertEquals(10_000, result.messages());
        assertEquals(Files.size(file), result.validEndOffset());
        assertEquals("", got.profile);
        assertEquals("demoforge-test", got.library);
        assertEquals(rec.expected.schemas, got.schemas);
        assertEquals(rec.expected.channels, got.channels);
        assertEquals(rec.expected.metadata, got.metadata);
        assertEquals(rec.expected.messages.size(), got.messages.size());
        for (int i = 0; i < got.messages.size(); i++) {
            assertEquals(rec.expected.messages.get(i), got.messages.get(i), "message " + i);
        }
        List<RecordWalk.Chunk> chunks = new RecordWalk(file).chunks();
        assertTrue(chunks.size() >= 5, "several chunks, got " + chunks.size());
        assertEquals(chunks.size(), result.chunks());
    }

    @Test
    void summaryStatisticsCountWhatWasWritten() throws IOException {
        Path file = dir.resolve("stats.mcap");
        TestRecording.write(file, 10_000, new McapWriter.Options(64 * 1024, Long.MAX_VALUE));
        RecordWalk walk = new RecordWalk(file);

        RecordWalk.Stats stats = walk.statistics();
        assertEquals(10_000, stats.messageCount());
        assertEquals(2, stats.schemaCount());
        assertEquals(3, stats.channelCount());
        assertEquals(2, stats.metadataCount());
        assertEquals(walk.of(0x06).size(), stats.chunkCount());
        assertEquals(TestRecording.T0, stats.startTime());
        assertEquals(TestRecording.T0 + 9_999 * 1_000_000L, stats.endTime());
        assertEquals(Map.of(1, 3334L, 2, 3333L, 3, 3333L), stats.channelCounts());
        assertEquals(walk.of(0x06).size(), walk.of(0x08).size(), "one chunk index per chunk");
        assertEquals(2, walk.of(0x0D).size(), "metadata indexes");
        assertEquals(5, walk.of(0x0E).size(), "summary offsets: schema, channel, chunk index, metadata index, stats");
        // Schema and Channel records appear in the data section and again in the summary.
        assertEquals(4, walk.of(0x03).size());
        assertEquals(6, walk.of(0x04).size());
    }

    @Test
    void schemasAndChannelsAreOnDiskBeforeAnyMessage() throws IOException {
        Path file = dir.resolve("early.mcap");
        try (McapWriter w = McapWriter.create(file, "", "t", McapWriter.Options.defaults())) {
            int schema = w.addSchema("s", "jsonschema", "{}".getBytes(TestRecording.UTF8));
            w.addChannel(schema, "/a", "json", Map.of());
            Collected got = new Collected();
            McapReader.Result open = McapReader.read(file, got);
            assertEquals(1, got.schemas.size());
            assertEquals(1, got.channels.size());
            assertEquals(w.bytesWritten(), open.validEndOffset());
            assertTrue(open.problem().contains("without a footer"), open.problem());
        }
    }

    @Test
    void emptyRecordingIsCompleteAndValid() throws IOException {
        Path file = dir.resolve("empty.mcap");
        McapWriter.create(file, "ros1", "t", McapWriter.Options.defaults()).close();
        Collected got = new Collected();
        McapReader.Result result = McapReader.read(file, got);
        assertTrue(result.intact(), String.valueOf(result.problem()));
        assertEquals("ros1", got.profile);
        assertEquals(0, result.messages());
        assertEquals(0, new RecordWalk(file).statistics().messageCount());
    }

    @Test
    void writerCountsMessagesAndBytes() throws IOException {
        Path file = dir.resolve("count.mcap");
        try (McapWriter w = McapWriter.create(file, "", "t", McapWriter.Options.defaults())) {
            int ch = w.addChannel(0, "/a", "json", Map.of());
            for (int i = 0; i < 10; i++) {
                w.write(ch, i, i, new byte[] {1, 2, 3});
            }
            assertEquals(10, w.messageCount());
            long beforeFlush = w.bytesWritten();
            assertEquals(Files.size(file), beforeFlush);
            w.flush();
            assertEquals(Files.size(file), w.bytesWritten());
            assertTrue(w.bytesWritten() > beforeFlush + 10 * (9 + 22 + 3), "chunk written on flush");
        }
    }

    @Test
    void createRefusesToOverwriteAnExistingFile() throws IOException {
        Path file = dir.resolve("exists.mcap");
        Files.write(file, new byte[] {1, 2, 3});
        FileAlreadyExistsException e = assertThrows(FileAlreadyExistsException.class,
                () -> McapWriter.create(file, "", "t", McapWriter.Options.defaults()));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(file), "untouched");
    }

    @Test
    void writerRejectsUnknownIdsAndNegativeTimesNamingThem() throws IOException {
        Path file = dir.resolve("bad.mcap");
        try (McapWriter w = McapWriter.create(file, "", "t", McapWriter.Options.defaults())) {
            IllegalArgumentException schema = assertThrows(IllegalArgumentException.class,
                    () -> w.addChannel(7, "/x", "json", Map.of()));
            assertTrue(schema.getMessage().contains("schema id 7"), schema.getMessage());
            IllegalArgumentException channel = assertThrows(IllegalArgumentException.class,
                    () -> w.write(3, 0, 0, new byte[0]));
            assertTrue(channel.getMessage().contains("channel id 3"), channel.getMessage());
            int ch = w.addChannel(0, "/x", "json", Map.of());
            assertThrows(IllegalArgumentException.class, () -> w.write(ch, -1, 0, new byte[0]));
        }
        assertThrows(IllegalStateException.class, () -> {
            McapWriter w = McapWriter.create(dir.resolve("closed.mcap"), "", "t", McapWriter.Options.defaults());
            w.close();
            w.addSchema("s", "e", new byte[0]);
        });
    }
}
