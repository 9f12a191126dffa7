package dev.demoforge.recorder.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import dev.demoforge.device.api.EventSample;
import dev.demoforge.device.api.StreamKind;
import dev.demoforge.episode.api.EpisodeManifest;
import dev.demoforge.episode.api.EpisodeStatus;
import dev.demoforge.episode.api.EpisodeStore;
import dev.demoforge.episode.api.EpisodeSummary;
import dev.demoforge.episode.api.RawEpisode;
import dev.demoforge.episode.api.RecordedStream;
import dev.demoforge.episode.api.StreamSummary;
import dev.demoforge.mcap.McapRecovery;
import dev.demoforge.media.MediaException;
import dev.demoforge.media.Mp4Recovery;
import dev.demoforge.media.VideoDecoder;
import dev.demoforge.timesync.DeviceClocks;
import dev.demoforge.timesync.TimeSyncService;

/**
 * Opens raw episodes and recovers those a dead recorder left behind. An episode is dead when its manifest says
 * RECORDING and nobody holds its {@code .recording.lock}. Recovery keeps the damaged MCAP as
 * {@code episode.mcap.crashed}, writes the repaired one in its place, cuts each camera MP4 back to its last
 * complete fragment, counts camera frames as those both referenced in the MCAP and decodable from the MP4, and
 * refits the device clocks on what was kept (the recorder writes them only when it stops).
 */
@Component(service = EpisodeStore.class)
public final class EpisodeStoreImpl implements EpisodeStore {

    static final String CRASHED_SUFFIX = ".crashed";

    /** Refits the clock models of recovered episodes; without it they carry none (export then fits them). */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile TimeSyncService timeSync;

    @Override
    public RawEpisode open(Path episodeDirectory) throws IOException {
        return new McapRawEpisode(episodeDirectory, ManifestIO.read(episodeDirectory));
    }

    @Override
    public List<EpisodeSummary> recoverUnfinished(Path episodesRoot) throws IOException {
        List<EpisodeSummary> recovered = new ArrayList<>();
        if (!Files.isDirectory(episodesRoot)) {
            return recovered;
        }
        List<Path> dirs;
        try (Stream<Path> list = Files.list(episodesRoot)) {
            dirs = list.filter(d -> Files.isRegularFile(d.resolve(ManifestIO.FILE))).sorted().toList();
        }
        for (Path dir : dirs) {
            EpisodeManifest manifest = ManifestIO.read(dir);
            if (manifest.status() == EpisodeStatus.RECORDING && !recorderAlive(dir)) {
                recovered.add(recover(dir, manifest));
            }
        }
        return recovered;
    }

    private static boolean recorderAlive(Path dir) throws IOException {
        Path lockFile = dir.resolve(EpisodeRecording.LOCK_FILE);
        if (!Files.exists(lockFile)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true;
        }
    }

    private EpisodeSummary recover(Path dir, EpisodeManifest manifest) throws IOException {
        Path mcap = dir.resolve(McapEpisodeWriter.FILE);
        Path crashed = dir.resolve(McapEpisodeWriter.FILE + CRASHED_SUFFIX);
        if (Files.exists(mcap)) {
            Files.move(mcap, crashed, StandardCopyOption.REPLACE_EXISTING);
        }
        String problem;
        if (Files.exists(crashed)) {
            McapRecovery.Result r = McapRecovery.recover(crashed, mcap);
            problem = "repaired an unfinished recording: " + r.messages() + " messages kept, " + r.bytesLost()
                    + " bytes of the MCAP lost";
        } else {
            throw new IOException("Cannot recover " + dir + ": " + McapEpisodeWriter.FILE + " is missing");
        }
        ClockPairs pairs = new ClockPairs(manifest);
        Map<String, long[]> counts = countSamples(dir, manifest, pairs);
        Map<String, Long> preRoll = preRoll(dir, manifest);
        List<StreamSummary> streams = new ArrayList<>();
        double duration = counts.values().stream().mapToDouble(c -> (c[2] - c[1]) / 1e9).max().orElse(0);
        for (RecordedStream s : manifest.streams()) {
            long n = counts.getOrDefault(s.topic(), new long[3])[0];
            if (s.spec().kind() == StreamKind.CAMERA) {
                Path video = dir.resolve(s.videoFile());
                if (Files.exists(video)) {
                    Mp4Recovery.truncateIncompleteTail(video);
                }
                n = Math.min(n, decodableFrames(video));
            }
            streams.add(new StreamSummary(s.topic(), s.spec().kind(), n, 0, s.spec().nominalRateHz(),
                    duration > 0 ? n / duration : 0, preRoll.getOrDefault(s.topic(), 0L)));
        }
        EpisodeSummary summary = new EpisodeSummary(manifest.episodeId(), dir, manifest.startedAt(), duration, streams,
                EpisodeStatus.RECOVERED, problem);
        ManifestIO.write(dir, manifest.finish(EpisodeStatus.RECOVERED, summary, refitClocks(dir, manifest, pairs)));
        return summary;
    }

    /** Writes the clock models fitted on the kept samples; the file name, or null when there is nothing to fit. */
    private String refitClocks(Path dir, EpisodeManifest manifest, ClockPairs pairs) throws IOException {
        TimeSyncService sync = timeSync;
        if (sync == null) {
            return null;
        }
        DeviceClocks clocks = pairs.fit(sync, device -> {
            try {
                return sync.fixedLatencyNs(manifest.stationId(), device);
            } catch (IllegalArgumentException e) {
                return 0;
            }
        });
        return clocks.byDevice().isEmpty() ? null : ClockTracker.write(dir, clocks);
    }

    /** Per topic: sample count, first and last host time; the clock pairs go to {@code pairs}. */
    private Map<String, long[]> countSamples(Path dir, EpisodeManifest manifest, ClockPairs pairs)
            throws IOException {
        Map<String, long[]> counts = new HashMap<>();
        McapRawEpisode episode = new McapRawEpisode(dir, manifest);
        episode.read(episode.allTopics(), (topic, sample) -> {
            pairs.add(topic, sample);
            long[] c = counts.computeIfAbsent(topic, t -> new long[] {0, sample.hostNanos(), sample.hostNanos()});
            c[0]++;
            c[2] = sample.hostNanos();
        });
        return counts;
    }

    /** Pre-roll frames per camera topic, from the notes on {@value McapEpisodeWriter#PREROLL_TOPIC} that survived. */
    private static Map<String, Long> preRoll(Path dir, EpisodeManifest manifest) throws IOException {
        Map<String, Long> out = new HashMap<>();
        new McapRawEpisode(dir, manifest).read(Set.of(McapEpisodeWriter.PREROLL_TOPIC), (topic, sample) -> {
            if (sample instanceof EventSample e) {
                JsonObject note = JsonParser.parseString(e.text()).getAsJsonObject();
                out.put(note.get("topic").getAsString(), note.get("frames").getAsLong());
            }
        });
        return out;
    }

    private static long decodableFrames(Path video) {
        try (VideoDecoder decoder = VideoDecoder.open(video)) {
            return decoder.info().frameCount();
        } catch (MediaException e) {
            return 0;
        }
    }
}
