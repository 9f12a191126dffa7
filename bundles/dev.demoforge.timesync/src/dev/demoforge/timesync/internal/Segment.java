package dev.demoforge.timesync.internal;

import dev.demoforge.timesync.ClockSegment;

/**
 * One stretch of a clock between steps while it is being estimated: the lowest pair of each short stretch of device
 * time ("points"), in local coordinates {@code x = device - d0}, {@code y = (host - device) - c0}, and the line
 * fitted under them. Holds at most {@code capacity} points: beyond, neighbours are merged pairwise, keeping the one
 * lower under the current line. Not thread-safe (the estimator synchronises).
 */
final class Segment {

    private final long d0;
    private final long c0;
    private long fromHostNs;
    private long fromDeviceNs;
    private final int capacity;
    private long[] wd;
    private long[] wh;
    private int size;
    private long samples;
    /** The lines under the points: as fitted, and with the slope pulled towards the prior (see the constructor). */
    private HullFit.Line raw;
    private HullFit.Line shrunk;
    private final double prior;
    private final boolean shrink;
    /** Shrink span per ns of median delay above the line: 0.1 / 50 ppm. */
    static final double SHRINK_PER_NS = 2000;

    /**
     * @param priorSlope slope assumed until the points tell (the previous segment's, or 0)
     * @param shrink     whether the model's slope over a span T of points is pulled towards the prior (windows
     *                   and outliers are always judged against that line), by the weight
     *                   {@code T² / (T² + S²)} with S = {@value #SHRINK_PER_NS} × the points' median delay above
     *                   the line (0.1 × the delay over a 50 ppm prior spread of drifts): over short spans the
     *                   hull's slope is mostly noise, and extrapolating noise costs more than a small drift
     */
    Segment(long fromDeviceNs, long fromHostNs, double priorSlope, int capacity, boolean shrink) {
        this.shrink = shrink;
        this.d0 = fromDeviceNs;
        this.c0 = fromHostNs - fromDeviceNs;
        this.fromHostNs = fromHostNs;
        this.fromDeviceNs = fromDeviceNs;
        this.capacity = capacity;
        this.prior = priorSlope;
        this.wd = new long[Math.min(capacity, 64)];
        this.wh = new long[wd.length];
    }

    /** Moves the segment's start to the first sample found to belong to it (the line is unchanged). */
    void startAt(long device, long host) {
        fromDeviceNs = device;
        fromHostNs = host;
    }

    long fromHostNs() {
        return fromHostNs;
    }

    long fromDeviceNs() {
        return fromDeviceNs;
    }

    double prior() {
        return prior;
    }

    double x(long device) {
        return device - d0;
    }

    double y(long device, long host) {
        return (host - device) - c0;
    }

    /** How far {@code (device, host)} lies above the judging (shrunk) line, ns (negative: below it). */
    double residual(long device, long host) {
        fitLines();
        HullFit.Line l = shrunk;
        return y(device, host) - l.at(x(device));
    }

    /** The current slope (the prior before any window). */
    double slope() {
        return size == 0 ? prior : line().s();
    }

    int points() {
        return size;
    }

    long samples() {
        return samples;
    }

    /**
     * Adds the points of a closed window of {@code count} samples; merges points pairwise when over capacity.
     *
     * @return whether points were merged
     */
    boolean add(long[] device, long[] host, int n, long count) {
        samples += count;
        boolean merged = false;
        for (int i = 0; i < n; i++) {
            merged |= add(device[i], host[i]);
        }
        raw = null;
        shrunk = null;
        return merged;
    }

    private boolean add(long device, long host) {
        if (size == wd.length) {
            if (size < capacity) {
                wd = java.util.Arrays.copyOf(wd, Math.min(capacity, size * 2));
                wh = java.util.Arrays.copyOf(wh, wd.length);
            }
        }
        wd[size] = device;
        wh[size++] = host;
        if (size == capacity) {
            mergePairs();
            return true;
        }
        return false;
    }

    private void mergePairs() {
        fitLines();
        HullFit.Line l = shrunk;
        int n = 0;
        for (int i = 0; i < size; i += 2) {
            int keep = i;
            if (i + 1 < size && y(wd[i + 1], wh[i + 1]) - l.at(x(wd[i + 1])) < y(wd[i], wh[i]) - l.at(x(wd[i]))) {
                keep = i + 1;
            }
            wd[n] = wd[keep];
            wh[n++] = wh[keep];
        }
        size = n;
    }

    /** The model line under the points (shrunk when online), fitted lazily. */
    HullFit.Line line() {
        fitLines();
        return shrink ? shrunk : raw;
    }

    private void fitLines() {
        if (raw == null) {
            HullFit.Line[] both = fit(0, 0, false);
            raw = both[0];
            shrunk = both[1];
        }
    }

    /** The model line with one extra, provisional point (the open stretch's lowest pair). */
    HullFit.Line lineWith(long device, long host) {
        return fit(device, host, true)[shrink ? 1 : 0];
    }

    /** {raw, shrunk} lines under the points. */
    private HullFit.Line[] fit(long extraD, long extraH, boolean extra) {
        int n = size + (extra ? 1 : 0);
        if (n == 0) {
            HullFit.Line none = new HullFit.Line(0, prior);
            return new HullFit.Line[] {none, none};
        }
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < size; i++) {
            x[i] = x(wd[i]);
            y[i] = y(wd[i], wh[i]);
        }
        if (extra) {
            x[size] = x(extraD);
            y[size] = y(extraD, extraH);
        }
        HullFit.Line fitted = HullFit.fit(x, y, n, prior, HullClockEstimator.MAX_SLOPE);
        if (n < 2) {
            return new HullFit.Line[] {fitted, fitted};
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        double[] above = new double[n];
        for (int i = 0; i < n; i++) {
            lo = Math.min(lo, x[i]);
            hi = Math.max(hi, x[i]);
            above[i] = y[i] - fitted.at(x[i]);
        }
        java.util.Arrays.sort(above);
        double s = SHRINK_PER_NS * above[n / 2];
        double span2 = (hi - lo) * (hi - lo);
        double slope = prior + (fitted.s() - prior) * span2 / (span2 + s * s);
        double a = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            a = Math.min(a, y[i] - slope * x[i]);
        }
        return new HullFit.Line[] {fitted, new HullFit.Line(a, slope)};
    }

    /** Mean x of the points (the reference point of the segment's offset), with an optional extra point. */
    private double meanX(long extraD, boolean extra) {
        double sum = 0;
        for (int i = 0; i < size; i++) {
            sum += x(wd[i]);
        }
        int n = size;
        if (extra) {
            sum += x(extraD);
            n++;
        }
        return n == 0 ? 0 : sum / n;
    }

    /** This segment as a clock line; {@code extra} adds the open window's lowest pair. */
    ClockSegment toClockSegment(HullFit.Line l, long extraD, boolean extra, long extraSamples) {
        double mean = meanX(extraD, extra);
        long dRef = d0 + Math.round(mean);
        long hRef = dRef + c0 + Math.round(l.at(mean));
        double driftPpm = -l.s() / (1 + l.s()) * 1e6;
        return new ClockSegment(fromHostNs, fromDeviceNs, hRef, dRef - hRef, driftPpm, samples + extraSamples);
    }
}
