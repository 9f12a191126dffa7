package dev.demoforge.recorder.internal;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import dev.demoforge.device.api.Sample;
import dev.demoforge.device.api.StreamKind;
import dev.demoforge.device.api.StreamSpec;
import dev.demoforge.episode.api.RecordedStream;

/**
 * One recorded stream: a bounded queue between the driver thread and the writer, and its counters.
 * <p>
 * Capacity: two seconds of samples at the nominal rate (at least 64) for numeric and event streams, one second of
 * frames (at least 8) for cameras. Overflow policy: the incoming sample is dropped and counted; the writer records
 * each run of drops as a gap event, so nothing is dropped silently.
 */
final class StreamQueue {

    final RecordedStream stream;
    final ArrayBlockingQueue<Sample> queue;
    final AtomicLong received = new AtomicLong();
    final AtomicLong written = new AtomicLong();
    final AtomicLong drops = new AtomicLong();
    /** Camera frames held back before the MP4's first frame ({@link CameraStartGate}); not drops. */
    final AtomicLong preRoll = new AtomicLong();
    /** The device's fixed latency ({@code timesync.latency_ns}), ns; 0 when not configured. */
    final long latencyNs;
    /** Capture time of the first sample (host ns minus {@link #latencyNs}); {@link #NOT_STARTED} before it. */
    volatile long firstCaptureNanos = NOT_STARTED;
    /** Drops already reported as gap events; touched by the writer thread only. */
    long dropsReported;
    /** MCAP channel id; set by the writer before the first sample is queued. */
    int channelId;
    /** Host time of the last sample written, 0 before the first; touched by the writer thread only. */
    long lastWrittenHostNanos;

    /**
     * A silence longer than this between two written samples is recorded as a gap: five nominal periods, at least
     * 100 ms (a stalled or unplugged device, or a burst of drops).
     */
    long gapNanos() {
        return Math.max(100_000_000L, (long) (5e9 / stream.spec().nominalRateHz()));
    }

    static final long NOT_STARTED = Long.MIN_VALUE;

    StreamQueue(RecordedStream stream) {
        this(stream, 0);
    }

    StreamQueue(RecordedStream stream, long latencyNs) {
        this.stream = stream;
        this.latencyNs = latencyNs;
        StreamSpec spec = stream.spec();
        int capacity = spec.kind() == StreamKind.CAMERA ? Math.max(8, (int) Math.ceil(spec.nominalRateHz()))
                : Math.max(64, (int) Math.ceil(2 * spec.nominalRateHz()));
        this.queue = new ArrayBlockingQueue<>(capacity);
    }

    /** Called on the driver thread; never blocks. */
    void offer(Sample sample) {
        received.incrementAndGet();
        if (!queue.offer(sample)) {
            drops.incrementAndGet();
        }
    }

    /** Records the first sample's capture time; later calls (a racing driver thread) keep the first. */
    synchronized void startOnce(long captureNanos) {
        if (firstCaptureNanos == NOT_STARTED) {
            firstCaptureNanos = captureNanos;
        }
    }

    Sample poll(long timeoutMillis) throws InterruptedException {
        return queue.poll(timeoutMillis, TimeUnit.MILLISECONDS);
    }

    boolean isCamera() {
        return stream.spec().kind() == StreamKind.CAMERA;
    }
}
