package dev.demoforge.timesync.internal;

import java.util.Arrays;

/**
 * A window of device time being collected, or closed: its points (the lowest pair of each short stretch, judged
 * against the current line), how many pairs it saw, and its first pair. Not thread-safe.
 */
final class Window {

    private static final int MAX = 40;

    long[] pd = new long[MAX];
    long[] ph = new long[MAX];
    int points;
    long count;
    long firstD;
    long firstH;
    long lastD;
    /** Residual of the lowest point against the line when the window was judged. */
    double residual;
    private long stretchStartD;
    private long stretchCount;
    private long bestD;
    private long bestH;
    private double bestKey;

    /** Adds a pair; a stretch of at least {@code stretchSamples} pairs and {@code stretchNs} becomes a point. */
    void add(long d, long h, Segment line, int stretchSamples, long stretchNs) {
        if (count == 0) {
            firstD = d;
            firstH = h;
        }
        if (stretchCount >= stretchSamples && d - stretchStartD >= stretchNs) {
            flushStretch();
        }
        if (stretchCount == 0) {
            stretchStartD = d;
            bestKey = Double.POSITIVE_INFINITY;
        }
        double key = line.residual(d, h);
        if (key < bestKey) {
            bestKey = key;
            bestD = d;
            bestH = h;
        }
        stretchCount++;
        count++;
        lastD = d;
    }

    private void flushStretch() {
        if (stretchCount == 0) {
            return;
        }
        if (points == MAX) {
            points--;
            if (ph[points] - pd[points] <= bestH - bestD) {
                bestD = pd[points];
                bestH = ph[points];
            }
        }
        pd[points] = bestD;
        ph[points++] = bestH;
        stretchCount = 0;
    }

    /** A closed copy of this window; this one starts over. */
    Window close(Segment line) {
        flushStretch();
        Window w = new Window();
        w.pd = Arrays.copyOf(pd, points);
        w.ph = Arrays.copyOf(ph, points);
        w.points = points;
        w.count = count;
        w.firstD = firstD;
        w.firstH = firstH;
        w.lastD = lastD;
        points = 0;
        count = 0;
        return w;
    }

    /** The pair lowest under the segment's line among the points and the stretch being collected: {d, h}. */
    long[] lowest(Segment line) {
        long d = bestD;
        long h = bestH;
        double key = stretchCount > 0 ? line.residual(d, h) : Double.POSITIVE_INFINITY;
        for (int i = 0; i < points; i++) {
            double k = line.residual(pd[i], ph[i]);
            if (k < key) {
                key = k;
                d = pd[i];
                h = ph[i];
            }
        }
        return new long[] {d, h};
    }
}
