package dev.demoforge.test.support.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;

import dev.demoforge.export.api.DatasetExporter;
import dev.demoforge.export.api.ExportSession;
import dev.demoforge.export.api.OptionSpec;

/**
 * Checks every {@link DatasetExporter} must pass whatever its format (docs/exporter-sdk.md), run on
 * {@link SyntheticEpisode}s; each fails the calling test with a message saying what broke. Blocks the calling
 * thread for one small export; thread-safe.
 */
public final class ExporterContract {

    private ExporterContract() {
    }

    /**
     * What the options form sends (every option at its default value) is accepted and exports two rows into
     * {@code out}; every option has one of the {@code types} the exporter means to offer (e.g. no {@code bool}).
     */
    public static void formDefaultsAreAccepted(DatasetExporter exporter, Path out, String... types)
            throws IOException {
        Map<String, String> form = new LinkedHashMap<>();
        for (OptionSpec o : exporter.capabilities().options()) {
            assertTrue(List.of(types).contains(o.type()), () -> "option " + o.key() + " has type " + o.type());
            form.put(o.key(), o.defaultValue());
        }
        try (ExportSession s = exporter.begin(out, SyntheticEpisode.spec(), form)) {
            s.writeEpisode(new SyntheticEpisode(0, 2, "t"), new NullProgressMonitor());
            s.finish(new NullProgressMonitor());
        }
        assertTrue(Files.isDirectory(out), "no output directory " + out);
    }

    /**
     * An export into {@code emptyDir/NAME} cancelled in its second episode throws
     * {@link OperationCanceledException}, refuses {@code finish} afterwards, and leaves {@code emptyDir} empty: no
     * output and no staging directory.
     */
    public static void cancelledExportLeavesNothingBehind(DatasetExporter exporter, Path emptyDir, String name)
            throws IOException {
        try (ExportSession s = exporter.begin(emptyDir.resolve(name), SyntheticEpisode.spec(), Map.of())) {
            s.writeEpisode(new SyntheticEpisode(0, 4, "t"), new NullProgressMonitor());
            NullProgressMonitor cancelled = new NullProgressMonitor();
            cancelled.setCanceled(true);
            assertThrows(OperationCanceledException.class,
                    () -> s.writeEpisode(new SyntheticEpisode(1, 4, "t"), cancelled));
            assertThrows(IllegalStateException.class, () -> s.finish(new NullProgressMonitor()));
        }
        try (Stream<Path> left = Files.list(emptyDir)) {
            assertEquals(List.of(), left.toList(), "no output and no staging directory");
        }
    }
}
