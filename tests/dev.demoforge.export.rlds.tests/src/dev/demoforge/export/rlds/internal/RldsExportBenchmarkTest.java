package dev.demoforge.export.rlds.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dev.demoforge.export.api.DatasetExporter;
import dev.demoforge.export.api.ExportResult;
import dev.demoforge.export.api.ExportSession;
import dev.demoforge.export.api.VideoFrames;
import dev.demoforge.export.support.Staging;

/**
 * Export speed of each RLDS variant for a 50-episode dataset shaped like the simulated station's (two cameras,
 * 640x480 and 320x240, 30 fps, 6-D state and action), against copying the bytes written (same files, same disk,
 * {@code Files.copy}; each timed phase starts after a {@code sync} and ends after one, so both are measured to
 * the disk). Frames come from a cache so the figure is the exporter's, not the frame generator's. Run with
 * {@code -DexcludedGroups=none}; prints the figures docs/performance.md quotes.
 */
@Tag("benchmark")
class RldsExportBenchmarkTest {

    static final int EPISODES = Integer.getInteger("rlds.bench.episodes", 50);
    static final int FRAMES = Integer.getInteger("rlds.bench.frames", 60);
    static final int REPEAT = Integer.getInteger("rlds.bench.repeat", 2);

    /** 30 distinct frames per camera and background colour, served in a cycle. */
    static final byte[][][] SCENE_FRAMES = new byte[3][30][];
    static final byte[][][] WRIST_FRAMES = new byte[3][30][];

    static {
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < 30; i++) {
                SCENE_FRAMES[c][i] = SyntheticEpisode.frame(c, i, 640, 480);
                WRIST_FRAMES[c][i] = SyntheticEpisode.frame(c, i, 320, 240);
            }
        }
    }

    @Test
    void exportSpeedAgainstRawCopy() throws Exception {
        Path root = Path.of(System.getProperty("java.io.tmpdir"), "rlds-bench");
        Staging.deleteTree(root);
        System.out.printf("RLDS export benchmark: %d episodes x %d frames, cameras 640x480 + 320x240%n", EPISODES,
                FRAMES);
        System.out.println("| variant | MB written | export s (page cache) | export + sync s | MB/s written"
                + " | MB/s of frames in | episodes/s | copy + sync MB/s | export/copy |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        run(root, "rlds (jpeg 95)", ExporterService.rlds(), Map.of());
        run(root, "rlds image_encoding=png", ExporterService.rlds(), Map.of("image_encoding", "png"));
        Staging.deleteTree(root);
    }

    /** Best of {@link #REPEAT} runs of the export and of the copy (the machine is shared). */
    private static void run(Path root, String name, DatasetExporter exporter, Map<String, String> options)
            throws Exception {
        double cached = Double.MAX_VALUE;
        double seconds = Double.MAX_VALUE;
        double copySeconds = Double.MAX_VALUE;
        long bytes = 0;
        for (int rep = 0; rep < REPEAT; rep++) {
            Path out = root.resolve("export");
            sync();
            long start = System.nanoTime();
            ExportResult r;
            try (ExportSession s = exporter.begin(out, SyntheticEpisode.spec(), options)) {
                for (int e = 0; e < EPISODES; e++) {
                    s.writeEpisode(new CachedEpisode(e), new NullProgressMonitor());
                }
                r = s.finish(new NullProgressMonitor());
            }
            sync();
            seconds = Math.min(seconds, (System.nanoTime() - start) / 1e9);
            cached = Math.min(cached, r.elapsed().toNanos() / 1e9);
            assertEquals(EPISODES, r.episodes());
            bytes = r.bytes();
            Path copy = Files.createDirectories(root.resolve("copy"));
            sync();
            long t0 = System.nanoTime();
            for (Path f : files(out)) {
                Path target = copy.resolve(out.relativize(f).toString());
                Files.createDirectories(target.getParent());
                Files.copy(f, target);
            }
            sync();
            copySeconds = Math.min(copySeconds, (System.nanoTime() - t0) / 1e9);
            Staging.deleteTree(out);
            Staging.deleteTree(copy);
        }
        double copyRate = bytes / 1e6 / copySeconds;
        double rate = bytes / 1e6 / seconds;
        double pixels = (double) EPISODES * FRAMES * (640 * 480 + 320 * 240) * 3;
        System.out.printf("| %s | %.0f | %.2f | %.2f | %.1f | %.0f | %.2f | %.0f | %.4f |%n", name, bytes / 1e6,
                cached, seconds, rate, pixels / 1e6 / seconds, EPISODES / seconds, copyRate, rate / copyRate);
    }

    /** Flushes dirty pages so each timed phase starts without the previous one's write-back. */
    private static void sync() throws Exception {
        new ProcessBuilder("sync").inheritIO().start().waitFor();
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).toList();
        }
    }

    /** A synthetic episode whose frames come from the cache. */
    static final class CachedEpisode extends SyntheticEpisode {
        private final int episode;

        CachedEpisode(int episode) {
            super(episode, FRAMES, "task " + (episode % 2));
            this.episode = episode;
        }

        @Override
        public VideoFrames video(String key) {
            byte[][] frames = (key.equals(SyntheticEpisode.SCENE) ? SCENE_FRAMES : WRIST_FRAMES)[episode % 3];
            int[] size = SyntheticEpisode.size(key);
            return new VideoFrames() {
                private int next;

                @Override
                public int width() {
                    return size[0];
                }

                @Override
                public int height() {
                    return size[1];
                }

                @Override
                public byte[] nextBgr() {
                    return next < FRAMES ? frames[next++ % 30] : null;
                }

                @Override
                public void close() {
                    next = FRAMES;
                }
            };
        }
    }

}
