package dev.demoforge.export.lerobot.internal;

import java.util.BitSet;

/**
 * Samples the frames of one episode's video feature for stats the way LeRobot does ({@code compute_stats.py}):
 * {@code estimate_num_samples} frames at {@code round(linspace(0, N-1, n))}, each downsampled by an integer stride
 * to about 150 px when its larger side is 300 px or more, pixels counted into per-channel (RGB) histograms.
 * Memory: 3 x 256 counters and a bit set of N bits.
 */
final class ImageSampler {

    private final BitSet rows = new BitSet();
    private final long[][] hist = new long[3][256];
    private int sampled;

    ImageSampler(int length) {
        int n = numSamples(length);
        for (int i = 0; i < n; i++) {
            double x = n == 1 ? 0 : (double) i * (length - 1) / (n - 1);
            rows.set((int) Math.rint(x));
        }
    }

    /** LeRobot's {@code estimate_num_samples(N)} with min 100, max 10 000, power 0.75. */
    static int numSamples(int length) {
        int minSamples = Math.min(100, length);
        return Math.max(minSamples, Math.min((int) Math.pow(length, 0.75), 10_000));
    }

    /** LeRobot's {@code auto_downsample_height_width} stride. */
    static int stride(int width, int height) {
        if (Math.max(width, height) < 300) {
            return 1;
        }
        return Math.max(1, width > height ? width / 150 : height / 150);
    }

    /** Counts {@code bgr} (packed BGR24, {@code width x height}) if {@code row} is a sampled row. */
    void offer(int row, byte[] bgr, int width, int height) {
        if (!rows.get(row)) {
            return;
        }
        int step = stride(width, height);
        for (int y = 0; y < height; y += step) {
            int base = y * width * 3;
            for (int x = 0; x < width; x += step) {
                int p = base + x * 3;
                hist[2][bgr[p] & 0xff]++;
                hist[1][bgr[p + 1] & 0xff]++;
                hist[0][bgr[p + 2] & 0xff]++;
            }
        }
        sampled++;
    }

    /** Stats over the frames sampled so far. */
    FeatureStats stats() {
        return FeatureStats.ofHistogram(hist, sampled);
    }
}
