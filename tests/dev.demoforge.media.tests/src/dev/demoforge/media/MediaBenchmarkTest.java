package dev.demoforge.media;

import static dev.demoforge.media.TestVideos.FPS;
import static dev.demoforge.media.TestVideos.H;
import static dev.demoforge.media.TestVideos.W;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Prints encode speed, size, quality and seek latency of candidate settings at 640x480, 30 fps, on synthetic
 * content with sensor-like noise (amplitude 4): a static scene with moving objects ("work") and a panning
 * camera ("pan"). No timing assertions: the figures depend on the machine and its load; they are what
 * {@link EncoderSettings#capture()} was chosen from. Takes about a minute on 2 loaded cores; tagged so a quick
 * build can leave it out ({@code -DexcludedGroups=benchmark}).
 */
@Tag("benchmark")
class MediaBenchmarkTest {

    private static final int FRAMES = 180;
    private static final int NOISE = 4;
    private static final int SEEKS = 60;

    @TempDir
    Path dir;

    private int counter;

    private record Row(String name, double encodeFps, double mbPerMinute, double kbps, double psnr,
            double decodeFps, double seekMean, double seekP95, double seekMax) {
    }

    @Test
    void printsEncodeSpeedSizeQualityAndSeekLatency() throws Exception {
        EncoderSettings cap = EncoderSettings.capture();
        EncoderSettings av1 = cap.withCodec("libsvtav1").withCrf(30, "10");
        boolean svt = Codecs.encoderAvailable("libsvtav1");
        List<Row> rows = new ArrayList<>();
        for (boolean pan : new boolean[] {false, true}) {
            String c = pan ? "pan " : "work ";
            rows.add(measure(c + "capture()", cap, pan));
            if (!pan) {
                rows.add(measure(c + "capture() gop10", cap.withGop(10), pan));
                rows.add(measure(c + "capture() gop30", cap.withGop(30), pan));
                rows.add(measure(c + "capture() gop60", cap.withGop(60), pan));
                rows.add(measure(c + "capture() auto threads", cap.withThreads(0), pan));
            }
            rows.add(measure(c + "capture() 2000k", cap.withBitrateKbps(2000), pan));
            rows.add(measure(c + "capture() 5000k", cap.withBitrateKbps(5000), pan));
            rows.add(measure(c + "dataset()", EncoderSettings.dataset(), pan));
            if (!pan) {
                rows.add(measure(c + "dataset() gop10", EncoderSettings.dataset().withGop(10), pan));
            }
            if (svt) {
                rows.add(measure(c + "capture() as svtav1 crf30 p10", av1, pan));
                if (!pan) {
                    rows.add(measure(c + "dataset() as svtav1 crf30 p12 (LeRobot)",
                            EncoderSettings.dataset().withCodec("libsvtav1").withCrf(30, "12"), pan));
                }
            }
        }
        System.out.printf("%nMedia benchmark: %dx%d @ %d fps, %d frames, noise %d, FFmpeg %s, %d cores, load %s;"
                + " work = static scene + moving objects, pan = every pixel moves%n", W, H, FPS, FRAMES, NOISE,
                Codecs.ffmpegVersion(), Runtime.getRuntime().availableProcessors(), loadAverage());
        System.out.printf("%-40s %7s %7s %7s %7s %7s %9s %9s %9s%n", "content + settings", "enc fps", "MB/min",
                "kbit/s", "PSNR dB", "dec fps", "seek mean", "seek p95", "seek max");
        for (Row r : rows) {
            System.out.printf("%-40s %7.0f %7.1f %7.0f %7.1f %7.0f %7.1fms %7.1fms %7.1fms%n", r.name(),
                    r.encodeFps(), r.mbPerMinute(), r.kbps(), r.psnr(), r.decodeFps(), r.seekMean(), r.seekP95(),
                    r.seekMax());
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    private static byte[] input(int i, boolean pan) {
        return pan ? TestVideos.panFrame(i, W, H, NOISE) : TestVideos.frame(i, W, H, NOISE);
    }

    private Row measure(String name, EncoderSettings s, boolean pan) throws Exception {
        Path mp4 = dir.resolve("bench-" + counter++ + ".mp4");
        long encodeNanos = 0;
        try (VideoEncoder enc = VideoEncoder.open(mp4, W, H, FPS, s)) {
            for (int i = 0; i < FRAMES; i++) {
                byte[] f = input(i, pan);
                long t0 = System.nanoTime();
                enc.encodeBgr(f);
                encodeNanos += System.nanoTime() - t0;
            }
            long t0 = System.nanoTime();
            enc.close();
            encodeNanos += System.nanoTime() - t0;
        }
        long bytes = Files.size(mp4);
        double seconds = FRAMES / (double) FPS;

        double psnrSum = 0;
        long decodeNanos = 0;
        try (VideoDecoder dec = VideoDecoder.open(mp4)) {
            assertEquals(FRAMES, dec.info().frameCount(), name);
            for (int i = 0; i < FRAMES; i++) {
                long t0 = System.nanoTime();
                byte[] got = dec.nextBgr();
                decodeNanos += System.nanoTime() - t0;
                assertNotNull(got, name + " frame " + i);
                psnrSum += Math.min(99, TestVideos.psnr(input(i, pan), got));
            }
        }

        double[] ms = new double[SEEKS];
        Random rnd = new Random(7);
        try (VideoDecoder dec = VideoDecoder.open(mp4)) {
            for (int w = 0; w < 5; w++) {
                dec.frameBgr(rnd.nextInt(FRAMES));
            }
            for (int q = 0; q < SEEKS; q++) {
                int index = rnd.nextInt(FRAMES);
                long t0 = System.nanoTime();
                dec.frameBgr(index);
                ms[q] = (System.nanoTime() - t0) / 1e6;
            }
        }
        Arrays.sort(ms);
        return new Row(name, FRAMES / (encodeNanos / 1e9), bytes / 1e6 / seconds * 60, bytes * 8 / seconds / 1000,
                psnrSum / FRAMES, FRAMES / (decodeNanos / 1e9), Arrays.stream(ms).average().orElse(0),
                ms[(int) Math.ceil(0.95 * SEEKS) - 1], ms[SEEKS - 1]);
    }
}
