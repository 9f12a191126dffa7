package dev.demoforge.timesync.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

import dev.demoforge.timesync.ClockEstimator;
import dev.demoforge.timesync.ClockModel;
import dev.demoforge.timesync.ClockSegment;
import dev.demoforge.timesync.ResidualStats;

/**
 * Lower-envelope clock estimator. Pairs are reduced to the lowest pair of each short stretch of device time (at
 * least 1 pair and 62.5 ms), and the clock line is refitted under the hull of those points ({@link HullFit}) each
 * time a window closes (at least 32 pairs and 250 ms, at most 2 s). All spans double whenever the points of a
 * segment are merged to stay within {@link #MAX_POINTS}.
 * <p>
 * Steps: a window whose lowest pair lies far below the line (more than 2 ms, or 8 times the median window residual
 * if larger) is held back: if the next window is not down by about as much, it was an outlier and is dropped; if
 * it is, the clock stepped forward and a new segment starts. Windows far above the line for at least three windows
 * and two seconds mean the clock stepped back (shorter bursts of delay are kept); if the old line comes back
 * later, that was a long burst of delay and the old segment is resumed; a segment younger than two seconds that
 * ends in a step forward was a burst of delay from its start, and is replaced. Device time going back by more than
 * 10 ms starts a new segment at once. A new segment keeps the old drift until its own points tell otherwise, and its
 * first pair is sought among the recent pairs: the one from which the new line, not the old, explains the delays.
 * <p>
 * Windows are judged against a line whose slope over short spans is pulled towards the prior (see {@link Segment}):
 * the hull's own slope over a second or two of a camera's pairs is mostly noise. The online model uses that line
 * too; the whole-recording fit ({@code online = false}) uses the hull's slope.
 */
final class HullClockEstimator implements ClockEstimator {

    static final double MAX_SLOPE = 1e-3;
    static final int MAX_POINTS = 4096;
    static final int RING = 4096;
    /** Pairs kept by a recording estimator: where step boundaries are sought, and its residual statistics. */
    static final int RECORDING_RING = 16384;
    static final int MAX_CLOSED_SEGMENTS = 64;
    private static final int POINT_SAMPLES = 1;
    private static final long POINT_NS = 62_500_000L;
    private static final int WINDOW_SAMPLES = 32;
    private static final long WINDOW_NS = 250_000_000L;
    private static final long MAX_WINDOW_NS = 2_000_000_000L;
    private static final long MIN_STEP_NS = 2_000_000L;
    private static final long RESET_NS = 10_000_000L;
    private static final int CONFIRM_UP_WINDOWS = 3;
    private static final long CONFIRM_UP_NS = 2_000_000_000L;

    private final String clockId;
    private final long fixedLatencyNs;
    private final PairHistory history;
    private final boolean online;
    private final Deque<ClockSegment> closed = new ArrayDeque<>();
    private final List<Window> pending = new ArrayList<>();
    private final double[] recent = new double[64];
    private final Window open = new Window();
    private boolean pendingDown;
    private int recentCount;
    private Segment cur;
    /** The segment before a step back, kept in case the step was a long burst of delay. */
    private Segment beforeUpStep;
    private long scale = 1;
    private long lastD;
    private long lastAcceptedFirstH;
    private long samples;
    private ClockModel cached;

    /**
     * @param online whether the model is used as samples arrive (the slope over short spans is then pulled towards
     *               the prior, see {@link Segment}), or only once the whole recording is in
     */
    HullClockEstimator(String clockId, long fixedLatencyNs, PairHistory history, boolean online) {
        this.online = online;
        if (fixedLatencyNs < 0) {
            throw new IllegalArgumentException("Clock " + clockId + ": fixed latency must be ≥ 0 ns, was "
                    + fixedLatencyNs);
        }
        this.clockId = clockId;
        this.fixedLatencyNs = fixedLatencyNs;
        this.history = history;
    }

    @Override
    public String clockId() {
        return clockId;
    }

