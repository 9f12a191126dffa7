package dev.demoforge.mcap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files written and repaired here are read by Foxglove's own TypeScript library, {@code @mcap/core}. */
class McapIndependentReaderTest {

    @TempDir
    Path dir;

    @Test
    void mcapCoreIndexedAndStreamingReadersReadEverythingWritten() throws Exception {
        Path file = dir.resolve("episode.mcap");
        TestRecording.write(file, 10_000, new McapWriter.Options(64 * 1024, Long.MAX_VALUE));
        int chunks = new RecordWalk(file).chunks().size();

        NodeMcapCheck.Output out = NodeMcapCheck.run(file);

        assertEquals(0, out.exitCode(), out.json());
        assertEquals(10_000, out.number("messages"));
        assertEquals(3, out.number("channels"));
        assertEquals(2, out.number("schemas"));
        assertEquals(chunks, out.number("chunkCount"));
        assertEquals(List.of("demoforge_episode", "demoforge_episode_end"), out.strings("metadataNames"));
        assertEquals(List.of("/arm/joint_states", "/arm/wrench", "/events"), out.strings("topics"));
        assertEquals(10_000, out.number("statisticsMessageCount"));
        assertEquals(chunks, out.number("statisticsChunkCount"));
        assertEquals(out.number("dataSectionCrcStored"), out.number("dataSectionCrcComputed"));
        assertEquals(10_000, out.number("streamMessages"));
        assertTrue(out.bool("streamDone"), out.json());
    }

    @Test
    void recoveredFileOfAKilledRecordingPassesTheIndexedReader() throws Exception {
        Path full = dir.resolve("full.mcap");
        TestRecording.write(full, 3_000, new McapWriter.Options(16 * 1024, Long.MAX_VALUE));
        byte[] bytes = Files.readAllBytes(full);
        int cut = bytes.length * 3 / 5;
        Path killed = dir.resolve("killed.mcap");
        Files.write(killed, Arrays.copyOf(bytes, cut));
        long expected = new RecordWalk(full).chunks().stream().filter(c -> c.end() <= cut)
                .mapToInt(RecordWalk.Chunk::messages).sum();

        NodeMcapCheck.Output before = NodeMcapCheck.run(killed);
        assertEquals(1, before.exitCode(), "an unclosed file has no summary: " + before.json());
        assertTrue(before.has("indexedError"), before.json());

        Path repaired = dir.resolve("repaired.mcap");
        McapRecovery.Result result = McapRecovery.recover(killed, repaired);
        assertEquals(expected, result.messages());

        NodeMcapCheck.Output after = NodeMcapCheck.run(repaired);
        assertEquals(0, after.exitCode(), after.json());
        assertEquals(expected, after.number("messages"));
        assertEquals(expected, after.number("streamMessages"));
        assertEquals(expected, after.number("statisticsMessageCount"));
        assertEquals(List.of("demoforge_episode"), after.strings("metadataNames"));
    }

    @Test
    void independentReaderRejectsACorruptChunkToo() throws Exception {
        Path file = dir.resolve("episode.mcap");
        TestRecording.write(file, 1_000, new McapWriter.Options(8 * 1024, Long.MAX_VALUE));
        RecordWalk.Chunk second = new RecordWalk(file).chunks().get(1);
        byte[] bytes = Files.readAllBytes(file);
        bytes[(int) (second.offset() + second.end()) / 2] ^= 0x01;
        Files.write(file, bytes);

        NodeMcapCheck.Output out = NodeMcapCheck.run(file);

        assertEquals(1, out.exitCode(), out.json());
        assertTrue(out.json().contains("CRC"), out.json());
        assertFalse(out.bool("streamDone"), out.json());
    }
}
