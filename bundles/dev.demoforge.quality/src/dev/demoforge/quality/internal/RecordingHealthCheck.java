package dev.demoforge.quality.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.osgi.service.component.annotations.Component;

import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import dev.demoforge.device.api.EventSample;
import dev.demoforge.device.api.StreamKind;
import dev.demoforge.episode.api.EpisodeStatus;
import dev.demoforge.episode.api.EpisodeSummary;
import dev.demoforge.episode.api.RawEpisode;
import dev.demoforge.episode.api.RecordedStream;
import dev.demoforge.episode.api.StreamSummary;
import dev.demoforge.quality.api.CheckResult;
import dev.demoforge.quality.api.QualityCheck;
import dev.demoforge.quality.api.Reason;
import dev.demoforge.quality.api.Verdict;

/**
 * Recording health: every stream's achieved rate against its nominal rate, dropped samples (with the instants the
 * recorder noted them on {@value #DROPS_TOPIC}), and gaps: host receive times of a non-event stream further apart
 * than {@value #GAP_PERIODS} nominal periods and at least {@value #MIN_GAP_S} s.
 * Score = the lowest achieved/nominal ratio over the streams (1 = every stream at rate).
 * WARN below {@value #WARN_RATIO} of nominal, with any drop or gap; FAIL below {@value #FAIL_RATIO}, with more than
 * {@value #FAIL_DROP_FRACTION} of a stream's samples dropped, without camera frames, or when the recording stopped
 * on an error.
 */
@Component(service = QualityCheck.class)
public final class RecordingHealthCheck implements QualityCheck {

    static final double WARN_RATIO = 0.9;
    static final double FAIL_RATIO = 0.5;
    static final double FAIL_DROP_FRACTION = 0.05;
    static final String DROPS_TOPIC = "/recorder/drops";
    static final double GAP_PERIODS = 4;
    static final double MIN_GAP_S = 0.05;
    private static final int MAX_REASONS_PER_STREAM = 5;

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
        return new CheckResult(id(), verdict, score, reasons);
    }

    /** Gaps in each non-event stream's host times, and the recorder's drop notes with their instants. */
    private static List<Reason> gapsAndDrops(RawEpisode episode) throws IOException {
        Map<String, Double> maxGap = new HashMap<>();
        for (RecordedStream s : episode.manifest().streams()) {
            if (s.spec().kind() != StreamKind.EVENT) {
                maxGap.put(s.topic(), Math.max(MIN_GAP_S, GAP_PERIODS / s.spec().nominalRateHz()));
            }
        }
        Set<String> topics = new HashSet<>(maxGap.keySet());
        topics.add(DROPS_TOPIC);
        long start = episode.manifest().startHostNanos();
        Map<String, Long> lastSeen = new HashMap<>();
        Map<String, Integer> reported = new HashMap<>();
        List<Reason> reasons = new ArrayList<>();
        episode.read(topics, (topic, sample) -> {
            double t = (sample.hostNanos() - start) * 1e-9;
            if (topic.equals(DROPS_TOPIC)) {
                if (sample instanceof EventSample e) {
                    reasons.add(dropNote(e.text(), t));
                }
                return;
            }
            Long previous = lastSeen.put(topic, sample.hostNanos());
            if (previous == null) {
                return;
            }
            double gap = (sample.hostNanos() - previous) * 1e-9;
            if (gap > maxGap.get(topic) && reported.merge(topic, 1, Integer::sum) <= MAX_REASONS_PER_STREAM) {
                reasons.add(new Reason(String.format(Locale.ROOT, "%s: no samples for %.2f s from %.1f s", topic,
                        gap, t - gap), t - gap, t));
            }
        });
        reported.forEach((topic, n) -> {
            if (n > MAX_REASONS_PER_STREAM) {
                reasons.add(new Reason(topic + ": " + (n - MAX_REASONS_PER_STREAM) + " more gaps", 0, 0));
            }
        });
        return reasons;
    }

    private static Reason dropNote(String text, double t) {
        try {
            JsonObject o = JsonParser.parseString(text).getAsJsonObject();
            return new Reason(String.format(Locale.ROOT, "%s: %d samples dropped before %.1f s",
                    o.get("topic").getAsString(), o.get("dropped").getAsLong(), t), t, t);
        } catch (JsonParseException | IllegalStateException | NullPointerException | UnsupportedOperationException e) {
            return new Reason("recorder drop note at " + String.format(Locale.ROOT, "%.1f s", t) + ": " + text, t, t);
        }
    }

    private static Reason rate(StreamSummary s, double ratio, double end) {
        return new Reason(String.format(Locale.ROOT, "%s ran at %.1f Hz, %.0f%% of its nominal %.0f Hz", s.topic(),
                s.achievedRateHz(), 100 * ratio, s.nominalRateHz()), 0, end);
    }

    private static Verdict worse(Verdict a, Verdict b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
