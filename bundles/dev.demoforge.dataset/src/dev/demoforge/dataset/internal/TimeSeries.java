package dev.demoforge.dataset.internal;

import java.util.Arrays;

/**
 * A recorded vector stream in memory: host times (ns, ascending) and values. Samples with a time not after the
 * previous one are dropped on add (the recorder writes each stream in order, so this only guards bad files).
 */
final class TimeSeries {

    private long[] times = new long[1024];
    private double[][] values = new double[1024][];
    private int size;

    void add(long hostNanos, double[] v) {
        if (size > 0 && hostNanos <= times[size - 1]) {
            return;
        }
        if (size == times.length) {
            times = Arrays.copyOf(times, size * 2);
            values = Arrays.copyOf(values, size * 2);
        }
        times[size] = hostNanos;
        values[size++] = v;
    }

    int size() {
        return size;
    }

    long time(int i) {
        return times[i];
    }

    /** Linear interpolation at t, holding the first / last value outside the recorded range. */
    void interpolate(long t, float[] out, int offset, int width) {
        if (size == 0) {
            Arrays.fill(out, offset, offset + width, Float.NaN);
            return;
        }
        int i = Arrays.binarySearch(times, 0, size, t);
        if (i >= 0) {
            lerp(values[i], values[i], 0, out, offset, width);
            return;
        }
        int after = -i - 1;
        if (after == 0) {
            lerp(values[0], values[0], 0, out, offset, width);
        } else if (after == size) {
            lerp(values[size - 1], values[size - 1], 0, out, offset, width);
        } else {
            double w = (double) (t - times[after - 1]) / (times[after] - times[after - 1]);
            lerp(values[after - 1], values[after], w, out, offset, width);
        }
    }

    /** out[offset + k] = a[k] + w (b[k] - a[k]) for k below width. */
    private static void lerp(double[] a, double[] b, double w, float[] out, int offset, int width) {
        for (int k = 0; k < width; k++) {
            out[offset + k] = (float) (a[k] + w * (b[k] - a[k]));
        }
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
}
