package dev.demoforge.capture;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.demoforge.device.api.Sample;
import dev.demoforge.device.api.SampleSink;
import dev.demoforge.device.api.StreamKind;
import dev.demoforge.device.api.StreamSpec;
import dev.demoforge.device.api.VectorSample;

/**
 * Bounded recent history of the vector streams (joints, gripper, wrench, actions) for live plots.
 * <p>
 * {@link #onSample} runs on the drivers' threads and never blocks or allocates per sample beyond a first sight of a
 * stream: each stream has its own fixed ring of {@code capacity} slots written by its one publishing thread; a
 * sample closer than {@code minIntervalNanos} to the last kept one is skipped (so a 1 kHz stream is kept at, e.g.,
 * 200 Hz), and when the ring is full the oldest slot is overwritten (overflow policy: keep the newest window).
 * {@link #window} copies a consistent view from any thread: at most {@code capacity - 1} samples, since the
 * oldest slot may be the one being written (a slot overwritten while copying is left out).
 *
 * @since 0.1
 */
public final class LiveSeries implements SampleSink {

    /** A copied window of one stream: times in seconds relative to {@code nowNanos}, values per element. */
    public record Window(String topic, StreamSpec spec, double[] seconds, double[][] values) {
    }

    private final int capacity;
    private final long minIntervalNanos;
    private final Map<String, Ring> rings = new ConcurrentHashMap<>();

    public LiveSeries(int capacity, long minIntervalNanos) {
        this.capacity = capacity;
        this.minIntervalNanos = minIntervalNanos;
    }

    @Override
    public void onSample(String deviceId, StreamSpec stream, Sample sample) {
        if (!(sample instanceof VectorSample v) || stream.kind() == StreamKind.CAMERA
                || stream.kind() == StreamKind.EVENT) {
            return;
        }
        String topic = "/" + deviceId + "/" + stream.name();
        Ring ring = rings.get(topic);
        if (ring == null) {
            ring = rings.computeIfAbsent(topic, t -> new Ring(t, stream, capacity));
        }
        ring.offer(v, minIntervalNanos);
    }

    /** Topics seen so far, sorted. */
    public List<String> topics() {
        return rings.keySet().stream().sorted().toList();
    }

    /** Copies the samples of a topic newer than {@code spanNanos} before {@code nowNanos}; null for an unknown topic. */
    public Window window(String topic, long nowNanos, long spanNanos) {
        Ring ring = rings.get(topic);
        return ring == null ? null : ring.copy(nowNanos, spanNanos);
    }

    /** One stream's ring: single writer, any number of readers. */
    private static final class Ring {
        private final String topic;
        private final StreamSpec spec;
        private final long[] times;
        private final double[][] values;
        private volatile long written;
        private long lastKept = Long.MIN_VALUE;

        Ring(String topic, StreamSpec spec, int capacity) {
            this.topic = topic;
            this.spec = spec;
            this.times = new long[capacity];
            this.values = new double[capacity][spec.width()];
        }

        void offer(VectorSample v, long minInterval) {
            if (lastKept != Long.MIN_VALUE && v.hostNanos() - lastKept < minInterval) {
                return;
            }
            lastKept = v.hostNanos();
            long n = written;
            int slot = (int) (n % times.length);
            times[slot] = v.hostNanos();
            System.arraycopy(v.values(), 0, values[slot], 0, Math.min(v.values().length, values[slot].length));
            written = n + 1;
        }

        Window copy(long nowNanos, long spanNanos) {
            long end = written;
            long start = Math.max(0, end - times.length);
            List<Integer> slots = new ArrayList<>();
            for (long i = start; i < end; i++) {
                slots.add((int) (i % times.length));
            }
            long[] t = new long[slots.size()];
            double[][] v = new double[slots.size()][];
            for (int i = 0; i < slots.size(); i++) {
                t[i] = times[slots.get(i)];
                v[i] = values[slots.get(i)].clone();
            }
            long safeFrom = Math.max(0, written - times.length + 1);
            int first = (int) Math.max(0, safeFrom - start);
            int width = spec.width();
            List<Integer> keep = new ArrayList<>();
            for (int i = first; i < t.length; i++) {
                if (nowNanos - t[i] <= spanNanos) {
                    keep.add(i);
                }
            }
            double[] seconds = new double[keep.size()];
            double[][] columns = new double[width][keep.size()];
            for (int k = 0; k < keep.size(); k++) {
                int i = keep.get(k);
                seconds[k] = (t[i] - nowNanos) / 1e9;
                for (int c = 0; c < width; c++) {
                    columns[c][k] = v[i][c];
                }
            }
            return new Window(topic, spec, seconds, columns);
        }
    }
}
