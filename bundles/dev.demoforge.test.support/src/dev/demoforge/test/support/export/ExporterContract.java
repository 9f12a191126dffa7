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
import dev.demoforge.export.api.DatasetSpec;
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

    /**
     * {@code begin} into an existing directory {@code emptyDir/dataset} holding a file is refused with an
     * {@link IOException} naming the directory, saying it is not empty and naming the file; nothing is touched.
     */
    public static void nonEmptyOutputIsRefusedAndLeftAlone(DatasetExporter exporter, DatasetSpec spec,
            Map<String, String> options, Path emptyDir) throws IOException {
        Path out = Files.createDirectories(emptyDir.resolve("dataset"));
        Files.writeString(out.resolve("keep.txt"), "mine");
        IOException e = assertThrows(IOException.class, () -> exporter.begin(out, spec, options));
        assertTrue(e.getMessage().contains(out.toString()) && e.getMessage().contains("not empty")
                && e.getMessage().contains("keep.txt"), e.getMessage());
        assertEquals(List.of("keep.txt"), listing(out));
        assertEquals(List.of("dataset"), listing(emptyDir));
    }

    /**
     * An episode whose {@code action} row 4 has the wrong width is refused by {@code writeEpisode} with an
     * {@link IOException} naming the episode, the feature and the row; closing the session leaves {@code emptyDir}
     * empty.
     */
    public static void malformedVectorRowIsRefusedNamingIt(DatasetExporter exporter, DatasetSpec spec,
            Map<String, String> options, Path emptyDir) throws IOException {
        SyntheticEpisode bad = new SyntheticEpisode(0, 10, "a") {
            @Override
            public float[][] vectors(String key) {
                float[][] v = super.vectors(key);
                if (key.equals(SyntheticEpisode.ACTION)) {
                    v[4] = new float[5];
                }
                return v;
            }
        };
        try (ExportSession s = exporter.begin(emptyDir.resolve("dataset"), spec, options)) {
            IOException e = assertThrows(IOException.class, () -> s.writeEpisode(bad, new NullProgressMonitor()));
            assertTrue(e.getMessage().contains("synthetic-0") && e.getMessage().contains("'action'")
                    && e.getMessage().contains("row 4"), e.getMessage());
        }
        assertEquals(List.of(), listing(emptyDir));
    }

    /** The names in {@code dir}, sorted; empty if {@code dir} does not exist. */
    public static List<String> listing(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
