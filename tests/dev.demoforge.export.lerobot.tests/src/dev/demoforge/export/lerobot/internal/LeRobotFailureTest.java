package dev.demoforge.export.lerobot.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.demoforge.export.api.DatasetExporter;
import dev.demoforge.export.api.ExportSession;
import dev.demoforge.test.support.export.CancelAfter;
import dev.demoforge.test.support.export.ExporterContract;

/** Cancellation, abandoned sessions, refused output directories and malformed episodes. */
class LeRobotFailureTest {

    @TempDir
    Path tmp;

    @Test
    void cancelDuringVideoOfSecondEpisodeLeavesNoOutputAndNoStaging() throws Exception {
        DatasetExporter exporter = ExporterService.lerobot();
        Path out = tmp.resolve("cancel/dataset");
        try (ExportSession s = exporter.begin(out, SyntheticEpisode.spec(), Map.of())) {
            s.writeEpisode(new SyntheticEpisode(0, 40, "a"), new NullProgressMonitor());
            assertTrue(listing(tmp.resolve("cancel")).stream().anyMatch(n -> n.contains("staging")),
                    "writes go to a staging directory");
            assertThrows(OperationCanceledException.class,
                    () -> s.writeEpisode(new SyntheticEpisode(1, 40, "a"), new CancelAfter(60)));
            assertThrows(IllegalStateException.class, () -> s.finish(new NullProgressMonitor()));
        }
        assertFalse(Files.exists(out), "no output directory after cancellation");
        assertEquals(List.of(), listing(tmp.resolve("cancel")), "no staging directory left");
    }

    @Test
    void cancelDuringFinishLeavesNoOutputAndNoStaging() throws Exception {
        Path out = tmp.resolve("cancel-finish/dataset");
        try (ExportSession s = ExporterService.lerobot().begin(out, SyntheticEpisode.spec(), Map.of())) {
            s.writeEpisode(new SyntheticEpisode(0, 12, "a"), new NullProgressMonitor());
            assertThrows(OperationCanceledException.class, () -> s.finish(new CancelAfter(1)));
        }
        assertFalse(Files.exists(out));
        assertEquals(List.of(), listing(tmp.resolve("cancel-finish")));
    }

    @Test
    void closeWithoutFinishDeletesEverything() throws Exception {
        Path out = tmp.resolve("abandon/dataset");
        try (ExportSession s = ExporterService.lerobot().begin(out, SyntheticEpisode.spec(), Map.of())) {
            s.writeEpisode(new SyntheticEpisode(0, 12, "a"), new NullProgressMonitor());
        }
        assertEquals(List.of(), listing(tmp.resolve("abandon")));
    }

    @Test
    void nonEmptyOutputDirectoryIsRefusedAndLeftAlone() throws Exception {
        ExporterContract.nonEmptyOutputIsRefusedAndLeftAlone(ExporterService.lerobot(), SyntheticEpisode.spec(),
                Map.of(), tmp.resolve("full"));
    }

    @Test
    void emptyExistingOutputDirectoryIsAccepted() throws Exception {
        Path out = Files.createDirectories(tmp.resolve("empty/dataset"));
        try (ExportSession s = ExporterService.lerobot().begin(out, SyntheticEpisode.spec(), Map.of())) {
            s.writeEpisode(new SyntheticEpisode(0, 10, "a"), new NullProgressMonitor());
            s.finish(new NullProgressMonitor());
        }
        assertTrue(Files.isRegularFile(out.resolve("meta/info.json")));
        assertEquals(List.of("dataset"), listing(tmp.resolve("empty")));
    }

    @Test
    void episodeWithWrongVectorWidthIsRejectedNamingEpisodeAndFeature() throws Exception {
        ExporterContract.malformedVectorRowIsRefusedNamingIt(ExporterService.lerobot(), SyntheticEpisode.spec(),
                Map.of(), tmp.resolve("bad"));
    }

    @Test
    void unknownOptionIsRefusedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ExporterService.lerobot()
                .begin(tmp.resolve("x"), SyntheticEpisode.spec(), Map.of("video_codek", "libopenh264")));
        assertTrue(e.getMessage().contains("video_codek"), e.getMessage());
    }

    private static List<String> listing(Path dir) throws IOException {
        return ExporterContract.listing(dir);
    }
}
