package dev.demoforge.recorder.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import dev.demoforge.device.api.ConnectedStation;
import dev.demoforge.device.api.DeviceHandle;
import dev.demoforge.device.api.EventSample;
import dev.demoforge.device.api.StationManager;
import dev.demoforge.device.api.StreamKind;
import dev.demoforge.episode.api.EpisodeStore;
import dev.demoforge.episode.api.EpisodeSummary;
import dev.demoforge.episode.api.RawEpisode;
import dev.demoforge.episode.api.RecordedStream;
import dev.demoforge.episode.api.Recorder;
import dev.demoforge.episode.api.Recording;
import dev.demoforge.episode.api.RecordingRequest;
import dev.demoforge.episode.api.StreamSummary;
import dev.demoforge.timesync.TimeSyncService;

/**
 * On the simulated station, whose cameras are received 15–25 ms after exposure: each camera's MP4 starts with a
 * frame exposed after every other data stream's first sample, the frames held back are counted as pre-roll (summary,
 * manifest, MCAP), not as drops, and frame references still index MP4 frames.
 */
class CameraPreRollTest {

    @TempDir
    Path workspace;

    @Test
    void eachCameraVideoStartsAfterEveryOtherStreamIsLiveAndCountsThePreRoll() throws Exception {
        StationManager stations = OsgiServices.get(StationManager.class);
        Recorder recorder = OsgiServices.get(Recorder.class);
        EpisodeStore store = OsgiServices.get(EpisodeStore.class);
        Map<String, Long> latency = new HashMap<>();
        EpisodeSummary summary;
        try (ConnectedStation station = stations.connect(stations.station("sim").orElseThrow())) {
            for (DeviceHandle d : station.devices()) {
                latency.put(d.config().deviceId(), TimeSyncService.fixedLatencyNs(d.config()));
            }
            Thread.sleep(300);
            Recording recording = recorder.start(station, new RecordingRequest(workspace, "pick", "test", null, 5L));
            Thread.sleep(1500);
            summary = recording.stop();
        }
        assertEquals("", summary.problem());
        assertTrue(latency.get("cam_scene") > 0, "the simulated cameras declare their latency");
        RawEpisode episode = store.open(summary.directory());
        Map<String, RecordedStream> byTopic = episode.manifest().streams().stream()
                .collect(Collectors.toMap(RecordedStream::topic, s -> s));
        Map<String, Long> firstCapture = new HashMap<>();
        Map<String, Long> counted = new HashMap<>();
        episode.read(byTopic.keySet(), (topic, sample) -> {
            counted.merge(topic, 1L, Long::sum);
            firstCapture.putIfAbsent(topic, sample.hostNanos() - latency.get(byTopic.get(topic).deviceId()));
        });
        long live = byTopic.values().stream().filter(s -> s.spec().kind() != StreamKind.CAMERA
                && s.spec().kind() != StreamKind.EVENT).mapToLong(s -> firstCapture.get(s.topic())).max()
                .orElseThrow();
        Map<String, Long> noted = new HashMap<>();
        episode.read(Set.of(McapEpisodeWriter.PREROLL_TOPIC), (topic, sample) -> {
            JsonObject note = JsonParser.parseString(((EventSample) sample).text()).getAsJsonObject();
            noted.put(note.get("topic").getAsString(), note.get("frames").getAsLong());
        });
        Map<String, StreamSummary> manifestSummary = episode.manifest().summary().streams().stream()
                .collect(Collectors.toMap(StreamSummary::topic, s -> s));
        int cameras = 0;
        for (StreamSummary s : summary.streams()) {
            if (s.kind() != StreamKind.CAMERA) {
                assertEquals(0, s.preRoll(), s.topic());
                continue;
            }
            cameras++;
            long first = firstCapture.get(s.topic());
            assertTrue(first >= live + CameraStartGate.MARGIN_NS, s.topic() + ": frame 0 captured "
                    + (first - live) / 1e6 + " ms after the last stream went live");
            assertTrue(first - live < CameraStartGate.MARGIN_NS + 80_000_000L, s.topic() + " started "
                    + (first - live) / 1e6 + " ms after the last stream went live: more than a frame late");
            assertTrue(s.preRoll() >= 0 && s.preRoll() <= 30, s.topic() + " pre-roll " + s.preRoll());
            assertEquals(s.preRoll(), noted.get(s.topic()).longValue(), s.topic() + " pre-roll noted in the MCAP");
            assertEquals(s.preRoll(), manifestSummary.get(s.topic()).preRoll(), s.topic() + " in episode.json");
            assertEquals(counted.get(s.topic()).intValue(), Ffprobe.frames(episode.video(s.topic())),
                    s.topic() + ": frame refs index the MP4's frames");
        }
        assertEquals(2, cameras);
    }
}