    @Override
    public synchronized long samples() {
        return samples;
    }

    @Override
    public synchronized void add(long d, long h) {
        history.push(d, h);
        samples++;
        if (cur == null) {
            cur = new Segment(d, h, 0, MAX_POINTS, online);
            lastAcceptedFirstH = h;
        } else if (d < lastD - RESET_NS) {
            closeWindow();
            resolvePending();
            closed(cur);
            cur = new Segment(d, h, cur.slope(), MAX_POINTS, online);
            beforeUpStep = null;
            lastAcceptedFirstH = h;
            recentCount = 0;
            cached = null;
        } else if (open.count > 0 && d - open.firstD >= MAX_WINDOW_NS * scale) {
            closeWindow();
        }
        open.add(d, h, cur, POINT_SAMPLES, POINT_NS * scale);
        lastD = d;
        if (open.count >= WINDOW_SAMPLES && d - open.firstD >= WINDOW_NS * scale) {
            closeWindow();
        }
    }

    /** Closes the open window and settles held-back windows: the end of a recording. */
    @Override
    public synchronized Optional<ClockModel> finish() {
        closeWindow();
        resolvePending();
        cached = null;
        return model();
    }

    /** Points held by the current segment (bounded by {@link #MAX_POINTS}). */
    synchronized int pointsHeld() {
        return cur == null ? 0 : cur.points();
    }

    @Override
    public synchronized Optional<ClockModel> model() {
        if (cur == null) {
            return Optional.empty();
        }
        if (cached != null) {
            return Optional.of(cached);
        }
        List<ClockSegment> segments = new ArrayList<>(closed);
        boolean provisional = cur.points() == 0;
        long[] best = open.lowest(cur);
        HullFit.Line line = provisional ? cur.lineWith(best[0], best[1]) : cur.line();
        segments.add(cur.toClockSegment(line, best[0], provisional, provisional ? open.count : 0));
        ClockModel m = new ClockModel(clockId, segments, fixedLatencyNs, ResidualStats.EMPTY);
        long[] r = new long[history.size()];
        for (int i = 0; i < r.length; i++) {
            long host = history.host(i);
            r[i] = host - m.segmentAtHost(host).toHostNanos(history.device(i));
        }
        m = new ClockModel(clockId, segments, fixedLatencyNs, ResidualStats.of(r, r.length));
        if (!provisional) {
            cached = m;
        }
        return Optional.of(m);
    }

    private void closeWindow() {
        if (open.count == 0) {
            return;
        }
        Window w = open.close(cur);
        onWindow(w);
    }

    private void onWindow(Window w) {
        if (cur.points() == 0 && pending.isEmpty()) {
            accept(w, Double.NaN);
            return;
        }
        long[] low = w.lowest(cur);
        double r = cur.residual(low[0], low[1]);
        w.residual = r;
        double threshold = threshold();
        if (pending.isEmpty()) {
            if (r < -threshold || r > threshold) {
                pendingDown = r < 0;
                pending.add(w);
            } else {
                accept(w, r);
            }
            return;
        }
        if (pendingDown) {
            if (r < -threshold && Math.abs(r - pending.get(0).residual) < threshold) {
                pending.add(w);
                step(true);
            } else {
                pending.clear();
                onWindow(w);
            }
            return;
        }
        if (r > threshold) {
            pending.add(w);
            long span = w.lastD - pending.get(0).firstD;
            if (pending.size() >= CONFIRM_UP_WINDOWS && span >= CONFIRM_UP_NS) {
                step(false);
            }
        } else {
            resolvePending();
            onWindow(w);
        }
    }

    /** Held-back windows that were not confirmed: below the line they were outliers, above it a burst of delay. */
    private void resolvePending() {
        if (!pendingDown) {
            for (Window p : pending) {
                accept(p, p.residual);
            }
        }
        pending.clear();
    }

