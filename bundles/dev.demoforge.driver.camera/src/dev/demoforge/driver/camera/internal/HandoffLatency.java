package dev.demoforge.driver.camera.internal;

import java.util.Arrays;

/**
 * The most recent grab-to-publish latencies of a camera (ns), kept in a ring of fixed size. Thread-safe.
 */
final class HandoffLatency {

    /** Percentiles of the kept latencies, µs; all zero before the first frame. */
    record Summary(int count, double p50Micros, double p95Micros, double maxMicros, double meanMicros) {
    }

    private final long[] ring;
    private int next;
    private int size;

    HandoffLatency(int capacity) {
        ring = new long[capacity];
    }

    synchronized void add(long nanos) {
        ring[next] = nanos;
        next = (next + 1) % ring.length;
        size = Math.min(size + 1, ring.length);
    }

    synchronized Summary snapshot() {
        if (size == 0) {
            return new Summary(0, 0, 0, 0, 0);
        }
        long[] v = Arrays.copyOf(ring, size);
        Arrays.sort(v);
        double sum = 0;
        for (long x : v) {
            sum += x;
        }
        return new Summary(size, v[size / 2] / 1e3, v[Math.min(size - 1, (int) Math.ceil(size * 0.95) - 1)] / 1e3,
                v[size - 1] / 1e3, sum / size / 1e3);
    }
}
