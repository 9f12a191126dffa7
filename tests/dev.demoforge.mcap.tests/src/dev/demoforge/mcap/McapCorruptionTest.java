package dev.demoforge.mcap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class McapCorruptionTest {

    @TempDir
    Path dir;

    private Path full;
    private byte[] bytes;
    private TestRecording rec;
    private List<RecordWalk.Chunk> chunks;

    @BeforeEach
    void writeRecording() throws IOException {
        full = dir.resolve("full.mcap");
        rec = TestRecording.write(full, 1_000, new McapWriter.Options(8 * 1024, Long.MAX_VALUE));
        bytes = Files.readAllBytes(full);
        chunks = new RecordWalk(full).chunks();
    }

    private Path withFlippedByte(int offset) throws IOException {
        byte[] copy = bytes.clone();
        copy[offset] ^= 0x20;
        Path file = dir.resolve("flipped-" + offset + ".mcap");
        Files.write(file, copy);
        return file;
    }

    @Test
    void corruptByteInsideAChunkRejectsThatChunkNamingItsOffset() throws IOException {
        RecordWalk.Chunk third = chunks.get(2);
        Path file = withFlippedByte((int) (third.offset() + (third.end() - third.offset()) / 2));

        Collected got = new Collected();
        McapReader.Result result = McapReader.read(file, got);

        assertFalse(result.complete(), "reading stops at the bad chunk");
        assertTrue(result.problem().startsWith("chunk at offset " + third.offset() + ": CRC mismatch"),
                result.problem());
        int before = chunks.get(0).messages() + chunks.get(1).messages();
        assertEquals(before, result.messages());
        assertEquals(rec.expected.messages.subList(0, before), got.messages);
        assertEquals(2, result.chunks());
        assertEquals(third.offset(), result.validEndOffset());
    }

    @Test
    void recoveryDropsTheCorruptChunkAndWhatFollows() throws IOException {
        RecordWalk.Chunk third = chunks.get(2);
        Path file = withFlippedByte((int) third.end() - 3);
        Path repaired = dir.resolve("repaired.mcap");

        McapRecovery.Result result = McapRecovery.recover(file, repaired);

        int before = chunks.get(0).messages() + chunks.get(1).messages();
        assertEquals(before, result.messages());
        assertEquals(2, result.chunks());
        assertEquals(bytes.length - third.offset(), result.bytesLost());
        Collected got = new Collected();
        assertTrue(McapReader.read(repaired, got).intact());
        assertEquals(rec.expected.messages.subList(0, before), got.messages);
    }

    @Test
    void corruptSummaryIsReportedButEveryMessageIsRead() throws IOException {
        RecordWalk.Rec chunkIndex = new RecordWalk(full).of(0x08).get(0);
        Path file = withFlippedByte((int) chunkIndex.offset() + 12);
        McapReader.Result result = McapReader.read(file, new Collected());
        assertEquals(1_000, result.messages());
        assertTrue(result.complete());
        assertTrue(result.problem().contains("summary CRC mismatch"), result.problem());
    }

    @Test
    void corruptSchemaOutsideChunksFailsTheDataSectionCrc() throws IOException {
        RecordWalk.Rec schema = new RecordWalk(full).of(0x03).get(0);
        // Last byte of the schema's JSON text: parses fine, only the data-section CRC notices.
        Path file = withFlippedByte((int) schema.end() - 2);
        McapReader.Result result = McapReader.read(file, new Collected());
        assertTrue(result.problem().contains("data section CRC mismatch"), result.problem());
    }

    @Test
    void zeroFilledTailIsReportedAsInvalidOpcode() throws IOException {
        byte[] copy = Arrays.copyOf(bytes, (int) chunks.get(3).offset() + 4096);
        Arrays.fill(copy, (int) chunks.get(3).offset(), copy.length, (byte) 0);
        Path file = dir.resolve("zeros.mcap");
        Files.write(file, copy);
        McapReader.Result result = McapReader.read(file, new Collected());
        assertEquals("offset " + chunks.get(3).offset() + ": invalid opcode 0x00 (zeroed or corrupt data)",
                result.problem());
        assertEquals(chunks.get(3).offset(), result.validEndOffset());
    }

    @Test
    void garbageFileIsNotMcapAndTheMessageNamesTheFile() throws IOException {
        Path file = dir.resolve("notes.txt");
        Files.writeString(file, "this is not an MCAP file at all, just text\n");
        McapFormatException e = assertThrows(McapFormatException.class, () -> McapReader.read(file, new Collected()));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("not an MCAP file"), e.getMessage());
        assertThrows(McapFormatException.class, () -> McapRecovery.recover(file, dir.resolve("out.mcap")));
        assertFalse(Files.exists(dir.resolve("out.mcap")), "nothing written for a non-MCAP input");
    }

    @Test
    void emptyFileIsNotMcapAndTheMessageSaysEmpty() throws IOException {
        Path file = dir.resolve("empty.mcap");
        Files.createFile(file);
        McapFormatException e = assertThrows(McapFormatException.class, () -> McapReader.read(file, new Collected()));
        assertEquals(file + ": empty file, not an MCAP file", e.getMessage());
    }

    @Test
    void fileCutInsideTheMagicSaysSo() throws IOException {
        Path file = dir.resolve("tiny.mcap");
        Files.write(file, Arrays.copyOf(bytes, 5));
        McapFormatException e = assertThrows(McapFormatException.class, () -> McapReader.read(file, new Collected()));
        assertTrue(e.getMessage().contains("truncated inside the MCAP magic"), e.getMessage());
    }
}
