package dev.demoforge.timesync.internal;

import java.util.Arrays;

/**
 * The line under a set of points that touches their lower convex hull and maximises the line's height at the mean
 * x: the solution of "minimise the summed vertical distance of the points above the line, no point below it" (a
 * linear programme whose optimum is the hull edge spanning the mean x). With one-sided delays, the points are
 * (device time, delay-including offset) and the line is the clock. Pure functions.
 */
final class HullFit {

    /** {@code y = a + s x}. */
    record Line(double a, double s) {
        double at(double x) {
            return a + s * x;
        }
    }

    private HullFit() {
    }

    /**
     * Fits the first {@code n} points.
     *
     * @param prior    slope used when the points cannot tell (one point, or one x), and preferred among optimal
     *                 slopes when the mean x falls on a hull vertex
     * @param maxSlope bound on |slope|; the best line with a clamped slope passes under every point
     */
    static Line fit(double[] x, double[] y, int n, double prior, double maxSlope) {
        if (n <= 0) {
            throw new IllegalArgumentException("No points to fit");
        }
        double[] xs = x;
        double[] ys = y;
        if (!sorted(x, n)) {
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (i, j) -> Double.compare(x[i], x[j]));
            xs = new double[n];
            ys = new double[n];
            for (int i = 0; i < n; i++) {
                xs[i] = x[order[i]];
                ys[i] = y[order[i]];
            }
        }
        int[] hull = new int[n];
        int h = 0;
        double mean = 0;
        for (int i = 0; i < n; i++) {
            mean += (xs[i] - mean) / (i + 1);
            if (h > 0 && xs[hull[h - 1]] == xs[i]) {
                if (ys[i] >= ys[hull[h - 1]]) {
                    continue;
                }
                h--;
            }
            while (h >= 2 && cross(xs, ys, hull[h - 2], hull[h - 1], i) <= 0) {
                h--;
            }
            hull[h++] = i;
        }
        double slope = clamp(prior, maxSlope);
        if (h >= 2) {
            slope = Math.max(-maxSlope, Math.min(maxSlope, optimalSlope(xs, ys, hull, h, mean, prior)));
        }
        double a = Double.POSITIVE_INFINITY;
        for (int k = 0; k < h; k++) {
            a = Math.min(a, ys[hull[k]] - slope * xs[hull[k]]);
        }
        return new Line(a, slope);
    }

    private static double optimalSlope(double[] xs, double[] ys, int[] hull, int h, double mean, double prior) {
        if (mean <= xs[hull[0]]) {
            return Math.min(prior, slope(xs, ys, hull[0], hull[1]));
        }
        if (mean >= xs[hull[h - 1]]) {
            return Math.max(prior, slope(xs, ys, hull[h - 2], hull[h - 1]));
        }
        for (int k = 0; k + 1 < h; k++) {
            double left = xs[hull[k]];
            double right = xs[hull[k + 1]];
            if (mean == right && k + 2 < h) {
                double lo = slope(xs, ys, hull[k], hull[k + 1]);
                double hi = slope(xs, ys, hull[k + 1], hull[k + 2]);
                return Math.max(lo, Math.min(hi, prior));
            }
            if (mean >= left && mean <= right) {
                return slope(xs, ys, hull[k], hull[k + 1]);
            }
        }
        return prior;
    }

    private static double slope(double[] xs, double[] ys, int i, int j) {
        return (ys[j] - ys[i]) / (xs[j] - xs[i]);
    }

    /** z of (a - o) x (b - o): positive for a counter-clockwise turn o → a → b. */
    private static double cross(double[] xs, double[] ys, int o, int a, int b) {
        return (xs[a] - xs[o]) * (ys[b] - ys[o]) - (ys[a] - ys[o]) * (xs[b] - xs[o]);
    }

    private static boolean sorted(double[] x, int n) {
        for (int i = 1; i < n; i++) {
            if (x[i] < x[i - 1]) {
                return false;
            }
        }
        return true;
    }

    private static double clamp(double v, double bound) {
        return Math.max(-bound, Math.min(bound, v));
    }
}
