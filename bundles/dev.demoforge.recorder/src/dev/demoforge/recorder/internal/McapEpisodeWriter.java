package dev.demoforge.recorder.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.locks.LockSupport;

import com.google.gson.Gson;

import dev.demoforge.device.api.EventSample;
import dev.demoforge.device.api.Sample;
import dev.demoforge.device.api.StreamKind;
import dev.demoforge.device.api.StreamSpec;
import dev.demoforge.device.api.VectorSample;
import dev.demoforge.episode.api.EpisodeManifest;
import dev.demoforge.mcap.McapWriter;

/**
 * The single thread ("rec-mcap") that owns the episode's MCAP file: it drains every numeric and event queue and
 * the cameras' frame references, writes an event on {@code /recorder/drops} for each run of dropped samples and one
 * on {@code /recorder/gaps} for each silence of a stream (see {@link StreamQueue#gapNanos()}), one on
 * {@code /recorder/preroll} per camera when its MP4's first frame is written (the frames held back before it by
 * {@link CameraStartGate}; {@code frames} may be 0), and closes chunks by
 * age so a killed process loses at most about half a second.
 */
final class McapEpisodeWriter implements Runnable {

    static final String FILE = "episode.mcap";
    static final String DROPS_TOPIC = "/recorder/drops";
    static final String GAPS_TOPIC = "/recorder/gaps";
    static final String PREROLL_TOPIC = "/recorder/preroll";
    private static final Gson GSON = new Gson();

    private final McapWriter mcap;
    private final List<StreamQueue> streams;
    private final BlockingQueue<CameraEncoder.FrameRef> frameRefs;
    private final EpisodeManifest manifest;
    private final long wallStartNanos;
    private final RecorderFailure failure;
    private final int dropsChannel;
    private final int gapsChannel;
    private final int prerollChannel;
    private volatile Thread thread;
    private volatile boolean stopping;

    McapEpisodeWriter(Path directory, EpisodeManifest manifest, List<StreamQueue> streams,
            BlockingQueue<CameraEncoder.FrameRef> frameRefs, RecorderFailure failure) throws IOException {
        this.manifest = manifest;
        this.streams = streams;
        this.frameRefs = frameRefs;
        this.failure = failure;
        this.wallStartNanos = manifest.startedAt().getEpochSecond() * 1_000_000_000L + manifest.startedAt().getNano();
        this.mcap = McapWriter.create(directory.resolve(FILE), "", "DemoForge recorder", McapWriter.Options.defaults());
        int vector = mcap.addSchema("demoforge.Vector", "jsonschema", bytes(MessageJson.VECTOR_SCHEMA));
        int frame = mcap.addSchema("demoforge.FrameRef", "jsonschema", bytes(MessageJson.FRAME_SCHEMA));
        int event = mcap.addSchema("demoforge.Event", "jsonschema", bytes(MessageJson.EVENT_SCHEMA));
        for (StreamQueue s : streams) {
            StreamKind kind = s.stream.spec().kind();
            int schema = kind == StreamKind.CAMERA ? frame : kind == StreamKind.EVENT ? event : vector;
            s.channelId = mcap.addChannel(schema, s.stream.topic(), "json", channelMetadata(s));
        }
        dropsChannel = mcap.addChannel(event, DROPS_TOPIC, "json", Map.of());
        gapsChannel = mcap.addChannel(event, GAPS_TOPIC, "json", Map.of());
        prerollChannel = mcap.addChannel(event, PREROLL_TOPIC, "json", Map.of());
        mcap.addMetadata("demoforge_episode", Map.of("episode_id", manifest.episodeId(), "task", nz(manifest.task()),
                "operator", nz(manifest.operator()), "station", nz(manifest.stationId()),
                "robot_type", nz(manifest.robotType()), "started_at", manifest.startedAt().toString(),
                "start_host_ns", Long.toString(manifest.startHostNanos())));
        mcap.flush();
    }

    private static Map<String, String> channelMetadata(StreamQueue s) {
        StreamSpec spec = s.stream.spec();
        Map<String, String> m = new LinkedHashMap<>();
        m.put("device", s.stream.deviceId());
        m.put("kind", spec.kind().name());
        m.put("dtype", spec.dtype().numpyName());
        m.put("shape", GSON.toJson(spec.shape()));
        m.put("units", spec.units());
        m.put("nominal_rate_hz", Double.toString(spec.nominalRateHz()));
        m.put("names", GSON.toJson(spec.elementNames()));
        if (s.stream.videoFile() != null) {
            m.put("video", s.stream.videoFile());
        }
        return m;
    }

