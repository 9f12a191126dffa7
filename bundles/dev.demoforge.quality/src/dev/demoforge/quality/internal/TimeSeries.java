package dev.demoforge.quality.internal;

import java.util.Arrays;

/**
 * Samples of one vector stream as recorded: times in seconds from the episode start (host receive time) and one row
 * of values per sample. Rows are in time order; times may be unevenly spaced. Immutable by convention (the arrays are
 * not copied).
 *
 * @param t    sample times, s from the episode start
 * @param rows one value vector per sample
 */
record TimeSeries(double[] t, double[][] rows) {

    static final TimeSeries EMPTY = new TimeSeries(new double[0], new double[0][]);

    TimeSeries {
        if (t.length != rows.length) {
            throw new IllegalArgumentException(t.length + " times for " + rows.length + " rows");
        }
    }

    int size() {
        return t.length;
    }

    boolean isEmpty() {
        return t.length == 0;
    }

    /** Width of the rows (0 when empty). */
    int width() {
        return rows.length == 0 ? 0 : rows[0].length;
    }

    /** One channel as an array. */
    double[] channel(int index) {
        double[] c = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            c[i] = rows[i][index];
        }
        return c;
    }

    /** Index of the first sample at or after {@code time}, {@link #size()} if none. */
    int indexAt(double time) {
        int i = Arrays.binarySearch(t, time);
        if (i < 0) {
            return -i - 1;
        }
        while (i > 0 && t[i - 1] == time) {
            i--;
        }
        return i;
    }

    /** Builds a series from growing buffers. */
    static final class Builder {
        private double[] t = new double[1024];
        private double[][] rows = new double[1024][];
        private int n;

        void add(double time, double[] row) {
            if (n == t.length) {
                t = Arrays.copyOf(t, n * 2);
                rows = Arrays.copyOf(rows, n * 2);
            }
            t[n] = time;
            rows[n++] = row;
        }

        TimeSeries build() {
            return new TimeSeries(Arrays.copyOf(t, n), Arrays.copyOf(rows, n));
        }
    }
}
