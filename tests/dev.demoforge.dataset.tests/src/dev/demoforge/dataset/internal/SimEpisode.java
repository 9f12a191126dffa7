package dev.demoforge.dataset.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import dev.demoforge.device.api.ConnectedStation;
import dev.demoforge.device.api.DeviceConfig;
import dev.demoforge.device.api.EventSample;
import dev.demoforge.device.api.StationConfig;
import dev.demoforge.device.api.StationManager;
import dev.demoforge.episode.api.EpisodeStore;
import dev.demoforge.episode.api.EpisodeSummary;
import dev.demoforge.episode.api.RawEpisode;
import dev.demoforge.episode.api.RecordedStream;
import dev.demoforge.episode.api.Recorder;
import dev.demoforge.episode.api.Recording;
import dev.demoforge.episode.api.RecordingRequest;

/**
 * One episode of the simulated station recorded by the real recorder, every device clock forced to ±50 ppm, and
 * the ground truth it recorded: each device's {@code clock_truth}, which turns a device time into its true instant.
 */
final class SimEpisode {

    /** {@code device = t + offset + round((t - ref) * drift * 1e-6)} of one device. */
    record Truth(long offsetNs, double driftPpm, long refHostNs) {
        long trueNanos(long deviceNanos) {
            return refHostNs + Math.round((deviceNanos - offsetNs - refHostNs) / (1 + driftPpm * 1e-6));
        }
    }

    private static RawEpisode episode;

    private SimEpisode() {
    }

    static synchronized RawEpisode get() throws Exception {
        if (episode == null) {
            StationManager stations = OsgiServices.get(StationManager.class);
            StationConfig sim = stations.station("sim").orElseThrow();
            List<DeviceConfig> devices = new ArrayList<>();
            int i = 0;
            for (DeviceConfig d : sim.devices()) {
                Map<String, String> p = new HashMap<>(d.properties());
                p.put("clock.drift_ppm", i++ % 2 == 0 ? "50" : "-50");
                p.put("world", "dataset-tests");
                devices.add(new DeviceConfig(d.deviceId(), d.driverId(), p));
            }
            Path root = Files.createTempDirectory("alignment-episodes");
            EpisodeSummary summary;
            try (ConnectedStation station = stations.connect(new StationConfig(sim.id(), sim.robotType(), devices))) {
                Thread.sleep(500); // as the command line does: every device streaming before the episode starts
                Recording recording = OsgiServices.get(Recorder.class).start(station,
                        new RecordingRequest(root, "pick the cube", "test", null, 11L));
                Thread.sleep(8_000);
                summary = recording.stop();
            }
            if (!summary.problem().isEmpty()) {
                throw new IllegalStateException("Recording failed: " + summary.problem());
            }
            episode = OsgiServices.get(EpisodeStore.class).open(summary.directory());
        }
        return episode;
    }

    /** The recorded clock truth per device id. */
    static Map<String, Truth> truths(RawEpisode e) throws Exception {
        Set<String> topics = e.manifest().streams().stream().map(RecordedStream::topic)
                .filter(t -> t.endsWith("/clock_truth")).collect(Collectors.toSet());
        Map<String, Truth> out = new HashMap<>();
        e.read(topics, (topic, sample) -> {
            JsonObject o = JsonParser.parseString(((EventSample) sample).text()).getAsJsonObject();
            out.putIfAbsent(topic.split("/")[1], new Truth(o.get("offset_ns").getAsLong(),
                    o.get("drift_ppm").getAsDouble(), o.get("ref_host_ns").getAsLong()));
        });
        return out;
    }
}
