package dev.demoforge.recorder.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.demoforge.device.api.ConnectedStation;
import dev.demoforge.device.api.DeviceStatus;
import dev.demoforge.device.api.StationConfig;
import dev.demoforge.device.api.StationManager;
import dev.demoforge.device.api.StreamKind;
import dev.demoforge.episode.api.EpisodeStatus;
import dev.demoforge.episode.api.EpisodeStore;
import dev.demoforge.episode.api.EpisodeSummary;
import dev.demoforge.episode.api.RawEpisode;
import dev.demoforge.episode.api.RecordedStream;
import dev.demoforge.episode.api.Recorder;
import dev.demoforge.episode.api.Recording;
import dev.demoforge.episode.api.RecordingRequest;
import dev.demoforge.episode.api.StreamSummary;

/** Records the real simulated station with the real recorder and reads the result back independently. */
class SimStationRecordingTest {

    @TempDir
    Path workspace;

    @Test
    void recordsEveryStreamOfTheSimulatedStation() throws Exception {
        StationManager stations = OsgiServices.get(StationManager.class);
        Recorder recorder = OsgiServices.get(Recorder.class);
        EpisodeStore store = OsgiServices.get(EpisodeStore.class);
        StationConfig sim = stations.station("sim").orElseThrow();
        EpisodeSummary summary;
        try (ConnectedStation station = stations.connect(sim)) {
            station.devices().forEach(d -> assertEquals(DeviceStatus.State.ONLINE, d.status().state(),
                    d.config().deviceId() + ": " + d.status()));
            Recording recording = recorder.start(station, new RecordingRequest(workspace, "pick", "test", null, 7L));
            Thread.sleep(3000);
            summary = recording.stop();
        }
        assertEquals("", summary.problem());
        assertEquals(EpisodeStatus.FINISHED, summary.status());
        assertTrue(summary.durationSeconds() > 2.9 && summary.durationSeconds() < 4, "" + summary.durationSeconds());
        RawEpisode episode = store.open(summary.directory());
        assertEquals(EpisodeStatus.FINISHED, episode.manifest().status());

        Map<String, Long> counted = new HashMap<>();
        Set<String> topics = episode.manifest().streams().stream().map(RecordedStream::topic).collect(Collectors.toSet());
        episode.read(topics, (topic, sample) -> counted.merge(topic, 1L, Long::sum));
        for (StreamSummary s : summary.streams()) {
            assertEquals(s.samples(), counted.getOrDefault(s.topic(), 0L).longValue(), s.topic() + " in the MCAP");
            if (s.kind() != StreamKind.EVENT) {
                double ratio = s.achievedRateHz() / s.nominalRateHz();
                assertTrue(ratio > 0.8 && ratio < 1.1, s.topic() + " ran at " + s.achievedRateHz() + " Hz");
            }
        }
        List<RecordedStream> cameras = episode.manifest().streams().stream()
                .filter(s -> s.spec().kind() == StreamKind.CAMERA).toList();
        assertEquals(2, cameras.size());
        for (RecordedStream camera : cameras) {
            int frames = Ffprobe.frames(episode.video(camera.topic()));
            assertEquals(counted.get(camera.topic()).intValue(), frames, camera.topic() + ": MP4 frames vs frame refs");
            assertTrue(frames > 75, camera.topic() + " has " + frames + " frames in 3 s at 30 fps");
        }
        assertTrue(Files.exists(summary.directory().resolve(EpisodeRecording.LOCK_FILE)));
        assertEquals(List.of(), store.recoverUnfinished(workspace), "a finished episode is not recovered");
    }

    @Test
    void recoversAnEpisodeCopiedMidRecordingAsIfTheProcessDied() throws Exception {
        StationManager stations = OsgiServices.get(StationManager.class);
        Recorder recorder = OsgiServices.get(Recorder.class);
        EpisodeStore store = OsgiServices.get(EpisodeStore.class);
        Path crashedRoot = workspace.resolve("crashed");
        Path live;
        try (ConnectedStation station = stations.connect(stations.station("sim").orElseThrow())) {
            Recording recording = recorder.start(station, new RecordingRequest(workspace.resolve("live"), "pick",
                    "test", null, 3L));
            live = recording.directory();
            Thread.sleep(2500);
            // what a kill -9 leaves: the files as they are on disk now, no recorder holding the lock
            Files.createDirectories(crashedRoot.resolve(live.getFileName()));
            try (var files = Files.list(live)) {
                for (Path f : files.toList()) {
                    Files.copy(f, crashedRoot.resolve(live.getFileName()).resolve(f.getFileName()));
                }
            }
            recording.stop();
        }
        assertEquals(List.of(), store.recoverUnfinished(workspace.resolve("live")));
        List<EpisodeSummary> recovered = store.recoverUnfinished(crashedRoot);
        assertEquals(1, recovered.size());
        EpisodeSummary r = recovered.get(0);
        assertEquals(EpisodeStatus.RECOVERED, r.status());
        assertTrue(r.problem().contains("repaired an unfinished recording"), r.problem());
        assertTrue(r.durationSeconds() > 1.0, "kept " + r.durationSeconds() + " s of 2.5 s");
        assertTrue(Files.exists(r.directory().resolve("episode.mcap.crashed")));
        RawEpisode episode = store.open(r.directory());
        assertEquals(EpisodeStatus.RECOVERED, episode.manifest().status());
        for (RecordedStream camera : episode.manifest().streams()) {
            if (camera.spec().kind() == StreamKind.CAMERA) {
                int frames = Ffprobe.frames(episode.video(camera.topic()));
                long kept = r.streams().stream().filter(s -> s.topic().equals(camera.topic())).findFirst()
                        .orElseThrow().samples();
                assertTrue(frames >= kept && kept > 30, camera.topic() + ": mp4 " + frames + ", kept " + kept);
            }
        }
        assertEquals(List.of(), store.recoverUnfinished(crashedRoot), "recovery runs once");
    }

    @Test
    void openingSomethingThatIsNotAnEpisodeNamesWhatIsMissing() throws Exception {
        EpisodeStore store = OsgiServices.get(EpisodeStore.class);
        Files.writeString(workspace.resolve("episode.json"), "{ not json");
        var e = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class, () -> store.open(workspace));
        assertTrue(e.getMessage().contains("episode.json"), e.getMessage());
        var missing = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                () -> store.open(workspace.resolve("nope")));
        assertTrue(missing.getMessage().contains("is missing"), missing.getMessage());
    }
}