    /** Host monotonic ns to the MCAP log time (ns since the Unix epoch). */
    long logTime(long hostNanos) {
        return wallStartNanos + (hostNanos - manifest.startHostNanos());
    }

    void wake() {
        Thread t = thread;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }

    /** Asks the thread to drain everything queued, close the file and end. */
    void finish() {
        stopping = true;
        wake();
    }

    @Override
    public void run() {
        thread = Thread.currentThread();
        try {
            while (true) {
                boolean last = stopping;
                int written = drainOnce();
                if (failure.failed() || (last && written == 0)) {
                    break;
                }
                if (written == 0) {
                    LockSupport.parkNanos(2_000_000L);
                }
                mcap.flushIfDue();
            }
        } catch (IOException e) {
            failure.fail("writing " + FILE + " failed: " + e.getMessage());
        } finally {
            closeQuietly();
        }
    }

    private int drainOnce() throws IOException {
        int written = 0;
        for (StreamQueue s : streams) {
            if (s.isCamera()) {
                continue;
            }
            Sample sample;
            while ((sample = s.queue.poll()) != null) {
                write(s, sample);
                written++;
            }
        }
        CameraEncoder.FrameRef ref;
        while ((ref = frameRefs.poll()) != null) {
            if (ref.index() == 0) {
                reportPreRoll(ref.stream(), ref.sample());
            }
            noteGap(ref.stream(), ref.sample());
            writeMessage(ref.stream().channelId, ref.sample(), MessageJson.frame(logTime(ref.sample().hostNanos()),
                    ref.sample(), ref.index()));
            written++;
        }
        for (StreamQueue s : streams) {
            long drops = s.drops.get();
            if (drops > s.dropsReported) {
                reportDrops(s, drops - s.dropsReported);
                s.dropsReported = drops;
            }
        }
        return written;
    }

    private void write(StreamQueue s, Sample sample) throws IOException {
        long logTime = logTime(sample.hostNanos());
        String json = switch (sample) {
            case VectorSample v when v.values().length == s.stream.spec().width() -> MessageJson.vector(logTime, v);
            case EventSample e -> MessageJson.event(logTime, e, e.text());
            default -> null;
        };
        if (json == null) {
            s.drops.incrementAndGet();
            return;
        }
        if (s.stream.spec().kind() != dev.demoforge.device.api.StreamKind.EVENT) {
            noteGap(s, sample);
        }
        writeMessage(s.channelId, sample, json);
        s.written.incrementAndGet();
    }

    private void writeMessage(int channel, Sample sample, String json) throws IOException {
        long logTime = logTime(sample.hostNanos());
        mcap.write(channel, logTime, logTime, bytes(json));
    }

    /** Writes a gap event when the stream was silent for longer than its gap threshold before this sample. */
    private void noteGap(StreamQueue s, Sample sample) throws IOException {
        long previous = s.lastWrittenHostNanos;
        s.lastWrittenHostNanos = sample.hostNanos();
        if (previous != 0 && sample.hostNanos() - previous > s.gapNanos()) {
            EventSample gap = new EventSample(sample.hostNanos(), Sample.NO_DEVICE_TIME, null, GSON.toJson(Map.of(
                    "topic", s.stream.topic(), "from_host_ns", previous, "to_host_ns", sample.hostNanos(),
                    "seconds", (sample.hostNanos() - previous) / 1e9)));
            writeMessage(gapsChannel, gap, MessageJson.event(logTime(sample.hostNanos()), gap, gap.text()));
        }
    }

    /** The pre-roll count is final once frame 0 is encoded: the encoder counts it before. */
    private void reportPreRoll(StreamQueue s, Sample first) throws IOException {
        EventSample note = new EventSample(first.hostNanos(), Sample.NO_DEVICE_TIME, null, GSON.toJson(Map.of(
                "topic", s.stream.topic(), "frames", s.preRoll.get(), "first_frame_host_ns", first.hostNanos())));
        writeMessage(prerollChannel, note, MessageJson.event(logTime(first.hostNanos()), note, note.text()));
    }

    private void reportDrops(StreamQueue s, long count) throws IOException {
        long now = System.nanoTime();
        EventSample gap = new EventSample(now, Sample.NO_DEVICE_TIME, null,
                GSON.toJson(Map.of("topic", s.stream.topic(), "dropped", count)));
        writeMessage(dropsChannel, gap, MessageJson.event(logTime(now), gap, gap.text()));
    }

    private void closeQuietly() {
        try {
            mcap.close();
        } catch (IOException e) {
            failure.fail("closing " + FILE + " failed: " + e.getMessage());
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
