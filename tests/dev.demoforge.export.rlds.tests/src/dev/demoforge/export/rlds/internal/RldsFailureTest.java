package dev.demoforge.export.rlds.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.demoforge.export.api.DatasetSpec;
import dev.demoforge.export.api.DatasetSplit;
import dev.demoforge.export.api.ExportSession;
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
    void anEpisodeOutsideEverySplitOrASplitPastTheLastEpisodeFailsAndLeavesNothing() throws Exception {
        Path out = tmp.resolve("data");
        DatasetSpec gap = SyntheticEpisode.spec().withSplits(List.of(new DatasetSplit("train", 0, 1),
                new DatasetSplit("val", 2, 3)));
        try (ExportSession s = ExporterService.rlds().begin(out, gap, Map.of())) {
            s.writeEpisode(new SyntheticEpisode(0, 2, "t"), new NullProgressMonitor());
            String message = assertThrows(IOException.class, () -> s.writeEpisode(new SyntheticEpisode(1, 2, "t"),
                    new NullProgressMonitor())).getMessage();
            assertTrue(message.contains("Episode 1 ('synthetic-1') lies in none of the splits"), message);
        }
        DatasetSpec tooLong = SyntheticEpisode.spec().withSplits(List.of(new DatasetSplit("train", 0, 1),
                new DatasetSplit("val", 1, 4)));
        try (ExportSession s = ExporterService.rlds().begin(out, tooLong, Map.of())) {
            s.writeEpisode(new SyntheticEpisode(0, 2, "t"), new NullProgressMonitor());
            s.writeEpisode(new SyntheticEpisode(1, 2, "t"), new NullProgressMonitor());
            String message = assertThrows(IllegalStateException.class, () -> s.finish(new NullProgressMonitor()))
                    .getMessage();
            assertTrue(message.contains("split 'val' ends at episode 4 but only 2 episodes were written"), message);
        }
        try (Stream<Path> left = Files.list(tmp)) {
            assertEquals(List.of(), left.toList(), "no output and no staging directory");
        }
    }

    @Test
    void theReaderRejectsAShardWithAFlippedDataBit() throws Exception {
        Path out = tmp.resolve("data");
        SyntheticEpisode.exportAll(ExporterService.rlds(), out, Map.of(), 3, 2);
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
