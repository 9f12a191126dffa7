package dev.demoforge.test.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import dev.demoforge.device.api.DeviceConfig;
import dev.demoforge.device.api.DeviceContext;
import dev.demoforge.device.api.DeviceStatus;
import dev.demoforge.device.api.ImageSample;
import dev.demoforge.device.api.Sample;

/**
 * A {@link DeviceContext} for driver tests: keeps every published sample per stream (camera frames only when asked,
 * otherwise their times and size) and every reported status, and lets a test wait for either.
 * <p>
 * Threading: {@link #publish} and {@link #status} may be called from any thread; the query and wait methods return
 * copies and may be called concurrently. Waits poll every 2 ms and end with an {@link AssertionError} that shows what
 * did arrive. Times are host monotonic nanoseconds ({@link System#nanoTime()}).
 *
 * @since 0.1
 */
public final class CollectingDeviceContext implements DeviceContext {

    /**
     * One sample as received.
     *
     * @param stream       stream name the driver published to
     * @param hostNanos    the sample's host time
     * @param deviceNanos  the sample's device time or {@link Sample#NO_DEVICE_TIME}
     * @param clockId      the device clock id, or null
     * @param sample       the sample itself; null for a camera frame when images are not kept
     * @param receivedNanos host time at which {@link #publish} was called
     */
    public record Received(String stream, long hostNanos, long deviceNanos, String clockId, Sample sample,
            long receivedNanos) {
    }

    private final DeviceConfig config;
    private final boolean keepImages;
    private final Map<String, List<Received>> streams = new ConcurrentHashMap<>();
    private final List<DeviceStatus> statuses = new CopyOnWriteArrayList<>();

    /** A context that keeps numeric and event samples and the times (not pixels) of camera frames. */
    public CollectingDeviceContext(DeviceConfig config) {
        this(config, false);
    }

    public CollectingDeviceContext(DeviceConfig config, boolean keepImages) {
        this.config = config;
        this.keepImages = keepImages;
    }

    @Override
    public DeviceConfig config() {
        return config;
    }

    @Override
    public void publish(String stream, Sample sample) {
        long now = System.nanoTime();
        Sample kept = keepImages || !(sample instanceof ImageSample) ? sample : null;
        Received r = new Received(stream, sample.hostNanos(), sample.deviceNanos(), sample.clockId(), kept, now);
        List<Received> list = streams.computeIfAbsent(stream, k -> new ArrayList<>());
        synchronized (list) {
            list.add(r);
        }
    }

    @Override
    public void status(DeviceStatus status) {
        statuses.add(status);
    }

    /** Names of the streams that received at least one sample. */
    public Set<String> streams() {
        return Set.copyOf(streams.keySet());
    }

    /** A copy of what arrived on a stream so far, in arrival order. */
    public List<Received> samples(String stream) {
        List<Received> list = streams.get(stream);
        if (list == null) {
            return List.of();
        }
        synchronized (list) {
            return List.copyOf(list);
        }
    }

    public int count(String stream) {
        List<Received> list = streams.get(stream);
        if (list == null) {
            return 0;
        }
        synchronized (list) {
            return list.size();
        }
    }

    /** Samples of all streams together. */
    public int total() {
        return streams.keySet().stream().mapToInt(this::count).sum();
    }

    /** Every status reported so far, in order. */
    public List<DeviceStatus> statuses() {
        return List.copyOf(statuses);
    }

    /** The newest status, or null before the first. */
    public DeviceStatus lastStatus() {
        return statuses.isEmpty() ? null : statuses.get(statuses.size() - 1);
    }

    /**
     * Waits until the newest status matches.
     *
     * @return the matching status
     * @throws AssertionError naming the statuses seen when none matched within the timeout
     */
    public DeviceStatus awaitStatus(Predicate<DeviceStatus> match, Duration timeout, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            DeviceStatus last = lastStatus();
            if (last != null && match.test(last)) {
                return last;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(config.deviceId() + ": no " + what + " status within " + timeout.toMillis()
                        + " ms; statuses: " + statuses);
            }
            Thread.sleep(2);
        }
    }

    /** Waits until the newest status has the given state. */
    public DeviceStatus awaitState(DeviceStatus.State state, Duration timeout) throws InterruptedException {
        return awaitStatus(s -> s.state() == state, timeout, state.name());
    }

    /** Waits until a stream holds at least {@code n} samples; returns the count. */
    public int awaitSamples(String stream, int n, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            int c = count(stream);
            if (c >= n) {
                return c;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(config.deviceId() + ": " + c + " of " + n + " samples on '" + stream
                        + "' within " + timeout.toMillis() + " ms; statuses: " + statuses);
            }
            Thread.sleep(2);
        }
    }
}
