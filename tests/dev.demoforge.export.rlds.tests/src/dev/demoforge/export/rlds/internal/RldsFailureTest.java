package dev.demoforge.export.rlds.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.demoforge.export.api.DatasetSpec;
import dev.demoforge.export.api.OptionSpec;
import dev.demoforge.export.api.FeatureKind;
import dev.demoforge.export.api.FeatureSpec;
import dev.demoforge.test.support.export.ExporterContract;
import dev.demoforge.test.support.export.ReaderProcess;
import dev.demoforge.test.support.export.SyntheticEpisode;

/** Bad options, cancellation, corruption: clear errors and nothing that looks like a dataset. */
class RldsFailureTest {

    @TempDir
    Path tmp;

    @Test
    void badOptionsAreRefusedNamingTheOption() throws Exception {
        var rlds = ExporterService.rlds();
        Path out = tmp.resolve("x");
        var spec = SyntheticEpisode.spec();
        assertEquals("RLDS export option image_encoding='gif' is not one of [jpeg, png]",
                assertThrows(IllegalArgumentException.class,
                        () -> rlds.begin(out, spec, Map.of("image_encoding", "gif"))).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> rlds.begin(out, spec,
                Map.of("version", "1.0"))).getMessage().contains("version='1.0' is not MAJOR.MINOR.PATCH"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> rlds.begin(out, spec,
                Map.of("shards", "2"))).getMessage().contains("unknown RLDS export option 'shards'"));
        DatasetSpec noAction = new DatasetSpec("x", null, 30, List.of(FeatureSpec.vector("observation.state",
                FeatureKind.STATE, List.of("a"))));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> rlds.begin(out, noAction, Map.of()))
                .getMessage().contains("exactly one ACTION feature"));
        assertFalse(Files.exists(out));
    }

    @Test
    void whatTheOptionsFormSendsIsAccepted() throws Exception {
        ExporterContract.formDefaultsAreAccepted(ExporterService.rlds(), tmp.resolve("form"), OptionSpec.CHOICE,
                OptionSpec.INT, OptionSpec.STRING);
    }

    @Test
    void aCancelledExportLeavesNothingBehind() throws Exception {
        ExporterContract.cancelledExportLeavesNothingBehind(ExporterService.rlds(), tmp, "data");
    }

    @Test
    void theReaderRejectsAShardWithAFlippedDataBit() throws Exception {
        Path out = tmp.resolve("data");
        RldsExportTest.export(ExporterService.rlds(), out, Map.of(), 3, 2);
        Path dir = out.resolve("synthetic/1.0.0");
        Path shard = dir.resolve("synthetic-train.tfrecord-00000-of-00001");
        RldsReader.check(dir);
        try (RandomAccessFile f = new RandomAccessFile(shard.toFile(), "rw")) {
            f.seek(100);
            int b = f.read();
            f.seek(100);
            f.write(b ^ 0x10);
        }
        ReaderProcess.Run r = RldsReader.run(dir);
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("data CRC mismatch in record at offset 0"), r.err());
    }
}
