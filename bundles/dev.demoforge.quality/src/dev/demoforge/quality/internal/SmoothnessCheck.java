package dev.demoforge.quality.internal;

import java.util.ArrayList;
import java.util.Arrays;
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
 * Smoothness of the operator's movements: SPARC and LDLJ ({@link Smoothness}) of every movement of the tool point
 * (joint-speed norm without an arm model). The path is low-passed at {@code smoothness.filter_hz}; a movement is a
 * run of speed above {@code movement_fraction} of the episode's peak speed lasting at least {@code min_movement_s}.
 * Score = the lowest SPARC of the episode's movements (a smooth reach: about -1.4 to -1.6; lower is less smooth).
 * WARN when a movement's SPARC is below {@code sparc_warn} or its LDLJ below {@code ldlj_warn}; FAIL when SPARC is
 * below {@code sparc_fail}.
 */
@Component(service = QualityCheck.class)
public final class SmoothnessCheck implements QualityCheck {

    static final String ID = "smoothness";

    private final ThresholdStore thresholds;

    @Activate
    public SmoothnessCheck(@Reference ThresholdStore thresholds) {
        this.thresholds = thresholds;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String label() {
        return "Smoothness";
    }

    @Override
    public CheckResult evaluate(RawEpisode episode) throws Exception {
        TaskThresholds th = thresholds.forEpisode(episode);
        EpisodeData data = EpisodeData.load(episode);
        boolean tool = "tool".equals(th.smoothness().space()) && th.arm() != null;
        return analyse(Motion.of(data.joints(), tool ? th.arm().toModel() : null), th.smoothness());
    }

    /** Smoothness of one movement. */
    record Movement(Span span, double sparc, double ldlj) {
    }

    static List<Movement> movements(Motion motion, TaskThresholds.SmoothnessLimits l) {
        Grid velocity = motion.velocity(l.filterHz());
        double[] speed = Dsp.norm(velocity.channels());
        Grid smooth = motion.velocity(l.ldljFilterHz());
        double threshold = l.movementFraction() * Dsp.max(speed);
        List<Movement> out = new ArrayList<>();
        if (!(threshold > 0)) {
            return out;
        }
        for (Span span : Span.runs(velocity, i -> speed[i] >= threshold, l.minMovementS(), 0)) {
            int a = velocity.index(span.start());
            int b = Math.min(speed.length, a + (int) Math.round(span.duration() / velocity.dt()));
            double[][] v = new double[velocity.channels().length][];
            for (int c = 0; c < v.length; c++) {
                v[c] = Arrays.copyOfRange(smooth.channels()[c], a, b);
            }
            double sparc = Smoothness.sparc(Arrays.copyOfRange(speed, a, b), velocity.rate(), l.cutoffHz(),
                    l.amplitude(), l.padLevel());
            out.add(new Movement(span, sparc, Smoothness.ldlj(v, velocity.rate())));
        }
        return out;
    }

    static CheckResult analyse(Motion motion, TaskThresholds.SmoothnessLimits l) {
        if (motion == null) {
            return new CheckResult(ID, Verdict.WARN, Double.NaN,
                    List.of(new Reason("no joint samples: smoothness not evaluated", 0, 0)));
        }
        List<Movement> moves = movements(motion, l);
        if (moves.isEmpty()) {
            return new CheckResult(ID, Verdict.PASS, Double.NaN, List.of(new Reason("no movement", 0, 0)));
        }
        Verdict verdict = Verdict.PASS;
        List<Reason> reasons = new ArrayList<>();
        Movement worst = moves.get(0);
        for (Movement m : moves) {
            if (m.sparc() < worst.sparc() || Double.isNaN(worst.sparc())) {
                worst = m;
            }
            boolean fail = m.sparc() < l.sparcFail();
            boolean warn = fail || m.sparc() < l.sparcWarn() || m.ldlj() < l.ldljWarn();
            if (warn) {
                verdict = fail ? Verdict.FAIL : verdict == Verdict.FAIL ? verdict : Verdict.WARN;
                reasons.add(new Reason(String.format(Locale.ROOT, "jerky movement %.1f-%.1f s: SPARC %.2f%s, "
                        + "LDLJ %.1f%s", m.span().start(), m.span().end(), m.sparc(),
                        m.sparc() < l.sparcWarn() ? String.format(Locale.ROOT, " < %.2f", l.sparcWarn()) : "",
                        m.ldlj(), m.ldlj() < l.ldljWarn() ? String.format(Locale.ROOT, " < %.1f", l.ldljWarn())
                                : ""), m.span().start(), m.span().end()));
            }
        }
        double[] sparcs = moves.stream().mapToDouble(Movement::sparc).sorted().toArray();
        double[] ldljs = moves.stream().mapToDouble(Movement::ldlj).sorted().toArray();
        reasons.add(0, new Reason(String.format(Locale.ROOT, "%d movements: SPARC median %.2f, lowest %.2f; "
                + "LDLJ median %.1f, lowest %.1f (%s)", moves.size(), sparcs[sparcs.length / 2], sparcs[0],
                ldljs[ldljs.length / 2], ldljs[0], motion.cartesian() ? "tool point" : "joint space"),
                moves.get(0).span().start(), moves.get(moves.size() - 1).span().end()));
        return new CheckResult(ID, verdict, worst.sparc(), reasons);
    }
}
