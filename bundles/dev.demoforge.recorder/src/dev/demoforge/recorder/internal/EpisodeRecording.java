package dev.demoforge.recorder.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;

import dev.demoforge.device.api.ConnectedStation;
import dev.demoforge.device.api.Sample;
import dev.demoforge.device.api.SampleSink;
import dev.demoforge.device.api.StreamSpec;
import dev.demoforge.episode.api.EpisodeManifest;
import dev.demoforge.episode.api.EpisodeStatus;
import dev.demoforge.episode.api.EpisodeSummary;
import dev.demoforge.episode.api.RecordedStream;
import dev.demoforge.episode.api.Recording;
import dev.demoforge.episode.api.StreamSummary;
import dev.demoforge.timesync.DeviceClocks;

/**
 * One episode being recorded: receives the station's samples (as its {@link SampleSink}, on driver threads),
 * queues them per stream, and runs one MCAP writer thread plus one encoder thread per camera. While it runs it
 * holds a lock on {@code .recording.lock}, which tells recovery that the recorder is alive.
 */
final class EpisodeRecording implements Recording, SampleSink {

    static final String LOCK_FILE = ".recording.lock";

    private final ConnectedStation station;
    private final Path directory;
    private final EpisodeManifest manifest;
    private final Map<String, StreamQueue> queues;
    private final McapEpisodeWriter writer;
    private final List<CameraEncoder> encoders = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final RecorderFailure failure;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final Consumer<EpisodeSummary> onStopped;
    private final ClockTracker clocks;
    private volatile boolean accepting = true;
    private EpisodeSummary summary;

    EpisodeRecording(ConnectedStation station, Path directory, EpisodeManifest manifest,
            Map<String, StreamQueue> queues, ClockTracker clocks, Consumer<EpisodeSummary> onStopped)
            throws IOException {
        this.station = station;
        this.clocks = clocks;
        this.directory = directory;
        this.manifest = manifest;
        this.queues = queues;
        this.onStopped = onStopped;
        this.failure = new RecorderFailure(directory);
        this.lockChannel = FileChannel.open(directory.resolve(LOCK_FILE), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        try {
            this.lock = lockChannel.lock();
            ManifestIO.write(directory, manifest);
            LinkedBlockingQueue<CameraEncoder.FrameRef> frameRefs = new LinkedBlockingQueue<>();
            List<StreamQueue> all = List.copyOf(queues.values());
            this.writer = new McapEpisodeWriter(directory, manifest, all, frameRefs, failure);
            CameraStartGate gate = new CameraStartGate(all, manifest.startHostNanos());
            for (StreamQueue q : all) {
                if (q.isCamera()) {
                    CameraEncoder encoder = new CameraEncoder(q, directory.resolve(q.stream.videoFile()), frameRefs,
                            writer::wake, failure, gate);
                    encoders.add(encoder);
                    threads.add(new Thread(encoder, "rec-enc-" + q.stream.topic()));
                }
            }
        } catch (IOException | RuntimeException e) {
            lockChannel.close();
            throw e;
        }
        threads.add(new Thread(writer, "rec-mcap-" + manifest.episodeId()));
    }

    /** Starts the threads and subscribes to the station. */
    void begin() {
        threads.forEach(Thread::start);
        station.addSink(this);
    }

    @Override
    public void onSample(String deviceId, StreamSpec stream, Sample sample) {
        if (!accepting) {
            return;
        }
        StreamQueue q = queues.get(RecordedStream.topic(deviceId, stream.name()));
        if (q != null) {
            clocks.onSample(deviceId, stream, sample);
            q.offer(sample);
            if (!q.isCamera()) {
                CameraStartGate.noteFirst(q, sample);
                writer.wake();
            }
        }
    }

    @Override
    public String episodeId() {
        return manifest.episodeId();
    }

    @Override
    public Path directory() {
        return directory;
    }

    @Override
    public List<StreamSummary> liveStats() {
        double seconds = Math.max(1e-9, (System.nanoTime() - manifest.startHostNanos()) / 1e9);
        return queues.values().stream().map(q -> summary(q, seconds)).toList();
    }

    private static StreamSummary summary(StreamQueue q, double seconds) {
        StreamSpec spec = q.stream.spec();
        return new StreamSummary(q.stream.topic(), spec.kind(), q.written.get(), q.drops.get(), spec.nominalRateHz(),
                q.written.get() / seconds, q.preRoll.get());
    }

    @Override
    public Map<String, Integer> queueDepths() {
        Map<String, Integer> depths = new java.util.LinkedHashMap<>();
        queues.forEach((topic, q) -> depths.put(topic, q.queue.size()));
        return depths;
    }

    @Override
    public boolean failed() {
        return failure.failed();
    }

    @Override
    public synchronized EpisodeSummary stop() throws IOException {
        if (summary != null) {
            return summary;
        }
        accepting = false;
        station.removeSink(this);
        double seconds = (System.nanoTime() - manifest.startHostNanos()) / 1e9;
        encoders.forEach(CameraEncoder::finish);
        for (Thread t : threads) {
            if (t != threads.get(threads.size() - 1)) {
                join(t);
            }
        }
        writer.finish();
        join(threads.get(threads.size() - 1));
        List<StreamSummary> streams = queues.values().stream().map(q -> summary(q, seconds)).toList();
        try {
            if (failure.failed()) {
                // the files may be cut short: the manifest keeps saying RECORDING, so the next start repairs them
                summary = new EpisodeSummary(manifest.episodeId(), directory, manifest.startedAt(), seconds, streams,
                        EpisodeStatus.FAILED, failure.problem());
            } else {
                summary = new EpisodeSummary(manifest.episodeId(), directory, manifest.startedAt(), seconds, streams,
                        EpisodeStatus.FINISHED, "");
                DeviceClocks models = clocks.finish();
                String clockFile = models.byDevice().isEmpty() ? null : ClockTracker.write(directory, models);
                ManifestIO.write(directory, manifest.finish(EpisodeStatus.FINISHED, summary, clockFile));
            }
        } finally {
            lock.release();
            lockChannel.close();
        }
        onStopped.accept(summary);
        return summary;
    }

    private static void join(Thread t) throws IOException {
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while finishing " + t.getName(), e);
        }
    }
}
