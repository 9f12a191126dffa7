package dev.demoforge.test.support;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import dev.demoforge.device.api.DeviceConfig;
import dev.demoforge.device.api.DeviceDriver;
import dev.demoforge.device.api.DeviceStatus.State;
import dev.demoforge.test.support.CollectingDeviceContext.Received;

/**
 * What one stream of a running driver published during a measuring window, for benchmarks: rate, inter-arrival gaps
 * and latencies against the times an emulator sent the data. Times are host times ({@code System.nanoTime()}, ns).
 * Immutable once recorded.
 *
 * @param driver  the driver that was recorded (stopped), to read its own counters
 * @param samples the stream's samples published within the window, in order
 * @since 0.2
 */
public record StreamRecording(DeviceDriver driver, List<Received> samples) {

    /** How long {@link #record} waits for the driver to come online and for the warm-up samples. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    public StreamRecording {
        samples = List.copyOf(samples);
    }

    /**
     * Starts {@code driver}, waits until it is ONLINE and has published {@code warmup} samples on {@code stream}, then
     * keeps what the stream publishes during {@code window}; stops the driver. Blocks for about the window.
     *
     * @throws AssertionError when the driver does not come online or publish the warm-up samples in time
     */
    public static StreamRecording record(DeviceDriver driver, DeviceConfig config, String stream, int warmup,
            Duration window) throws Exception {
        CollectingDeviceContext ctx = new CollectingDeviceContext(config);
        driver.start(ctx);
        int skip;
        try {
            ctx.awaitState(State.ONLINE, CONNECT_TIMEOUT);
            ctx.awaitSamples(stream, warmup, CONNECT_TIMEOUT);
            skip = ctx.count(stream);
            Thread.sleep(window.toMillis());
        } finally {
            driver.stop();
        }
        List<Received> got = ctx.samples(stream);
        return new StreamRecording(driver, got.subList(skip, got.size()));
    }

    /** Host time from the first to the last sample, s. */
    public double seconds() {
        return (samples.getLast().hostNanos() - samples.getFirst().hostNanos()) / 1e9;
    }

    /** Samples per second between the first and the last sample. */
    public double rate() {
        return (samples.size() - 1) / seconds();
    }

    /** Host-time gaps between consecutive samples, ns. */
    public long[] interArrivalNanos() {
        long[] gaps = new long[samples.size() - 1];
        for (int i = 1; i < samples.size(); i++) {
            gaps[i - 1] = samples.get(i).hostNanos() - samples.get(i - 1).hostNanos();
        }
        return gaps;
    }

    /**
     * Publish time minus send time of each sample whose send time is known, ns.
     *
     * @param sentAt the host time the emulator sent a sample's data, or null when it did not keep it
     */
    public long[] latencyNanos(Function<Received, Long> sentAt) {
        long[] latency = new long[samples.size()];
        int matched = 0;
        for (Received r : samples) {
            Long sent = sentAt.apply(r);
            if (sent != null) {
                latency[matched++] = r.hostNanos() - sent;
            }
        }
        return Arrays.copyOf(latency, matched);
    }
}
