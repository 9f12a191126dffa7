package dev.demoforge.quality.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The pick-and-place criterion on recorded state: a grasp (the gripper, after opening, closes and either stalls on
 * the object or the wrist feels its weight), then a release (the gripper opens again) with the tool point inside the
 * target region. Pure; thread-safe.
 */
final class PickPlace {

    private static final double BRIDGE_S = 0.05;
    private static final double LOAD_BEFORE_S = 0.6;
    private static final double LOAD_SETTLE_S = 0.3;

    /**
     * One closure of the gripper that followed an opening.
     *
     * @param span      from closing (below the open threshold) to reopening, or to the end of the recording
     * @param reopened  whether the gripper opened again afterwards (a release)
     * @param settled   median opening while closed
     * @param command   median commanded opening while closed, NaN without an action stream
     * @param load      change of the wrist's fz between before closing and while closed, N; NaN without a wrench
     * @param grasped   whether the closure held an object
     */
    record Closure(Span span, boolean reopened, double settled, double command, double load, boolean grasped) {

        String evidence() {
            StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "fingers at %.2f", settled));
            if (!Double.isNaN(command)) {
                b.append(String.format(Locale.ROOT, " (commanded %.2f)", command));
            }
            if (!Double.isNaN(load)) {
                b.append(String.format(Locale.ROOT, ", wrist load change %.2f N", load));
            }
            return b.toString();
        }
    }

    private PickPlace() {
    }

    /** Closures of the gripper that followed an opening, in time order. */
    static List<Closure> closures(EpisodeData d, TaskThresholds.Success s) {
        Grid g = Dsp.resample(d.gripper(), Motion.RATE_HZ);
        List<Closure> out = new ArrayList<>();
        if (g.size() < 2) {
            return out;
        }
        double[] x = g.channels()[0];
        Grid cmd = Dsp.resample(d.gripperCommand(), Motion.RATE_HZ);
        double[] fz = d.wrench().width() >= 3 ? d.wrench().channel(2) : null;
        int firstOpen = -1;
        for (int i = 0; i < x.length && firstOpen < 0; i++) {
            if (x[i] > s.openAbove()) {
                firstOpen = i;
            }
        }
        if (firstOpen < 0) {
            return out;
        }
        double opened = g.time(firstOpen);
        double end = g.time(x.length - 1);
        for (Span span : Span.runs(g, i -> x[i] <= s.openAbove(), s.closedMinS(), BRIDGE_S)) {
            if (span.start() <= opened) {
                continue;
            }
            boolean reopened = span.end() < end;
            double settled = median(x, g.index(span.start()), g.index(span.end()));
            double command = cmd.size() < 2 ? Double.NaN
                    : median(cmd.channels()[0], cmd.index(span.start()), cmd.index(span.end()));
            double load = Double.NaN;
            if (fz != null && span.duration() > 2 * LOAD_SETTLE_S + 0.1) {
                double before = median(d.wrench(), fz, span.start() - LOAD_BEFORE_S, span.start() - 0.1);
                double hold = median(d.wrench(), fz, span.start() + LOAD_SETTLE_S, span.end() - LOAD_SETTLE_S);
                load = Math.abs(hold - before);
            }
            boolean stalled = settled >= s.stallMinOpening()
                    && (Double.isNaN(command) || settled - command >= s.stallMargin());
            boolean loaded = s.minLoadN() > 0 && load >= s.minLoadN();
            out.add(new Closure(span, reopened, settled, command, load, stalled || loaded));
        }
        return out;
    }

    private static double median(double[] x, int from, int to) {
        int a = Math.max(0, from);
        int b = Math.min(x.length, Math.max(a + 1, to));
        double[] part = Arrays.copyOfRange(x, a, b);
        Arrays.sort(part);
        return part.length == 0 ? Double.NaN : part[part.length / 2];
    }

    private static double median(TimeSeries series, double[] x, double from, double to) {
        int a = series.indexAt(from);
        int b = series.indexAt(to);
        return b > a ? median(x, a, b) : Double.NaN;
    }
}
