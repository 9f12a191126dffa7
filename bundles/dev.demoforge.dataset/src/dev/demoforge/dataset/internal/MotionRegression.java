package dev.demoforge.dataset.internal;

import java.util.SplittableRandom;

/**
 * How well a camera's motion energy is explained by the joints' displacements at each candidate delay: per image
 * block b and frame interval k, {@code energy[b][k] ≈ c_b + Σ_j w_bj · |Δq_j(k, lag)|}, fitted by least squares;
 * the pooled R² over the blocks (explained over total variance) is the score of the delay. A weight per joint lets a
 * joint that moves many pixels (the shoulder) count more than one that barely shows (a wrist roll); a fit per block
 * lets each part of the image follow the joints that move there, which sharpens the peak. Not thread-safe; CPU only.
 */
final class MotionRegression {

    private final double[][] energy;
    /** [lag][interval][joint]: |displacement| of each joint over each interval shifted by the lag. */
    private final float[][][] displacement;
    private final boolean[] valid;
    private final int joints;

    MotionRegression(double[][] energy, float[][][] displacement, boolean[] valid) {
        this.energy = energy;
        this.displacement = displacement;
        this.valid = valid;
        this.joints = displacement[0][0].length;
    }

    int lags() {
        return displacement.length;
    }

    /** Pooled R² of the fits at a lag over the given intervals (indices, repeats allowed). */
    double score(int lag, int[] intervals) {
        int p = joints + 1;
        int blocks = energy.length;
        double[][] xtx = new double[p][p];
        double[][] xty = new double[blocks][p];
        double[] sy = new double[blocks];
        double[] syy = new double[blocks];
        int n = 0;
        double[] x = new double[p];
        for (int k : intervals) {
            if (!valid[k]) {
                continue;
            }
            x[0] = 1;
            for (int j = 0; j < joints; j++) {
                x[j + 1] = displacement[lag][k][j];
            }
            for (int r = 0; r < p; r++) {
                for (int c = 0; c < p; c++) {
                    xtx[r][c] += x[r] * x[c];
                }
            }
            for (int b = 0; b < blocks; b++) {
                double y = energy[b][k];
                for (int r = 0; r < p; r++) {
                    xty[b][r] += x[r] * y;
                }
                sy[b] += y;
                syy[b] += y * y;
            }
            n++;
        }
        if (n <= p) {
            return Double.NaN;
        }
        for (int r = 1; r < p; r++) {
            xtx[r][r] += 1e-9 * (1 + xtx[r][r]);
        }
        double total = 0;
        double explained = 0;
        for (int b = 0; b < blocks; b++) {
            double sst = syy[b] - sy[b] * sy[b] / n;
            if (sst <= 0) {
                continue;
            }
            double[][] a = new double[p][p + 1];
            for (int r = 0; r < p; r++) {
                System.arraycopy(xtx[r], 0, a[r], 0, p);
                a[r][p] = xty[b][r];
            }
            double[] w = solve(a, p);
            if (w == null) {
                continue;
            }
            double fitted = 0;
            for (int r = 0; r < p; r++) {
                fitted += w[r] * xty[b][r];
            }
            total += sst;
            explained += Math.max(0, fitted - sy[b] * sy[b] / n);
        }
        return total == 0 ? 0 : explained / total;
    }

    /** {best lag index refined between grid points, its R²} over lags {@code [from, to)}. */
    double[] peak(int[] intervals, int from, int to) {
        int best = -1;
        double[] r = new double[to - from];
        for (int l = from; l < to; l++) {
            r[l - from] = score(l, intervals);
            if (!Double.isNaN(r[l - from]) && (best < 0 || r[l - from] > r[best - from])) {
                best = l;
            }
        }
        if (best < 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        int i = best - from;
        double shift = 0;
        if (i > 0 && i < r.length - 1) {
            double den = r[i - 1] - 2 * r[i] + r[i + 1];
            shift = den < 0 ? 0.5 * (r[i - 1] - r[i + 1]) / den : 0;
        }
        return new double[] {best + shift, r[i]};
    }

    /** Standard deviation of the peak over bootstrap resamples of the intervals, in lag steps, near {@code around}. */
    double bootstrapSpread(double around, int window, int resamples, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int n = valid.length;
        int from = Math.max(0, (int) Math.round(around) - window);
        int to = Math.min(lags(), (int) Math.round(around) + window + 1);
        double sum = 0;
        double sum2 = 0;
        int m = 0;
        for (int b = 0; b < resamples; b++) {
            int[] pick = new int[n];
            for (int k = 0; k < n; k++) {
                pick[k] = rng.nextInt(n);
            }
            double lag = peak(pick, from, to)[0];
            if (!Double.isNaN(lag)) {
                sum += lag;
                sum2 += lag * lag;
                m++;
            }
        }
        return m < 2 ? Double.NaN : Math.sqrt(Math.max(0, (sum2 - sum * sum / m) / (m - 1)));
    }

    /** Gaussian elimination with partial pivoting of the augmented p × (p + 1) system; null if singular. */
    private static double[] solve(double[][] a, int p) {
        double[][] m = new double[p][];
        for (int r = 0; r < p; r++) {
            m[r] = a[r].clone();
        }
        for (int c = 0; c < p; c++) {
            int pivot = c;
            for (int r = c + 1; r < p; r++) {
                if (Math.abs(m[r][c]) > Math.abs(m[pivot][c])) {
                    pivot = r;
                }
            }
            if (Math.abs(m[pivot][c]) < 1e-300) {
                return null;
            }
            double[] t = m[c];
            m[c] = m[pivot];
            m[pivot] = t;
            for (int r = c + 1; r < p; r++) {
                double f = m[r][c] / m[c][c];
                for (int k = c; k <= p; k++) {
                    m[r][k] -= f * m[c][k];
                }
            }
        }
        double[] w = new double[p];
        for (int r = p - 1; r >= 0; r--) {
            double s = m[r][p];
            for (int k = r + 1; k < p; k++) {
                s -= m[r][k] * w[k];
            }
            w[r] = s / m[r][r];
        }
        return w;
    }
}
