package dev.demoforge.mcap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A recording cut at many offsets, as a killed recorder leaves it. */
class McapTruncationTest {

    @TempDir
    Path dir;

    private Path full;
    private byte[] bytes;
    private TestRecording rec;
    private List<RecordWalk.Chunk> chunks;

    @BeforeEach
    void writeRecording() throws IOException {
        full = dir.resolve("full.mcap");
        rec = TestRecording.write(full, 1_200, new McapWriter.Options(8 * 1024, Long.MAX_VALUE));
        bytes = Files.readAllBytes(full);
        chunks = new RecordWalk(full).chunks();
        assertTrue(chunks.size() >= 10, "enough chunks to cut between: " + chunks.size());
    }

    /** Every 97th offset through the file, plus every offset inside the last 120 bytes (summary offsets, footer). */
    private TreeSet<Integer> cuts() {
        TreeSet<Integer> cuts = new TreeSet<>();
        for (int cut = 8; cut < bytes.length; cut += 97) {
            cuts.add(cut);
        }
        for (int cut = bytes.length - 120; cut < bytes.length; cut++) {
            cuts.add(cut);
        }
        return cuts;
    }

    /** Messages of the chunks that lie wholly before {@code cut}. */
    private int messagesBefore(long cut) {
        return chunks.stream().filter(c -> c.end() <= cut).mapToInt(RecordWalk.Chunk::messages).sum();
    }

    @Test
    void readerReturnsExactlyTheMessagesOfCompleteChunksAtEveryCut() throws IOException {
        Path cutFile = dir.resolve("cut.mcap");
        int checked = 0;
        for (int cut : cuts()) {
            Files.write(cutFile, Arrays.copyOf(bytes, cut));
            Collected got = new Collected();
            McapReader.Result result = McapReader.read(cutFile, got);
            int expected = messagesBefore(cut);
            String where = "cut at " + cut + " of " + bytes.length + ": " + result.problem();
            assertFalse(result.complete(), where);
            assertNotNull(result.problem(), where);
            assertTrue(result.problem().contains("offset"), where);
            assertEquals(expected, result.messages(), where);
            assertEquals(rec.expected.messages.subList(0, expected), got.messages, where);
            assertEquals(chunks.stream().filter(c -> c.end() <= cut).count(), result.chunks(), where);
            assertTrue(result.validEndOffset() <= cut, where);
            checked++;
        }
        assertTrue(checked > 100, "cuts checked: " + checked);
    }

    @Test
    void recoveryRebuildsACompleteIndexedFileFromEveryTenthCut() throws IOException {
        List<Integer> cuts = new ArrayList<>(cuts());
        for (int i = 0; i < cuts.size(); i += 10) {
            int cut = cuts.get(i);
            Path cutFile = dir.resolve("cut-" + cut + ".mcap");
            Path repaired = dir.resolve("repaired-" + cut + ".mcap");
            Files.write(cutFile, Arrays.copyOf(bytes, cut));

            McapRecovery.Result result = McapRecovery.recover(cutFile, repaired);

            int expected = messagesBefore(cut);
            String where = "cut at " + cut;
            assertEquals(expected, result.messages(), where);
            assertFalse(result.wasComplete(), where);
            assertTrue(result.bytesLost() >= 0 && result.bytesLost() <= cut, where);
            Collected got = new Collected();
            McapReader.Result reread = McapReader.read(repaired, got);
            assertTrue(reread.intact(), where + ": " + reread.problem());
            assertEquals(rec.expected.messages.subList(0, expected), got.messages, where);
            assertEquals(rec.expected.schemas.subList(0, got.schemas.size()), got.schemas, where);
            if (expected > 0) {
                assertEquals(rec.expected.schemas, got.schemas, where);
                assertEquals(rec.expected.channels, got.channels, where);
            }
            assertEquals(expected, new RecordWalk(repaired).statistics().messageCount(), where);
            Files.delete(cutFile);
            Files.delete(repaired);
        }
    }

    @Test
    void recoveryOfACompleteFileKeepsEverything() throws IOException {
        Path repaired = dir.resolve("repaired.mcap");
        McapRecovery.Result result = McapRecovery.recover(full, repaired);
        assertTrue(result.wasComplete());
        assertEquals(0, result.bytesLost());
        assertEquals(1_200, result.messages());
        Collected got = new Collected();
        assertTrue(McapReader.read(repaired, got).intact());
        assertEquals(rec.expected.messages, got.messages);
        assertEquals(rec.expected.channels, got.channels);
        assertEquals(rec.expected.metadata, got.metadata);
        assertEquals("demoforge-test; recovered by dev.demoforge.mcap", got.library);
    }

    @Test
    void cutInsideTheFooterStillYieldsEveryMessage() throws IOException {
        Path cutFile = dir.resolve("nofooter.mcap");
        Files.write(cutFile, Arrays.copyOf(bytes, bytes.length - 12));
        McapReader.Result result = McapReader.read(cutFile, new Collected());
        assertFalse(result.complete());
        assertEquals(1_200, result.messages());
        assertTrue(result.problem().contains("footer"), result.problem());
    }
}
