package dev.demoforge.quality.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import dev.demoforge.device.api.EventSample;
import dev.demoforge.device.api.StreamKind;
import dev.demoforge.episode.api.EpisodeStatus;
import dev.demoforge.episode.api.EpisodeSummary;
import dev.demoforge.episode.api.RawEpisode;
import dev.demoforge.episode.api.StreamSummary;
import dev.demoforge.quality.api.CheckResult;
import dev.demoforge.quality.api.QualityCheck;
import dev.demoforge.quality.api.Reason;
import dev.demoforge.quality.api.Verdict;
import dev.demoforge.timesync.TimeSyncService;

/**
 * Recording health: every stream's achieved rate against its nominal rate, dropped samples (with the instants the
 * recorder noted them on {@value #DROPS_TOPIC}), and gaps (the recorder's notes on {@value #GAPS_TOPIC}: a stream
 * silent for more than five nominal periods, at least 100 ms), and the sync residuals of every device clock
 * ({@link SyncResiduals}, when a {@link TimeSyncService} is installed).
 * Score = the lowest achieved/nominal ratio over the streams (1 = every stream at rate).
 * WARN below {@value #WARN_RATIO} of nominal, with any drop or gap; FAIL below {@value #FAIL_RATIO}, with more than
 * {@value #FAIL_DROP_FRACTION} of a stream's samples dropped, without camera frames, or when the recording stopped
 * on an error; residuals as {@link SyncResiduals} says.
 */
@Component(service = QualityCheck.class)
public final class RecordingHealthCheck implements QualityCheck {

    static final double WARN_RATIO = 0.9;
    static final double FAIL_RATIO = 0.5;
    static final double FAIL_DROP_FRACTION = 0.05;
    static final String DROPS_TOPIC = "/recorder/drops";
    static final String GAPS_TOPIC = "/recorder/gaps";
    private static final int MAX_REASONS_PER_STREAM = 5;

    private final TimeSyncService sync;

    @Activate
    public RecordingHealthCheck(@Reference(cardinality = ReferenceCardinality.OPTIONAL,
            policyOption = ReferencePolicyOption.GREEDY) TimeSyncService sync) {
        this.sync = sync;
    }

    @Override
    public String id() {
        return "recording-health";
    }

    @Override
    public String label() {
        return "Recording health";
    }

    @Override
    public CheckResult evaluate(RawEpisode episode) throws IOException {
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
            verdict = summary.status() == EpisodeStatus.RECOVERED ? Verdict.WARN : Verdict.FAIL;
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
                reasons.add(new Reason(String.format(Locale.ROOT, "%s dropped %d samples (%.1f%%)", s.topic(),
                        s.drops(), 100 * fraction), 0, end));
                verdict = worse(verdict, fraction > FAIL_DROP_FRACTION ? Verdict.FAIL : Verdict.WARN);
            }
        }
        List<Reason> timed = gapsAndDrops(episode);
        if (!timed.isEmpty()) {
            verdict = worse(verdict, Verdict.WARN);
            reasons.addAll(timed);
        }
        if (sync != null) {
            SyncResiduals.Result residuals = SyncResiduals.evaluate(episode, sync, end);
            verdict = worse(verdict, residuals.verdict());
            reasons.addAll(residuals.reasons());
        }
        return new CheckResult(id(), verdict, score, reasons);
    }

    /** The recorder's gap and drop notes, with the instants they name. */
    private static List<Reason> gapsAndDrops(RawEpisode episode) throws IOException {
        long start = episode.manifest().startHostNanos();
        Map<String, Integer> gaps = new HashMap<>();
        List<Reason> reasons = new ArrayList<>();
        episode.read(Set.of(GAPS_TOPIC, DROPS_TOPIC), (topic, sample) -> {
            if (!(sample instanceof EventSample e)) {
                return;
            }
            double t = (e.hostNanos() - start) * 1e-9;
            try {
                JsonObject o = JsonParser.parseString(e.text()).getAsJsonObject();
                String stream = o.get("topic").getAsString();
                if (topic.equals(DROPS_TOPIC)) {
                    reasons.add(new Reason(String.format(Locale.ROOT, "%s: %d samples dropped before %.1f s",
                            stream, o.get("dropped").getAsLong(), t), t, t));
                } else if (gaps.merge(stream, 1, Integer::sum) <= MAX_REASONS_PER_STREAM) {
                    double from = (o.get("from_host_ns").getAsLong() - start) * 1e-9;
                    double to = (o.get("to_host_ns").getAsLong() - start) * 1e-9;
                    reasons.add(new Reason(String.format(Locale.ROOT, "%s: no samples for %.2f s from %.1f s",
                            stream, to - from, from), from, to));
                }
            } catch (JsonParseException | IllegalStateException | NullPointerException
                    | UnsupportedOperationException x) {
                reasons.add(new Reason(String.format(Locale.ROOT, "unreadable note on %s at %.1f s: %s", topic, t,
                        e.text()), t, t));
            }
        });
        gaps.forEach((stream, n) -> {
            if (n > MAX_REASONS_PER_STREAM) {
                reasons.add(new Reason(stream + ": " + (n - MAX_REASONS_PER_STREAM) + " more gaps", 0, 0));
            }
        });
        return reasons;
    }

    private static Reason rate(StreamSummary s, double ratio, double end) {
        return new Reason(String.format(Locale.ROOT, "%s ran at %.1f Hz, %.0f%% of its nominal %.0f Hz", s.topic(),
                s.achievedRateHz(), 100 * ratio, s.nominalRateHz()), 0, end);
    }

    private static Verdict worse(Verdict a, Verdict b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
