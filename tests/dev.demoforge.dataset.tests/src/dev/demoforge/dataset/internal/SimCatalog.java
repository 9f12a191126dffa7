package dev.demoforge.dataset.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import dev.demoforge.catalog.api.Catalog;
import dev.demoforge.catalog.api.EpisodeRecord;
import dev.demoforge.catalog.api.ReviewState;
import dev.demoforge.dataset.DatasetService;
import dev.demoforge.device.api.ConnectedStation;
import dev.demoforge.device.api.StationManager;
import dev.demoforge.episode.api.EpisodeStore;
import dev.demoforge.episode.api.EpisodeSummary;
import dev.demoforge.episode.api.RawEpisode;
import dev.demoforge.episode.api.Recorder;
import dev.demoforge.episode.api.Recording;
import dev.demoforge.episode.api.RecordingRequest;

/** Short episodes of the simulated station recorded by the real recorder into the real catalog of the test run. */
final class SimCatalog {

    /** One episode to record: task, operator and the review decision to store. */
    record Take(String task, String operator, ReviewState review) {
    }

    private SimCatalog() {
    }

    /** Records the takes, {@code seconds} each, in order, and puts them into the catalog; returns their rows. */
    static List<EpisodeRecord> record(Path root, double seconds, List<Take> takes) throws Exception {
        StationManager stations = OsgiServices.get(StationManager.class);
        Catalog catalog = OsgiServices.get(Catalog.class);
        Recorder recorder = OsgiServices.get(Recorder.class);
        catalog.putStation(stations.station("sim").orElseThrow());
        List<EpisodeRecord> out = new ArrayList<>();
        try (ConnectedStation station = stations.connect(stations.station("sim").orElseThrow())) {
            Thread.sleep(500);
            long seed = 21;
            for (Take take : takes) {
                Recording recording = recorder.start(station, new RecordingRequest(root, take.task(),
                        take.operator(), null, seed++));
                Thread.sleep((long) (seconds * 1000));
                EpisodeSummary s = recording.stop();
                if (!s.problem().isEmpty()) {
                    throw new IllegalStateException("Recording failed: " + s.problem());
                }
                EpisodeRecord r = new EpisodeRecord(s.episodeId(), null, "sim", take.task(), take.operator(),
                        s.startedAt(), s.durationSeconds(), 0, 0, s.status(), take.review(), s.directory().toString(),
                        "");
                catalog.putEpisode(r);
                out.add(r);
            }
        }
        return out;
    }

    /** Rows of the untrimmed episode whose capture time lies within [from, to] s after the recording's start. */
    static long rowsWithin(EpisodeRecord e, double from, double to) throws Exception {
        DatasetService service = OsgiServices.get(DatasetService.class);
        RawEpisode raw = OsgiServices.get(EpisodeStore.class).open(Path.of(e.directory()));
        long start = raw.manifest().startHostNanos();
        long[] times = ((AlignedEpisode) service.align(raw, service.spec("full", raw))).rowTimes();
        return java.util.Arrays.stream(times).filter(t -> t >= start + from * 1e9 && t <= start + to * 1e9).count();
    }

    /** SHA-256 of every file under the directories, by absolute path. */
    static Map<String, String> hashes(List<Path> dirs) throws IOException {
        Map<String, String> out = new TreeMap<>();
        ContentHashes h = new ContentHashes(null);
        for (Path d : dirs) {
            try (Stream<Path> s = Files.walk(d)) {
                for (Path f : s.filter(Files::isRegularFile).toList()) {
                    out.put(f.toString(), h.sha256(f));
                }
            }
        }
        return out;
    }
}
