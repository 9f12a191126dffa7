package dev.demoforge.export.lerobot.internal;

import java.util.Arrays;
import java.util.List;

/**
 * LeRobot statistics of one feature ({@code min, max, mean, std, count, q01, q10, q50, q90, q99}), each a vector of
 * {@code D} values; for images {@code D} = 3 channels in RGB order, values divided by 255 and written with shape
 * (3, 1, 1). {@code std} is the population standard deviation; quantiles interpolate linearly between order
 * statistics (numpy's default).
 *
 * @param integer   min/max are integers (int64 / uint8 features): written as int64 lists
 * @param image     an image/video feature: written per channel as {@code [[[r]], [[g]], [[b]]]}
 * @param count     frames the stats cover (images: sampled frames)
 * @param quantiles {@code quantiles[k][d]} for {@link #QUANTILES}{@code [k]}
 * @param histogram images only: per-channel 256-bin pixel histogram, so merged quantiles stay exact; null otherwise
 *                  and in the per-episode records kept until the end of an export
 */
record FeatureStats(boolean integer, boolean image, double[] min, double[] max, double[] mean, double[] std,
        long count, double[][] quantiles, long[][] histogram) {

    /** LeRobot's {@code DEFAULT_QUANTILES}. */
    static final double[] QUANTILES = {0.01, 0.10, 0.50, 0.90, 0.99};
    /** Stat names in the order LeRobot writes them. */
    static final List<String> NAMES = List.of("min", "max", "mean", "std", "count", "q01", "q10", "q50", "q90",
            "q99");

    /** The vector of stat {@code name} (for {@code count}: one value). */
    double[] get(String name) {
        return switch (name) {
            case "min" -> min;
            case "max" -> max;
            case "mean" -> mean;
            case "std" -> std;
            case "count" -> new double[] {count};
            default -> quantiles[NAMES.indexOf(name) - 5];
        };
    }

    /** Whether stat {@code name} is integer-valued (count always; min/max of integer features). */
    boolean isIntegerStat(String name) {
        return name.equals("count") || integer && (name.equals("min") || name.equals("max"));
    }

    /** These stats without the histogram (what an episode record keeps). */
    FeatureStats withoutHistogram() {
        return new FeatureStats(integer, image, min, max, mean, std, count, quantiles, null);
    }

    /** Exact stats over {@code columns[d][i]} (D columns of N values each). */
    static FeatureStats ofColumns(double[][] columns, boolean integer) {
        int dims = columns.length;
        int n = columns[0].length;
        double[] min = new double[dims];
        double[] max = new double[dims];
        double[] mean = new double[dims];
        double[] std = new double[dims];
        double[][] q = new double[QUANTILES.length][dims];
        for (int d = 0; d < dims; d++) {
            double[] s = columns[d].clone();
            Arrays.sort(s);
            min[d] = s[0];
            max[d] = s[n - 1];
            double sum = 0;
            for (double v : s) {
                sum += v;
            }
            double m = sum / n;
            double ss = 0;
            for (double v : s) {
                ss += (v - m) * (v - m);
            }
            mean[d] = m;
            std[d] = Math.sqrt(ss / n);
            for (int k = 0; k < QUANTILES.length; k++) {
                q[k][d] = quantileSorted(s, QUANTILES[k]);
            }
        }
        return new FeatureStats(integer, false, min, max, mean, std, n, q, null);
    }

    /** Stats of images from per-channel 256-bin histograms of sampled pixels, over {@code frames} sampled frames. */
    static FeatureStats ofHistogram(long[][] hist, long frames) {
        int ch = hist.length;
        double[] min = new double[ch];
        double[] max = new double[ch];
        double[] mean = new double[ch];
        double[] std = new double[ch];
        double[][] q = new double[QUANTILES.length][ch];
        for (int c = 0; c < ch; c++) {
            long n = 0;
            double sum = 0;
            int lo = -1;
            int hi = -1;
            for (int v = 0; v < 256; v++) {
                long k = hist[c][v];
                if (k > 0) {
                    lo = lo < 0 ? v : lo;
                    hi = v;
                    n += k;
                    sum += (double) v * k;
                }
            }
            double m = sum / n;
            double ss = 0;
            for (int v = 0; v < 256; v++) {
                ss += hist[c][v] * (v - m) * (v - m);
            }
            min[c] = lo / 255.0;
            max[c] = hi / 255.0;
            mean[c] = m / 255.0;
            std[c] = Math.sqrt(ss / n) / 255.0;
            for (int k = 0; k < QUANTILES.length; k++) {
                double pos = QUANTILES[k] * (n - 1);
                long r0 = (long) Math.floor(pos);
                double a = valueAtRank(hist[c], r0);
                double b = valueAtRank(hist[c], Math.min(n - 1, r0 + 1));
                q[k][c] = (a + (b - a) * (pos - r0)) / 255.0;
            }
        }
        return new FeatureStats(false, true, min, max, mean, std, frames, q, hist);
    }

    /**
     * Count-weighted merge of vector stats ({@code aggregate_stats}): min of mins, max of maxes, weighted mean,
     * pooled population variance, quantiles as the count-weighted average of the parts' quantiles (as lerobot v0.4.x
     * merges them). Image stats are merged exactly from summed histograms instead ({@link #ofHistogram}).
     */
    static FeatureStats merge(List<FeatureStats> parts) {
        FeatureStats first = parts.get(0);
        int dims = first.min.length;
        long total = parts.stream().mapToLong(FeatureStats::count).sum();
        double[] min = first.min.clone();
        double[] max = first.max.clone();
        double[] mean = new double[dims];
        double[] var = new double[dims];
        double[][] q = new double[QUANTILES.length][dims];
        for (FeatureStats p : parts) {
            double w = (double) p.count / total;
            for (int d = 0; d < dims; d++) {
                min[d] = Math.min(min[d], p.min[d]);
                max[d] = Math.max(max[d], p.max[d]);
                mean[d] += w * p.mean[d];
                for (int k = 0; k < QUANTILES.length; k++) {
                    q[k][d] += w * p.quantiles[k][d];
                }
            }
        }
        for (FeatureStats p : parts) {
            double w = (double) p.count / total;
            for (int d = 0; d < dims; d++) {
                double delta = p.mean[d] - mean[d];
                var[d] += w * (p.std[d] * p.std[d] + delta * delta);
            }
        }
        double[] std = Arrays.stream(var).map(Math::sqrt).toArray();
        return new FeatureStats(first.integer, false, min, max, mean, std, total, q, null);
    }

    private static double quantileSorted(double[] s, double q) {
        double pos = q * (s.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(s.length - 1, lo + 1);
        return s[lo] + (s[hi] - s[lo]) * (pos - lo);
    }

    private static int valueAtRank(long[] hist, long rank) {
        long seen = 0;
        for (int v = 0; v < 256; v++) {
            seen += hist[v];
            if (seen > rank) {
                return v;
            }
        }
        return 255;
    }
}
