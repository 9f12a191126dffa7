package dev.demoforge.media;

import static dev.demoforge.media.TestVideos.FPS;
import static dev.demoforge.media.TestVideos.H;
import static dev.demoforge.media.TestVideos.W;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Frame-exact seek latency as the review editor meets it, at 640×480 30 fps, for the capture GOP (15) and its
 * neighbours: random seeks, single steps forward (the decoder continues without seeking) and backward (a seek to
 * the previous keyframe and decoding up to the frame), next to the baseline of plain sequential decoding measured
 * in the same run, and the file size each GOP costs. Prints; no timing assertions (2 shared cores).
 * Run: {@code ./mvnw -B -o verify -pl ...,tests/dev.demoforge.media.tests -DexcludedGroups=none
 * -Dtest=SeekLatencyBenchmarkTest}.
 */
@Tag("benchmark")
class SeekLatencyBenchmarkTest {

    private static final int FRAMES = 300;
    private static final int SEEKS = 100;
    private static final int STEPS = 60;

    @TempDir
    Path dir;

    @Test
    void printsRandomSeekAndStepLatencyPerGop() throws Exception {
        System.out.printf("%nSeek latency: %dx%d @ %d fps, %d frames (\"work\" content, noise 4), %d cores, load %s%n",
                W, H, FPS, FRAMES, Runtime.getRuntime().availableProcessors(),
                Files.readString(Path.of("/proc/loadavg")).strip());
        System.out.printf("%-5s %8s %10s %10s %10s %10s %10s %10s %8s%n", "GOP", "MB/min", "decode ms",
                "random", "random p95", "random max", "step +1", "step -1", "-1 p95");
        for (int gop : new int[] { 5, 10, 15, 30 }) {
            Path mp4 = dir.resolve("gop" + gop + ".mp4");
            try (VideoEncoder enc = VideoEncoder.open(mp4, W, H, FPS, EncoderSettings.capture().withGop(gop))) {
                for (int i = 0; i < FRAMES; i++) {
                    enc.encodeBgr(TestVideos.frame(i, W, H, 4));
                }
            }
            double mbPerMinute = Files.size(mp4) / 1e6 / (FRAMES / (double) FPS) * 60;
            double[] sequential = new double[FRAMES];
            try (VideoDecoder dec = VideoDecoder.open(mp4)) {
                for (int i = 0; i < FRAMES; i++) {
                    long t0 = System.nanoTime();
                    dec.nextBgr();
                    sequential[i] = (System.nanoTime() - t0) / 1e6;
                }
            }
            double[] random = new double[SEEKS];
            double[] forward = new double[STEPS];
            double[] backward = new double[STEPS];
            Random rnd = new Random(11);
            try (VideoDecoder dec = VideoDecoder.open(mp4)) {
                for (int w = 0; w < 5; w++) {
                    dec.frameBgr(rnd.nextInt(FRAMES));
                }
                for (int q = 0; q < SEEKS; q++) {
                    int index = rnd.nextInt(FRAMES);
                    long t0 = System.nanoTime();
                    dec.frameBgr(index);
                    random[q] = (System.nanoTime() - t0) / 1e6;
                }
                dec.frameBgr(100);
                for (int s = 0; s < STEPS; s++) {
                    long t0 = System.nanoTime();
                    dec.frameBgr(101 + s);
                    forward[s] = (System.nanoTime() - t0) / 1e6;
                }
                for (int s = 0; s < STEPS; s++) {
                    long t0 = System.nanoTime();
                    dec.frameBgr(159 - s);
                    backward[s] = (System.nanoTime() - t0) / 1e6;
                }
            }
            System.out.printf("%-5d %8.1f %10.2f %10.1f %10.1f %10.1f %10.2f %10.1f %8.1f%n", gop, mbPerMinute,
                    mean(sequential), mean(random), p95(random), max(random), mean(forward), mean(backward),
                    p95(backward));
        }
        System.out.println("(ms per frame; decode = sequential nextBgr, the baseline; step -1 = frame i-1 after i)");
    }

    private static double mean(double[] v) {
        return Arrays.stream(v).average().orElse(0);
    }

    private static double p95(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[(int) Math.ceil(0.95 * s.length) - 1];
    }

    private static double max(double[] v) {
        return Arrays.stream(v).max().orElse(0);
    }
}
