package dev.demoforge.recorder.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

import dev.demoforge.device.api.ConnectedStation;
import dev.demoforge.device.api.DeviceHandle;
import dev.demoforge.device.api.StreamKind;
import dev.demoforge.device.api.StreamSpec;
import dev.demoforge.episode.api.EpisodeManifest;
import dev.demoforge.episode.api.EpisodeStatus;
import dev.demoforge.episode.api.EpisodeSummary;
import dev.demoforge.episode.api.RecordedStream;
import dev.demoforge.episode.api.Recorder;
import dev.demoforge.episode.api.Recording;
import dev.demoforge.episode.api.RecordingEvents;
import dev.demoforge.episode.api.RecordingRequest;
import dev.demoforge.timesync.TimeSyncService;

/** Creates the episode directory, the recording, and announces start and stop on EventAdmin. */
@Component(service = Recorder.class)
public final class RecorderImpl implements Recorder {

    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss")
            .withZone(ZoneOffset.UTC);

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile EventAdmin eventAdmin;

    /** Fits the device clocks stored with each episode; without it episodes carry no clock models. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile TimeSyncService timeSync;

    @Override
    public Recording start(ConnectedStation station, RecordingRequest request) throws IOException {
        Instant startedAt = Instant.now();
        String id = "ep-" + ID_TIME.format(startedAt) + "-"
                + String.format("%06x", ThreadLocalRandom.current().nextInt(1 << 24));
        Path directory = request.episodesRoot().resolve(id);
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new IOException("Cannot create the episode directory " + directory + ": " + e.getMessage(), e);
        }
        Map<String, StreamQueue> queues = new LinkedHashMap<>();
        List<RecordedStream> streams = new ArrayList<>();
        for (DeviceHandle device : station.devices()) {
            for (StreamSpec spec : device.streams()) {
                String topic = RecordedStream.topic(device.config().deviceId(), spec.name());
                String video = spec.kind() == StreamKind.CAMERA ? device.config().deviceId() + "." + spec.name() + ".mp4"
                        : null;
                RecordedStream stream = new RecordedStream(topic, device.config().deviceId(), spec, video);
                streams.add(stream);
                queues.put(topic, new StreamQueue(stream, latencyNs(device)));
            }
        }
        EpisodeManifest manifest = new EpisodeManifest(id, request.task(), request.operator(), request.sessionId(),
                station.config().id(), station.config().robotType(), startedAt, System.nanoTime(), streams,
                EpisodeStatus.RECORDING, null);
        EpisodeRecording recording = new EpisodeRecording(station, directory, manifest, queues,
                new ClockTracker(timeSync, station), this::announceStop);
        long seed = request.seed() != null ? request.seed() : id.hashCode();
        recording.begin();
        post(RecordingEvents.TOPIC_STARTED, id, seed, true);
        return recording;
    }

    /** The device's {@link TimeSyncService#LATENCY_PROPERTY}, 0 when absent or unusable (the gate then waits less). */
    private static long latencyNs(DeviceHandle device) {
        try {
            return TimeSyncService.fixedLatencyNs(device.config());
        } catch (IllegalArgumentException e) {
            return 0;
        }
    }

    private void announceStop(EpisodeSummary summary) {
        post(RecordingEvents.TOPIC_STOPPED, summary.episodeId(), 0, false);
    }

    private void post(String topic, String episodeId, long seed, boolean synchronous) {
        EventAdmin admin = eventAdmin;
        if (admin == null) {
            return;
        }
        Map<String, Object> props = new HashMap<>();
        props.put(RecordingEvents.PROP_EPISODE_ID, episodeId);
        props.put(RecordingEvents.PROP_SEED, seed);
        Event event = new Event(topic, props);
        if (synchronous) {
            admin.sendEvent(event);
        } else {
            admin.postEvent(event);
        }
    }
}
