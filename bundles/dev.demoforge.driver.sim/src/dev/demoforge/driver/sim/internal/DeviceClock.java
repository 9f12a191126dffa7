package dev.demoforge.driver.sim.internal;

import java.util.SplittableRandom;

import dev.demoforge.device.api.DeviceConfig;

/**
 * Ground-truth clock and transport model of one simulated device.
 * <p>
 * Device time at a true instant {@code t} (host monotonic ns) is exactly
 * {@code t + offsetNs + round((t - refHostNs) * driftPpm * 1e-6)}. The device samples on its own clock (so its true
 * period is the nominal period divided by {@code 1 + driftPpm * 1e-6}), each true sample instant jittered uniformly by
 * up to ±{@code jitterNs}. The host receives a sample after a one-sided latency: {@code minNs} plus either an
 * exponential extra of mean {@code meanExtraNs} (capped at {@code maxNs}) or a uniform draw up to {@code maxNs};
 * samples arrive in order, at least 1 µs apart. Immutable, thread-safe.
 *
 * @param clockId     id of the device clock, unique in the station ("sim.arm.clock")
 * @param seed        seed the parameters were drawn from
 * @param offsetNs    device minus host time at {@code refHostNs}
 * @param driftPpm    rate error of the device clock, parts per million (device runs fast when positive)
 * @param refHostNs   host instant at which the drift term is zero
 * @param jitterNs    half-width of the uniform jitter of the true sample instants
 * @param latency     transport latency model
 */
record DeviceClock(String clockId, long seed, long offsetNs, double driftPpm, long refHostNs, long jitterNs,
        Latency latency) {

    /** Minimum spacing of host receive times: the transport delivers in order. */
    static final long IN_ORDER_GAP_NS = 1_000;

    /**
     * One-sided transport latency.
     *
     * @param kind        "exponential" (min + exponential extra, capped at max) or "uniform" (min..max)
     * @param minNs       smallest latency
     * @param maxNs       largest latency
     * @param meanExtraNs mean of the exponential extra (exponential only)
     */
    record Latency(String kind, long minNs, long maxNs, long meanExtraNs) {

        static Latency exponential(long minNs, long meanExtraNs, long maxNs) {
            return new Latency("exponential", minNs, maxNs, meanExtraNs);
        }

        static Latency uniform(long minNs, long maxNs) {
            return new Latency("uniform", minNs, maxNs, 0);
        }

        long draw(SplittableRandom rng) {
            if (kind.equals("uniform")) {
                return minNs + (long) ((maxNs - minNs) * rng.nextDouble());
            }
            double extra = -meanExtraNs * Math.log(1 - rng.nextDouble());
            return Math.min(maxNs, minNs + (long) extra);
        }

        String toJson() {
            return new Json().field("kind", kind).field("min_ns", minNs).field("max_ns", maxNs)
                    .field("mean_extra_ns", meanExtraNs).field("in_order_gap_ns", IN_ORDER_GAP_NS).end();
        }
    }

    /**
     * Draws a clock for a device: offset uniform in ±2 s, drift uniform in ±50 ppm, from property {@code clock.seed}
     * or a hash of world and device id; {@code clock.offset_ns} and {@code clock.drift_ppm} override the draws and
     * {@code clock.id} the id ("sim.&lt;deviceId&gt;.clock").
     *
     * @throws IllegalArgumentException naming the property when one is not a number
     */
    static DeviceClock forDevice(DeviceConfig config, String world, long jitterNs, Latency latency) {
        long seed = longProperty(config, "clock.seed", SimWorlds.seedOf(world + "/" + config.deviceId()));
        SplittableRandom rng = new SplittableRandom(seed);
        long offset = (long) TrialPlanner.uni(rng, -2e9, 2e9);
        double drift = TrialPlanner.uni(rng, -50, 50);
        offset = longProperty(config, "clock.offset_ns", offset);
        String d = config.property("clock.drift_ppm", null);
        if (d != null) {
            try {
                drift = Double.parseDouble(d);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Device " + config.deviceId() + ": property clock.drift_ppm is not"
                        + " a number: '" + d + "'", e);
            }
            if (!(Math.abs(drift) < 1e5)) {
                throw new IllegalArgumentException("Device " + config.deviceId() + ": property clock.drift_ppm must"
                        + " be within ±100000, was " + d);
            }
        }
        String id = config.property("clock.id", "sim." + config.deviceId() + ".clock");
        return new DeviceClock(id, seed, offset, drift, System.nanoTime(), jitterNs, latency);
    }

    private static long longProperty(DeviceConfig config, String key, long fallback) {
        String v = config.property(key, null);
        if (v == null) {
            return fallback;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Device " + config.deviceId() + ": property " + key
                    + " is not an integer: '" + v + "'", e);
        }
    }

    /** Device clock reading at true instant {@code hostNanos}. */
    long deviceNanos(long hostNanos) {
        return hostNanos + offsetNs + Math.round((hostNanos - refHostNs) * driftPpm * 1e-6);
    }

    /** True length of {@code nominalNs} of device time, ns. */
    double truePeriodNs(double nominalNs) {
        return nominalNs / (1 + driftPpm * 1e-6);
    }

    /** The clock's ground truth as JSON (published on each device's "clock_truth" stream). */
    String toJson() {
        return new Json().field("type", "clock_truth")
                .field("clock_id", clockId)
                .field("host_clock", "System.nanoTime")
                .field("model", "device_ns = host_ns + offset_ns + round((host_ns - ref_host_ns) * drift_ppm * 1e-6)"
                        + "; host_ns is the true sample instant; the sample's hostNanos = true instant + latency")
                .field("offset_ns", offsetNs)
                .field("drift_ppm", driftPpm)
                .field("ref_host_ns", refHostNs)
                .field("sample_jitter_ns", jitterNs)
                .raw("latency", latency.toJson())
                .end();
    }
}
