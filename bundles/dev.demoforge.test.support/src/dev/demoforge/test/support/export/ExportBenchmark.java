package dev.demoforge.test.support.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.stream.Stream;

import org.eclipse.core.runtime.NullProgressMonitor;

import dev.demoforge.export.api.DatasetExporter;
import dev.demoforge.export.api.ExportResult;
import dev.demoforge.export.api.ExportSession;
import dev.demoforge.export.api.VideoFrames;

/**
 * Export-speed harness: exports a {@link SyntheticEpisode} dataset (two cameras, 640x480 and 320x240, 30 fps, 6-D
 * state and action) and, in the same run, copies the bytes written ({@code Files.copy}, same disk) as the baseline;
 * each timed phase starts after a {@code sync} and ends after one, so both are measured to the disk. Frames come
 * from a cache so the figure is the exporter's, not the frame generator's. Prints a Markdown table row per variant:
 * MB written, export seconds (page cache, from {@link ExportResult#elapsed()}) and with sync, MB/s written, MB/s of
 * raw frames in, episodes/s, copy MB/s and the export/copy ratio; best of {@code repeat} runs (the machine may be
 * shared). Blocks the calling thread; one instance per test thread.
 */
public final class ExportBenchmark {

    private static final int CACHED = 30;
    private static final int COLOURS = 3;

    private final String title;
    private final Path root;
    private final int episodes;
    private final int frames;
    private final int repeat;
    private final IntFunction<String> task;
    private final byte[][][] sceneFrames = new byte[COLOURS][CACHED][];
    private final byte[][][] wristFrames = new byte[COLOURS][CACHED][];

    /**
     * A harness for {@code name} (e.g. {@code mcap}): episodes, frames per episode and repeats from the system
     * properties {@code NAME.bench.episodes} (50), {@code NAME.bench.frames} (60) and {@code NAME.bench.repeat} (2);
     * works under {@code java.io.tmpdir/NAME-bench}; {@code task} gives episode {@code e}'s task text.
     */
    public static ExportBenchmark fromProperties(String name, String title, IntFunction<String> task) {
        return new ExportBenchmark(title, Path.of(System.getProperty("java.io.tmpdir"), name + "-bench"),
                Integer.getInteger(name + ".bench.episodes", 50), Integer.getInteger(name + ".bench.frames", 60),
                Integer.getInteger(name + ".bench.repeat", 2), task);
    }

    public ExportBenchmark(String title, Path root, int episodes, int frames, int repeat, IntFunction<String> task) {
        this.title = title;
        this.root = root;
        this.episodes = episodes;
        this.frames = frames;
        this.repeat = repeat;
        this.task = task;
        for (int c = 0; c < COLOURS; c++) {
            for (int i = 0; i < CACHED; i++) {
                sceneFrames[c][i] = SyntheticEpisode.frame(c, i, 640, 480);
                wristFrames[c][i] = SyntheticEpisode.frame(c, i, 320, 240);
            }
        }
    }

    /** Clears the work directory and prints the title and the table header. */
    public void printHeader() throws IOException {
        deleteTree(root);
        System.out.printf("%s: %d episodes x %d frames, cameras 640x480 + 320x240%n", title, episodes, frames);
        System.out.println("| variant | MB written | export s (page cache) | export + sync s | MB/s written"
                + " | MB/s of frames in | episodes/s | copy + sync MB/s | export/copy |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
    }

    /** Deletes the work directory. */
    public void cleanUp() throws IOException {
        deleteTree(root);
    }

    /** Measures one variant ({@code exporter} with {@code options}) and prints its row; cleans up after itself. */
    public void run(String variant, DatasetExporter exporter, Map<String, String> options) throws Exception {
        double cached = Double.MAX_VALUE;
        double seconds = Double.MAX_VALUE;
        double copySeconds = Double.MAX_VALUE;
        long bytes = 0;
        for (int rep = 0; rep < repeat; rep++) {
            Path out = root.resolve("export");
            sync();
            long start = System.nanoTime();
            ExportResult r;
            try (ExportSession s = exporter.begin(out, SyntheticEpisode.spec(), options)) {
                for (int e = 0; e < episodes; e++) {
                    s.writeEpisode(new CachedEpisode(e), new NullProgressMonitor());
                }
                r = s.finish(new NullProgressMonitor());
            }
            sync();
            seconds = Math.min(seconds, (System.nanoTime() - start) / 1e9);
            cached = Math.min(cached, r.elapsed().toNanos() / 1e9);
            assertEquals(episodes, r.episodes());
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
            deleteTree(out);
            deleteTree(copy);
        }
        double copyRate = bytes / 1e6 / copySeconds;
        double rate = bytes / 1e6 / seconds;
        double pixels = (double) episodes * frames * (640 * 480 + 320 * 240) * 3;
        System.out.printf("| %s | %.0f | %.2f | %.2f | %.1f | %.0f | %.2f | %.0f | %.4f |%n", variant, bytes / 1e6,
                cached, seconds, rate, pixels / 1e6 / seconds, episodes / seconds, copyRate, rate / copyRate);
    }

    /** Flushes dirty pages so each timed phase starts without the previous one's write-back. */
    private static void sync() throws IOException, InterruptedException {
        new ProcessBuilder("sync").inheritIO().start().waitFor();
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).toList();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** A synthetic episode whose frames come from the cache. */
    private final class CachedEpisode extends SyntheticEpisode {

        CachedEpisode(int episode) {
            super(episode, frames, task.apply(episode));
        }

        @Override
        public VideoFrames video(String key) {
            byte[][] cache = (key.equals(SCENE) ? sceneFrames : wristFrames)[episode() % COLOURS];
            int[] size = size(key);
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
                    return next < frames ? cache[next++ % CACHED] : null;
                }

                @Override
                public void close() {
                    next = frames;
                }
            };
        }
    }
}
