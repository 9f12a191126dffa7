package dev.demoforge.export.mcap.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.demoforge.export.api.OptionSpec;
import dev.demoforge.test.support.export.ExporterContract;
import dev.demoforge.test.support.export.ReaderProcess;
import dev.demoforge.test.support.export.SyntheticEpisode;

/** Bad options, cancellation, corruption: clear errors and nothing that looks like an export. */
class McapFailureTest {

    @TempDir
    Path tmp;

    @Test
    void badOptionsAreRefusedNamingTheOption() throws Exception {
        var mcap = ExporterService.mcap();
        Path out = tmp.resolve("x");
        assertEquals("MCAP export option image_format='bmp' is not one of [jpeg, png]",
                assertThrows(IllegalArgumentException.class, () -> mcap.begin(out, SyntheticEpisode.spec(),
                        Map.of("image_format", "bmp"))).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> mcap.begin(out, SyntheticEpisode.spec(),
                Map.of("chunk_size_kb", "0"))).getMessage().contains("chunk_size_kb='0' must be a whole number"));
        assertTrue(Files.notExists(out));
    }

    @Test
    void whatTheOptionsFormSendsIsAccepted() throws Exception {
        ExporterContract.formDefaultsAreAccepted(ExporterService.mcap(), tmp.resolve("form"), OptionSpec.CHOICE,
                OptionSpec.INT, OptionSpec.STRING);
    }

    @Test
    void aCancelledExportLeavesNothingBehind() throws Exception {
        ExporterContract.cancelledExportLeavesNothingBehind(ExporterService.mcap(), tmp, "mcap");
    }

    @Test
    void theReaderRejectsAFileWithACorruptedChunk() throws Exception {
        Path out = tmp.resolve("mcap");
        SyntheticEpisode.exportAll(ExporterService.mcap(), out, Map.of(), 6);
        Path file = out.resolve("episode_000000.mcap");
        McapReaders.check(file);
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.seek(f.length() / 2);
            int b = f.read();
            f.seek(f.length() / 2);
            f.write(b ^ 0x01);
        }
        ReaderProcess.Run r = McapReaders.checkRun(file);
        assertEquals(1, r.exit(), r.out());
        assertTrue(r.err().contains("FAIL"), r.err());
    }
}
