package dev.demoforge.quality.validation;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import dev.demoforge.device.api.EventSample;
import dev.demoforge.episode.api.RawEpisode;

/**
 * The ground truth of the simulated trial an episode recorded, from the simulated arm's {@value #TOPIC} events (see
 * docs/sim-station.md): the {@code trial} event whose {@code episode_id} is the episode's, and whether its {@code end}
 * event was recorded too. Times are seconds from the episode start (the trial's times shifted by the host time at
 * which its start was received). Immutable.
 *
 * @param seed         the trial's seed
 * @param outcome      {@code success}, {@code failed_grasp} or {@code dropped_outside}
 * @param trialStartS  when the trial started, s from the episode start
 * @param durationS    trial length, s
 * @param hesitations  the operator's pauses, each {@code {start, end}} in s from the episode start
 * @param jerky        whether the motion had tremor or sub-movements
 * @param complete     whether the trial's end was recorded (its outcome is then visible in the episode)
 * @since 0.1
 */
public record SimTruth(long seed, String outcome, double trialStartS, double durationS, List<double[]> hesitations,
        boolean jerky, boolean complete) {

    /** Topic of the simulated arm's truth events. */
    public static final String TOPIC = "/arm/truth";

    public SimTruth {
        hesitations = List.copyOf(hesitations);
    }

    /** Whether the trial's outcome is a success. */
    public boolean success() {
        return "success".equals(outcome);
    }

    /**
     * Reads the truth of the episode's trial. Empty when the episode has no {@value #TOPIC} stream or no trial started
     * by this episode. Blocking file I/O; a malformed event is an {@link IOException} naming the episode.
     */
    public static Optional<SimTruth> read(RawEpisode episode) throws IOException {
        String id = episode.manifest().episodeId();
        if (episode.manifest().streams().stream().noneMatch(s -> s.topic().equals(TOPIC))) {
            return Optional.empty();
        }
        long start = episode.manifest().startHostNanos();
        JsonObject[] trial = {null};
        double[] trialAt = {0};
        boolean[] ended = {false};
        try {
            episode.read(Set.of(TOPIC), (topic, sample) -> {
                if (!(sample instanceof EventSample e)) {
                    return;
                }
                JsonObject o = JsonParser.parseString(e.text()).getAsJsonObject();
                JsonElement ep = o.get("episode_id");
                if (ep == null || ep.isJsonNull() || !id.equals(ep.getAsString())) {
                    return;
                }
                String type = o.get("type").getAsString();
                if (type.equals("trial") && trial[0] == null) {
                    trial[0] = o;
                    trialAt[0] = (e.hostNanos() - start) * 1e-9;
                } else if (type.equals("end")) {
                    ended[0] = true;
                }
            });
        } catch (JsonParseException | IllegalStateException | NullPointerException e) {
            throw new IOException("Episode " + id + ": malformed " + TOPIC + " event: " + e.getMessage(), e);
        }
        if (trial[0] == null) {
            return Optional.empty();
        }
        JsonObject t = trial[0];
        double at = trialAt[0];
        List<double[]> hes = new ArrayList<>();
        for (JsonElement h : t.getAsJsonArray("hesitation")) {
            JsonObject span = h.getAsJsonObject();
            hes.add(new double[] {at + span.get("start_s").getAsDouble(), at + span.get("end_s").getAsDouble()});
        }
        return Optional.of(new SimTruth(t.get("seed").getAsLong(), t.get("outcome").getAsString(), at,
                t.get("duration_s").getAsDouble(), hes, t.get("jerky").getAsBoolean(), ended[0]));
    }
}
