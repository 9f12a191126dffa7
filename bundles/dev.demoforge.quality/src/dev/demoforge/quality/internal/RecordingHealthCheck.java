package dev.demoforge.quality.internal;

import java.util.ArrayList;
import java.util.List;

import org.osgi.service.component.annotations.Component;

import dev.demoforge.device.api.StreamKind;
import dev.demoforge.episode.api.EpisodeSummary;
import dev.demoforge.episode.api.RawEpisode;
import dev.demoforge.episode.api.StreamSummary;
import dev.demoforge.quality.api.CheckResult;
import dev.demoforge.quality.api.QualityCheck;
import dev.demoforge.quality.api.Reason;
import dev.demoforge.quality.api.Verdict;

/**
 * Recording health: every stream's achieved rate against its nominal rate, and dropped samples.
 * Score = the lowest achieved/nominal ratio over the streams (1 = every stream at rate).
 * WARN below {@value #WARN_RATIO} of nominal or with any drop; FAIL below {@value #FAIL_RATIO}, with more than
 * {@value #FAIL_DROP_FRACTION} of a stream's samples dropped, without camera frames, or when the recording stopped
 * on an error.
 */
@Component(service = QualityCheck.class)
public final class RecordingHealthCheck implements QualityCheck {

    static final double WARN_RATIO = 0.9;
    static final double FAIL_RATIO = 0.5;
    static final double FAIL_DROP_FRACTION = 0.05;

    @Override
    public String id() {
        return "recording-health";
    }

    @Override
    public String label() {
        return "Recording health";
    }

    @Override
    public CheckResult evaluate(RawEpisode episode) {
        EpisodeSummary summary = episode.manifest().summary();
        if (summary == null) {
            return new CheckResult(id(), Verdict.FAIL, 0, List.of(new Reason("episode was never finished", 0, 0)));
        }
        double end = summary.durationSeconds();
        List<Reason> reasons = new ArrayList<>();
        Verdict verdict = Verdict.PASS;
        double score = 1;
        if (!summary.problem().isEmpty()) {
            reasons.add(new Reason(summary.problem(), 0, end));
            verdict = summary.status() == dev.demoforge.episode.api.EpisodeStatus.RECOVERED ? Verdict.WARN
                    : Verdict.FAIL;
        }
        for (StreamSummary s : summary.streams()) {
            if (s.kind() == StreamKind.EVENT) {
                continue;
            }
            double ratio = s.nominalRateHz() > 0 ? s.achievedRateHz() / s.nominalRateHz() : 1;
            score = Math.min(score, ratio);
            if (s.kind() == StreamKind.CAMERA && s.samples() == 0) {
                reasons.add(new Reason(s.topic() + " recorded no frames", 0, end));
                verdict = Verdict.FAIL;
            } else if (ratio < FAIL_RATIO) {
                reasons.add(rate(s, ratio, end));
                verdict = Verdict.FAIL;
            } else if (ratio < WARN_RATIO) {
                reasons.add(rate(s, ratio, end));
                verdict = worse(verdict, Verdict.WARN);
            }
            if (s.drops() > 0) {
                double fraction = (double) s.drops() / (s.drops() + s.samples());
                reasons.add(new Reason(String.format("%s dropped %d samples (%.1f%%)", s.topic(), s.drops(),
                        100 * fraction), 0, end));
                verdict = worse(verdict, fraction > FAIL_DROP_FRACTION ? Verdict.FAIL : Verdict.WARN);
            }
        }
        return new CheckResult(id(), verdict, score, reasons);
    }

    private static Reason rate(StreamSummary s, double ratio, double end) {
        return new Reason(String.format("%s ran at %.1f Hz, %.0f%% of its nominal %.0f Hz", s.topic(),
                s.achievedRateHz(), 100 * ratio, s.nominalRateHz()), 0, end);
    }

    private static Verdict worse(Verdict a, Verdict b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
