package dev.demoforge.dataset.internal;

import java.util.Arrays;

import dev.demoforge.timesync.Quaternions;

/**
 * A recorded stream in memory: capture times (host ns, ascending) and values. Samples with a time not after the
 * previous one are left out on add and counted ({@link #outOfOrder()}). Quaternion groups (see
 * {@link Quaternions#groups}) are interpolated spherically, every other element linearly.
 */
final class TimeSeries {

    private static final int[] NONE = {};

    private final int[] quaternions;
    private long[] times = new long[1024];
    private double[][] values = new double[1024][];
    private int size;
    private long outOfOrder;

    TimeSeries() {
        this(NONE);
    }

    /** @param quaternions first element index of every quaternion group of the values */
    TimeSeries(int[] quaternions) {
        this.quaternions = quaternions;
    }

    void add(long captureNanos, double[] v) {
        if (size > 0 && captureNanos <= times[size - 1]) {
            outOfOrder++;
            return;
        }
        if (size == times.length) {
            times = Arrays.copyOf(times, size * 2);
            values = Arrays.copyOf(values, size * 2);
        }
        times[size] = captureNanos;
        values[size++] = v;
    }

    int size() {
        return size;
    }

    long time(int i) {
        return times[i];
    }

    /** Samples left out because their time was not after the previous one. */
    long outOfOrder() {
        return outOfOrder;
    }

    boolean slerps() {
        return quaternions.length > 0;
    }

    /** Interpolation at t (linear, spherical for quaternions), holding the first / last value outside the range. */
    void interpolate(long t, float[] out, int offset, int width) {
        if (size == 0) {
            Arrays.fill(out, offset, offset + width, Float.NaN);
            return;
        }
        int i = Arrays.binarySearch(times, 0, size, t);
        if (i >= 0) {
            blend(values[i], values[i], 0, out, offset, width);
            return;
        }
        int after = -i - 1;
        if (after == 0) {
            blend(values[0], values[0], 0, out, offset, width);
        } else if (after == size) {
            blend(values[size - 1], values[size - 1], 0, out, offset, width);
        } else {
            double w = (double) (t - times[after - 1]) / (times[after] - times[after - 1]);
            blend(values[after - 1], values[after], w, out, offset, width);
        }
    }

    /** out[offset + k] = a[k] + w (b[k] - a[k]) for k below width; quaternion groups by SLERP. */
    private void blend(double[] a, double[] b, double w, float[] out, int offset, int width) {
        for (int k = 0; k < width; k++) {
            out[offset + k] = (float) (a[k] + w * (b[k] - a[k]));
        }
        if (quaternions.length == 0 || a == b) {
            return;
        }
        double[] q = new double[4];
        for (int g : quaternions) {
            if (!(norm2(a, g) > 0 && norm2(b, g) > 0 && Double.isFinite(norm2(a, g) + norm2(b, g)))) {
                continue; // not an orientation: keep the linear blend
            }
            Quaternions.slerp(a, g, b, g, w, q, 0);
            for (int k = 0; k < 4; k++) {
                out[offset + g + k] = (float) q[k];
            }
        }
    }

    private static double norm2(double[] q, int g) {
        return q[g] * q[g] + q[g + 1] * q[g + 1] + q[g + 2] * q[g + 2] + q[g + 3] * q[g + 3];
    }

    /** Index of the sample nearest to t. */
    int nearest(long t) {
        int i = Arrays.binarySearch(times, 0, size, t);
        if (i >= 0) {
            return i;
        }
        int after = -i - 1;
        if (after == 0) {
            return 0;
        }
        if (after == size) {
            return size - 1;
        }
        return t - times[after - 1] <= times[after] - t ? after - 1 : after;
    }

    /** Index of the last sample at or before t, -1 before the first. */
    int atOrBefore(long t) {
        int i = Arrays.binarySearch(times, 0, size, t);
        return i >= 0 ? i : -i - 2;
    }
}
