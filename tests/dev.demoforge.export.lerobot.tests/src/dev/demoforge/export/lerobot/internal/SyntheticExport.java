package dev.demoforge.export.lerobot.internal;

import dev.demoforge.export.support.Staging;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import org.eclipse.core.runtime.NullProgressMonitor;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import dev.demoforge.export.api.ExportResult;
import dev.demoforge.export.api.ExportSession;

/** The synthetic dataset, exported once per test run (through the DS service) and shared by the test classes. */
final class SyntheticExport {

    static final int[] LENGTHS = {90, 150, 61};
    static final String[] TASKS = {"pick the red cube", "open the drawer", "pick the red cube"};

    private static Path dir;
    private static ExportResult result;

    private SyntheticExport() {
    }

    static synchronized Path dir() throws Exception {
        if (dir == null) {
            Path d = Path.of(System.getProperty("java.io.tmpdir"), "lerobot-synthetic", "dataset");
            Staging.deleteTree(d.getParent());
            try (ExportSession s = ExporterService.lerobot().begin(d, SyntheticEpisode.spec(), Map.of())) {
                for (int e = 0; e < LENGTHS.length; e++) {
                    s.writeEpisode(new SyntheticEpisode(e, LENGTHS[e], TASKS[e]), new NullProgressMonitor());
                }
                result = s.finish(new NullProgressMonitor());
            }
            System.out.printf("LeRobot export of %d frames (cameras 640x480 + 320x240, H.264): %.2f MB in %.2f s"
                    + " = %.2f MB/s, %.0f frames/s%n", result.frames(), result.bytes() / 1e6,
                    result.elapsed().toNanos() / 1e9, result.megabytesPerSecond(), result.framesPerSecond());
            long t0 = System.nanoTime();
            for (int e = 0; e < LENGTHS.length; e++) {
                for (int i = 0; i < LENGTHS[e]; i++) {
                    SyntheticEpisode.frame(e, i, 640, 480);
                    SyntheticEpisode.frame(e, i, 320, 240);
                }
            }
            System.out.printf("  of which generating the synthetic frames alone takes %.2f s%n",
                    (System.nanoTime() - t0) / 1e9);
            dir = d;
        }
        return dir;
    }

    static synchronized ExportResult result() throws Exception {
        dir();
        return result;
    }

    static int total() {
        return Arrays.stream(LENGTHS).sum();
    }

    static JsonObject json(Path file) throws Exception {
        return JsonParser.parseString(Files.readString(file)).getAsJsonObject();
    }
}
