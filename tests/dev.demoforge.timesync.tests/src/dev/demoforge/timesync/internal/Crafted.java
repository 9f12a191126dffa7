package dev.demoforge.timesync.internal;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.LongUnaryOperator;

import dev.demoforge.timesync.ClockModel;

/**
 * Crafted clock data with a known answer: samples at true instants {@code t} (host ns), device stamps
 * {@code t + offset + (t - ref) * drift}, receipt at {@code t + latency}.
 */
final class Crafted {

    static final long T0 = 5_000_000_000_000L;

    final int n;
    final long[] trueNs;
    final long[] device;
    final long[] host;

    private Crafted(int n) {
        this.n = n;
        trueNs = new long[n];
        device = new long[n];
        host = new long[n];
    }

    /** A latency draw per sample. */
    interface Latency {
        long draw(SplittableRandom rng, long t);
    }

    static Latency constant(long ns) {
        return (rng, t) -> ns;
    }

    /** {@code min} plus an exponential extra of the given mean, capped at {@code max}. */
    static Latency exponential(long min, long mean, long max) {
        return (rng, t) -> Math.min(max, min + (long) (-mean * Math.log(1 - rng.nextDouble())));
    }

    static Latency uniform(long min, long max) {
        return (rng, t) -> min + (long) ((max - min) * rng.nextDouble());
    }

    /**
     * Samples at {@code rateHz} for {@code seconds}, jittered by ±jitterNs; device clock with offset and drift;
     * {@code step} adds to the device clock reading (e.g. a jump after some instant).
     */
    static Crafted generate(long seed, double rateHz, double seconds, long offsetNs, double driftPpm, long jitterNs,
            Latency latency, LongUnaryOperator step) {
        SplittableRandom rng = new SplittableRandom(seed);
        int n = (int) (rateHz * seconds);
        Crafted c = new Crafted(n);
        long prevHost = Long.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            long t = T0 + Math.round(i * 1e9 / rateHz) + (jitterNs == 0 ? 0 : rng.nextLong(-jitterNs, jitterNs + 1));
            c.trueNs[i] = t;
            c.device[i] = t + offsetNs + Math.round((t - T0) * driftPpm * 1e-6) + step.applyAsLong(t);
            c.host[i] = Math.max(t + latency.draw(rng, t), prevHost + 1_000);
            prevHost = c.host[i];
        }
        return c;
    }

    static Crafted generate(long seed, double rateHz, double seconds, long offsetNs, double driftPpm,
            Latency latency) {
        return generate(seed, rateHz, seconds, offsetNs, driftPpm, 0, latency, t -> 0);
    }

    /** The whole-recording estimate. */
    ClockModel estimate(long fixedLatencyNs) {
        return new TimeSyncServiceImpl(null).estimate("crafted", device, host, n, fixedLatencyNs);
    }

    /** |capture estimate − true instant| of samples {@code from..to-1}, sorted ascending. */
    long[] errors(ClockModel m, int from, int to) {
        long[] e = new long[to - from];
        for (int i = from; i < to; i++) {
            e[i - from] = Math.abs(m.captureNanos(device[i], host[i]) - trueNs[i]);
        }
        Arrays.sort(e);
        return e;
    }

    static long p99(long[] sorted) {
        return sorted[Math.max(0, (int) Math.ceil(0.99 * sorted.length) - 1)];
    }

    static long max(long[] sorted) {
        return sorted[sorted.length - 1];
    }
}