    private void accept(Window w, double residual) {
        if (cur.add(w.pd, w.ph, w.points, w.count)) {
            scale *= 2;
        }
        if (!Double.isNaN(residual)) {
            recent[recentCount++ % recent.length] = Math.abs(residual);
        }
        lastAcceptedFirstH = w.firstH;
        cached = null;
    }

    private double threshold() {
        int n = Math.min(recentCount, recent.length);
        if (n == 0) {
            return MIN_STEP_NS;
        }
        double[] r = Arrays.copyOf(recent, n);
        Arrays.sort(r);
        return Math.max(MIN_STEP_NS, 8 * r[n / 2]);
    }

    /**
     * The held-back windows start a new segment; its first pair is sought among the recent pairs. A step forward
     * that brings back the line of the segment before a step back ends a long burst of delay instead.
     */
    private void step(boolean down) {
        if (down && beforeUpStep != null && backOnLine(beforeUpStep)) {
            cur = beforeUpStep;
            beforeUpStep = null;
            closed.removeLast();
            List<Window> held = new ArrayList<>(pending);
            pending.clear();
            held.forEach(w -> accept(w, Double.NaN));
            return;
        }
        Segment old = cur;
        Window first = pending.get(0);
        boolean young = down && first.firstD - old.fromDeviceNs() < CONFIRM_UP_NS;
        Segment next = new Segment(first.firstD, first.firstH, young ? old.prior() : old.slope(), MAX_POINTS, online);
        for (Window p : pending) {
            next.add(p.pd, p.ph, p.points, p.count);
        }
        if (young) {
            // the segment so far was shorter than a confirmed step back: it was a burst of delay, not a clock
            next.startAt(old.fromDeviceNs(), old.fromHostNs());
            cur = next;
            lastAcceptedFirstH = pending.get(pending.size() - 1).firstH;
            pending.clear();
            recentCount = 0;
            cached = null;
            return;
        }
        int boundary = boundary(old, next, lastAcceptedFirstH, down);
        if (boundary >= 0) {
            next.startAt(history.device(boundary), history.host(boundary));
        }
        closed(old);
        beforeUpStep = down ? null : old;
        cur = next;
        lastAcceptedFirstH = pending.get(pending.size() - 1).firstH;
        pending.clear();
        recentCount = 0;
        cached = null;
    }

    private boolean backOnLine(Segment s) {
        double threshold = threshold();
        for (Window w : pending) {
            long[] low = w.lowest(s);
            if (Math.abs(s.residual(low[0], low[1])) > threshold) {
                return false;
            }
        }
        return true;
    }

    /**
     * Index in the history of the first pair that belongs to the new line: from {@code fromHost} on, each pair goes
     * to the line that leaves it the smaller non-negative delay. After a step forward the first pair the new line
     * explains starts it; after a step back, the pair after the last one the old line explains. -1 if not found.
     */
    private int boundary(Segment old, Segment next, long fromHost, boolean down) {
        double tolerance = Math.max(20_000, threshold() / 10);
        int firstNew = -1;
        int lastOld = -1;
        for (int i = 0; i < history.size(); i++) {
            long h = history.host(i);
            if (h < fromHost) {
                continue;
            }
            long d = history.device(i);
            double ro = old.residual(d, h);
            double rn = next.residual(d, h);
            boolean okOld = ro >= -tolerance;
            boolean okNew = rn >= -tolerance;
            boolean toNew = okOld && okNew ? rn < ro : okOld != okNew ? okNew : rn > ro;
            if (toNew && firstNew < 0) {
                firstNew = i;
            }
            if (!toNew) {
                lastOld = i;
            }
        }
        if (down) {
            return firstNew;
        }
        return lastOld >= 0 && lastOld + 1 < history.size() ? lastOld + 1 : firstNew;
    }

    private void closed(Segment s) {
        long[] best = open.lowest(s);
        boolean none = s.points() == 0;
        closed.addLast(s.toClockSegment(none ? s.lineWith(best[0], best[1]) : s.line(), best[0], none, 0));
        while (closed.size() > MAX_CLOSED_SEGMENTS) {
            closed.removeFirst();
        }
    }
}
