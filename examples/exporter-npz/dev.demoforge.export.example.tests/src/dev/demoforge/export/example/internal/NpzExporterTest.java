package dev.demoforge.export.example.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import dev.demoforge.export.api.DatasetExporter;
import dev.demoforge.export.api.DatasetSplit;
import dev.demoforge.export.api.ExportResult;
import dev.demoforge.export.api.ExportSession;

/**
 * The example exporter found as a DS service, its output read back by numpy (Debian's python3-numpy through
 * {@code /usr/bin/python3}, tests/npz-check.py), which recomputes every value of the ramp episodes.
 */
class NpzExporterTest {

    @TempDir
    Path dir;

    static DatasetExporter exporter() throws Exception {
        var context = FrameworkUtil.getBundle(NpzExporterTest.class).getBundleContext();
        ServiceTracker<DatasetExporter, DatasetExporter> t = new ServiceTracker<>(context, DatasetExporter.class,
                null);
        t.open();
        try {
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (System.nanoTime() < deadline) {
                for (DatasetExporter e : t.getTracked().values()) {
                    if (e.formatId().equals(NpzExporter.FORMAT_ID)) {
                        return e;
                    }
                }
                Thread.sleep(50);
            }
            return fail("no DatasetExporter 'npz' within 10 s (is SCR running?)");
        } finally {
            t.close();
        }
    }

    private static Path checker() {
        for (Path p = Path.of(System.getProperty("user.dir")).toAbsolutePath(); p != null; p = p.getParent()) {
            Path c = p.resolve("examples/exporter-npz/npz-check.py");
            if (Files.isRegularFile(c)) {
                return c;
            }
        }
        return fail("examples/exporter-npz/npz-check.py not found above " + System.getProperty("user.dir"));
    }

    private static String run(List<String> cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).start();
        p.getOutputStream().close();
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> text(p.getErrorStream()));
        String out = text(p.getInputStream());
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "timed out: " + cmd);
        assertEquals(0, p.exitValue(), () -> "npz-check failed: " + out + err.join());
        return out;
    }

    private static String text(InputStream in) {
        try (in; ByteArrayOutputStream b = new ByteArrayOutputStream()) {
            in.transferTo(b);
            return b.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private ExportResult export(Map<String, String> options, int... lengths) throws Exception {
        var spec = RampEpisode.spec().withSplits(List.of(new DatasetSplit("train", 0, lengths.length - 1),
                new DatasetSplit("val", lengths.length - 1, lengths.length)));
        try (ExportSession s = exporter().begin(dir.resolve("out"), spec, options)) {
            for (int e = 0; e < lengths.length; e++) {
                s.writeEpisode(new RampEpisode(e, lengths[e]), new NullProgressMonitor());
            }
            return s.finish(new NullProgressMonitor());
        }
    }

    @Test
    void numpyReadsEveryArrayWithItsShapeTypeAndValues() throws Exception {
        ExportResult r = export(Map.of(), 20, 7, 12);
        assertEquals(3, r.episodes());
        assertEquals(39, r.frames());
        JsonObject check = JsonParser.parseString(run(List.of("/usr/bin/python3", checker().toString(),
                r.outputDir().toString()))).getAsJsonObject();
        assertEquals(3, check.get("episodes").getAsInt());
        assertEquals(39, check.get("frames").getAsInt());
        assertEquals("[20,3]", check.getAsJsonObject("shapes").get("observation.state").toString());
        assertEquals("[20,24,32,3]", check.getAsJsonObject("shapes").get("observation.images.cam").toString());
        assertEquals("{\"train\":\"0:2\",\"val\":\"2:3\"}", check.get("splits").toString());
    }

    @Test
    void withoutImagesOrCompressionOnlyTheVectorsAreWrittenAndStillRead() throws Exception {
        ExportResult r = export(Map.of("images", "false", "compression", "none"), 5, 5);
        JsonObject check = JsonParser.parseString(run(List.of("/usr/bin/python3", checker().toString(),
                r.outputDir().toString()))).getAsJsonObject();
        assertEquals(false, check.getAsJsonObject("shapes").has("observation.images.cam"));
        assertEquals(10, check.get("frames").getAsInt());
    }

    @Test
    void cancellingLeavesNothingThatLooksLikeADataset() throws Exception {
        NullProgressMonitor cancelled = new NullProgressMonitor();
        cancelled.setCanceled(true);
        try (ExportSession s = exporter().begin(dir.resolve("out"), RampEpisode.spec(), Map.of())) {
            s.writeEpisode(new RampEpisode(0, 4), new NullProgressMonitor());
            assertThrows(OperationCanceledException.class, () -> s.writeEpisode(new RampEpisode(1, 4), cancelled));
        }
        assertTrue(Files.notExists(dir.resolve("out")));
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(), left.toList(), "the staging directory is gone");
        }
    }

    @Test
    void badOptionsAreRefusedByName() throws Exception {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> exporter().begin(dir.resolve("o"), RampEpisode.spec(), Map.of("compression", "zstd")));
        assertEquals("npz export option compression='zstd' is not one of [deflate, none]", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> exporter().begin(dir.resolve("o"), RampEpisode.spec(), Map.of("colour", "red")));
        assertTrue(e.getMessage().startsWith("npz export option 'colour' is unknown"), e.getMessage());
    }
}
