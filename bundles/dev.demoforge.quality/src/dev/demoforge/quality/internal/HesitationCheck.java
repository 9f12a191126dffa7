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
 * Hesitation: where the operator stopped. The tool point's path (or the joints without an arm model) is low-passed
 * at {@code hesitation.filter_hz} (2 Hz: tremor does not count as motion), its speed compared with
 * {@code idle_speed}. Idle spans of at least {@code min_idle_s} between the first and the last movement are reported
 * ("idle 1.8 s from 3.2 s"); one of at least {@code hesitation_s} is a hesitation (WARN); idle spans covering more
 * than {@code max_idle_fraction} of the motion FAIL. Rest before the first and after the last movement is not
 * counted. Score = 1 - idle fraction of the motion.
 */
@Component(service = QualityCheck.class)
public final class HesitationCheck implements QualityCheck {

    static final String ID = "hesitation";
    private static final double BRIDGE_S = 0.15;

    private final ThresholdStore thresholds;

    @Activate
    public HesitationCheck(@Reference ThresholdStore thresholds) {
        this.thresholds = thresholds;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String label() {
        return "Hesitation";
    }

    @Override
    public CheckResult evaluate(RawEpisode episode) throws Exception {
        TaskThresholds th = thresholds.forEpisode(episode);
        EpisodeData data = EpisodeData.load(episode);
        return analyse(Motion.of(data.joints(), th.arm() == null ? null : th.arm().toModel()), th.hesitation());
    }

    static CheckResult analyse(Motion motion, TaskThresholds.Hesitation h) {
        if (motion == null) {
            return new CheckResult(ID, Verdict.WARN, Double.NaN,
                    List.of(new Reason("no joint samples: hesitation not evaluated", 0, 0)));
        }
        Grid speed = motion.speed(h.filterHz());
        double[] s = speed.channels()[0];
        int first = -1;
        int last = -1;
        for (int i = 0; i < s.length; i++) {
            if (s[i] >= h.idleSpeed()) {
                if (first < 0) {
                    first = i;
                }
                last = i;
            }
        }
        if (first < 0) {
            return new CheckResult(ID, Verdict.WARN, 0, List.of(new Reason(String.format(Locale.ROOT,
                    "the arm never moved faster than %.3f %s", h.idleSpeed(), motion.speedUnit()), speed.t0(),
                    speed.time(s.length - 1))));
        }
        double from = speed.time(first);
        double to = speed.time(last);
        List<Span> idle = Span.runs(speed, i -> s[i] < h.idleSpeed(), h.minIdleS(), BRIDGE_S);
        idle.removeIf(span -> span.start() <= from || span.end() > to + speed.dt());
        double idleTime = idle.stream().mapToDouble(Span::duration).sum();
        double fraction = to > from ? idleTime / (to - from) : 0;
        List<Reason> reasons = new ArrayList<>();
        Verdict verdict = Verdict.PASS;
        for (Span span : idle) {
            boolean hesitation = span.duration() >= h.hesitationS();
            if (hesitation) {
                verdict = Verdict.WARN;
            }
            reasons.add(new Reason(String.format(Locale.ROOT, "idle %.1f s from %.1f s%s", span.duration(),
                    span.start(), hesitation ? " (hesitation)" : ""), span.start(), span.end()));
        }
        if (fraction > h.maxIdleFraction()) {
            verdict = Verdict.FAIL;
            reasons.add(0, new Reason(String.format(Locale.ROOT, "idle %.0f%% of the motion (limit %.0f%%)",
                    100 * fraction, 100 * h.maxIdleFraction()), from, to));
        }
        return new CheckResult(ID, verdict, 1 - fraction, reasons);
    }
}
