package dev.demoforge.quality.validation;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import dev.demoforge.device.api.ConnectedStation;
import dev.demoforge.device.api.DeviceConfig;
import dev.demoforge.device.api.EventSample;
import dev.demoforge.device.api.Sample;
import dev.demoforge.device.api.SampleSink;
import dev.demoforge.device.api.StationConfig;
import dev.demoforge.device.api.StationManager;
import dev.demoforge.device.api.StreamSpec;
import dev.demoforge.episode.api.EpisodeSummary;
import dev.demoforge.episode.api.Recorder;
import dev.demoforge.episode.api.Recording;
import dev.demoforge.episode.api.RecordingRequest;

/**
 * Records one episode per seed from the simulated station, each exactly as long as its trial: recording stops
 * {@value #MARGIN_S} s after the arm's {@code end} truth event. Every episode runs on its own simulated world (device
 * property {@code world}, a fresh id per episode), so up to {@code parallel} episodes record at once without their
 * trials queueing behind one another. Blocking; call off the UI thread.
 *
 * @since 0.1
 */
public final class SimTrials {

    /** Recording continues this long after the trial's end, s. */
    public static final double MARGIN_S = 0.25;
    /** An episode whose trial has not ended after this long is stopped anyway, s. */
    public static final double MAX_EPISODE_S = 25;

    /** Receives each episode as soon as it is finished; called on the recording thread. */
    @FunctionalInterface
    public interface Listener {
        void finished(long seed, EpisodeSummary summary) throws IOException;
    }

    private SimTrials() {
    }

    /**
     * Records the trials of {@code seeds} in order, {@code parallel} at a time.
     *
     * @param template a simulated station (device drivers {@code sim.*}); its devices' {@code world} is replaced
     * @param request  where and for whom to record; its seed is replaced by each trial's seed
     * @return the episodes, in the order of {@code seeds}
     * @throws IOException when a recording cannot start or fails
     */
    public static List<EpisodeSummary> record(StationManager stations, Recorder recorder, StationConfig template,
            RecordingRequest request, List<Long> seeds, int parallel, Listener listener)
            throws IOException, InterruptedException {
        Map<Long, EpisodeSummary> done = new HashMap<>();
        for (int from = 0; from < seeds.size(); from += parallel) {
            List<Long> round = seeds.subList(from, Math.min(seeds.size(), from + parallel));
            for (Running r : round(stations, recorder, template, request, round)) {
                done.put(r.seed, r.summary);
                listener.finished(r.seed, r.summary);
            }
        }
        List<EpisodeSummary> out = new ArrayList<>();
        seeds.forEach(s -> out.add(done.get(s)));
        return out;
    }

    /** A recording of one round and its station. */
    private static final class Running {
        final long seed;
        final ConnectedStation station;
        final Recording recording;
        final long startedNanos = System.nanoTime();
        EpisodeSummary summary;

        Running(long seed, ConnectedStation station, Recording recording) {
            this.seed = seed;
            this.station = station;
            this.recording = recording;
        }
    }

    private static List<Running> round(StationManager stations, Recorder recorder, StationConfig template,
            RecordingRequest request, List<Long> seeds) throws IOException, InterruptedException {
        TrialEnds ends = new TrialEnds();
        List<Running> running = new ArrayList<>();
        try {
            for (long seed : seeds) {
                ConnectedStation station = stations.connect(withWorld(template, "quality-" + UUID.randomUUID()));
                station.addSink(ends);
                try {
                    running.add(new Running(seed, station, recorder.start(station, new RecordingRequest(
                            request.episodesRoot(), request.task(), request.operator(), request.sessionId(), seed))));
                } catch (IOException | RuntimeException e) {
                    station.close();
                    throw e;
                }
            }
            List<Running> open = new ArrayList<>(running);
            while (!open.isEmpty()) {
                Thread.sleep(20);
                long now = System.nanoTime();
                for (Running r : List.copyOf(open)) {
                    Long end = ends.endedAt(r.recording.episodeId());
                    boolean over = end != null && now - end >= MARGIN_S * 1e9;
                    if (over || r.recording.failed() || now - r.startedNanos > MAX_EPISODE_S * 1e9) {
                        r.summary = r.recording.stop();
                        r.station.close();
                        open.remove(r);
                        if (!r.summary.problem().isEmpty()) {
                            throw new IOException("Recording " + r.summary.episodeId() + " failed: "
                                    + r.summary.problem());
                        }
                    }
                }
            }
        } finally {
            for (Running r : running) {
                if (r.summary == null) {
                    r.recording.stop();
                    r.station.close();
                }
            }
        }
        return running;
    }

    /** The station with every simulated device on the given world. */
    static StationConfig withWorld(StationConfig template, String world) {
        List<DeviceConfig> devices = new ArrayList<>();
        for (DeviceConfig d : template.devices()) {
            Map<String, String> props = new HashMap<>(d.properties());
            props.put("world", world);
            devices.add(new DeviceConfig(d.deviceId(), d.driverId(), props));
        }
        return new StationConfig(template.id(), template.robotType(), devices);
    }

    /** Notes when each episode's trial ended, from the simulated arm's truth events; never blocks. */
    private static final class TrialEnds implements SampleSink {
        private final Map<String, Long> ended = new ConcurrentHashMap<>();

        @Override
        public void onSample(String deviceId, StreamSpec stream, Sample sample) {
            if (!(sample instanceof EventSample e) || !"truth".equals(stream.name()) || !e.text().contains("\"end\"")) {
                return;
            }
            try {
                JsonObject o = JsonParser.parseString(e.text()).getAsJsonObject();
                JsonElement id = o.get("episode_id");
                if ("end".equals(o.get("type").getAsString()) && id != null && !id.isJsonNull()) {
                    ended.putIfAbsent(id.getAsString(), System.nanoTime());
                }
            } catch (JsonParseException | IllegalStateException | NullPointerException
                    | UnsupportedOperationException x) {
                return; // not a truth event of the simulated arm
            }
        }

        Long endedAt(String episodeId) {
            return ended.get(episodeId);
        }
    }
}
