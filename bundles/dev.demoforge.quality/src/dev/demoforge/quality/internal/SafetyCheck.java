package dev.demoforge.quality.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import dev.demoforge.episode.api.RawEpisode;
import dev.demoforge.quality.api.CheckResult;
import dev.demoforge.quality.api.QualityCheck;
import dev.demoforge.quality.api.Reason;
import dev.demoforge.quality.api.Verdict;

/**
 * Safety: excursions beyond the joint limits (FAIL), joint speeds above {@code safety.max_joint_speed} and wrist
 * forces above {@code safety.max_force} (WARN; FAIL beyond {@code fail_factor} times the limit), each reported with
 * its time range. Joint speeds come from joint positions low-passed at {@code safety.filter_hz}. Score = 1 - the
 * highest utilisation of any limit (1 at rest, 0 at a limit, negative beyond it).
 */
@Component(service = QualityCheck.class)
public final class SafetyCheck implements QualityCheck {

    static final String ID = "safety";
    private static final double WRENCH_RATE_HZ = 1000;
    private static final double BRIDGE_S = 0.05;

    private final ThresholdStore thresholds;

    @Activate
    public SafetyCheck(@Reference ThresholdStore thresholds) {
        this.thresholds = thresholds;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String label() {
        return "Safety";
    }

    @Override
    public CheckResult evaluate(RawEpisode episode) throws Exception {
        TaskThresholds th = thresholds.forEpisode(episode);
        return analyse(EpisodeData.load(episode), th.safety());
    }

    static CheckResult analyse(EpisodeData data, TaskThresholds.Safety s) {
        List<Reason> reasons = new ArrayList<>();
        Verdict[] verdict = {Verdict.PASS};
        double utilisation = 0;
        Grid q = Dsp.resample(data.joints(), Motion.RATE_HZ);
        for (int j = 0; j < q.channels().length; j++) {
            String name = j < data.jointNames().size() ? data.jointNames().get(j) : "joint " + j;
            double[] x = q.channels()[j];
            if (s.jointLimits() != null && j < s.jointLimits().size() && s.jointLimits().get(j) != null) {
                double lo = s.jointLimits().get(j)[0];
                double hi = s.jointLimits().get(j)[1];
                double mid = (lo + hi) / 2;
                for (double v : x) {
                    utilisation = Math.max(utilisation, Math.abs(v - mid) / ((hi - lo) / 2));
                }
                for (Span span : Span.runs(q, i -> x[i] < lo || x[i] > hi, 0, BRIDGE_S)) {
                    double beyond = worst(q, x, span, v -> Math.max(lo - v, v - hi));
                    reasons.add(new Reason(String.format(Locale.ROOT, "%s beyond its limit [%.2f, %.2f] rad by "
                            + "%.3f rad for %.2f s from %.1f s", name, lo, hi, beyond, span.duration(), span.start()),
                            span.start(), span.end()));
                    verdict[0] = Verdict.FAIL;
                }
            }
            double[] speed = Dsp.derivative(Dsp.lowPass(x, q.rate(), s.filterHz()), q.dt());
            for (int i = 0; i < speed.length; i++) {
                speed[i] = Math.abs(speed[i]);
            }
            utilisation = Math.max(utilisation, Dsp.max(speed) / s.maxJointSpeed());
            excursions(q, speed, s.maxJointSpeed(), s.failFactor(), name + " speed", "rad/s", reasons, verdict);
        }
        if (data.wrench().size() > 1 && data.wrench().width() >= 3) {
            Grid w = Dsp.resample(data.wrench(), WRENCH_RATE_HZ);
            double[] force = Dsp.norm(new double[][] {w.channels()[0], w.channels()[1], w.channels()[2]});
            utilisation = Math.max(utilisation, Dsp.max(force) / s.maxForce());
            excursions(w, force, s.maxForce(), s.failFactor(), "wrist force", "N", reasons, verdict);
        }
        return new CheckResult(ID, verdict[0], 1 - utilisation, reasons);
    }

    private static void excursions(Grid grid, double[] x, double limit, double failFactor, String what, String unit,
            List<Reason> reasons, Verdict[] verdict) {
        for (Span span : Span.runs(grid, i -> x[i] > limit, 0, BRIDGE_S)) {
            double peak = worst(grid, x, span, v -> v);
            boolean fail = peak > failFactor * limit;
            reasons.add(new Reason(String.format(Locale.ROOT, "%s %.2f %s above its limit %.2f %s for %.2f s from "
                    + "%.1f s", what, peak, unit, limit, unit, span.duration(), span.start()), span.start(),
                    span.end()));
            if (fail) {
                verdict[0] = Verdict.FAIL;
            } else if (verdict[0] == Verdict.PASS) {
                verdict[0] = Verdict.WARN;
            }
        }
    }

    private static double worst(Grid grid, double[] x, Span span, java.util.function.DoubleUnaryOperator f) {
        double w = Double.NEGATIVE_INFINITY;
        for (int i = grid.index(span.start()); i <= grid.index(span.end() - grid.dt()); i++) {
            w = Math.max(w, f.applyAsDouble(x[i]));
        }
        return w;
    }
}
