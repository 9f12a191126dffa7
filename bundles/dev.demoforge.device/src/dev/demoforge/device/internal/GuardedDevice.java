package dev.demoforge.device.internal;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import dev.demoforge.device.api.DeviceConfig;
import dev.demoforge.device.api.DeviceContext;
import dev.demoforge.device.api.DeviceDriver;
import dev.demoforge.device.api.DeviceHandle;
import dev.demoforge.device.api.DeviceStatus;
import dev.demoforge.device.api.Sample;
import dev.demoforge.device.api.StreamSpec;
import dev.demoforge.device.api.StreamStats;

/**
 * One device of a connected station: the driver, its context and its live figures. Driver calls go through the
 * {@link DriverGuard}; samples of undeclared streams are counted as guard failures and not delivered.
 */
final class GuardedDevice implements DeviceHandle, DeviceContext {

    static final Duration START_LIMIT = Duration.ofSeconds(2);
    static final Duration STOP_LIMIT = Duration.ofSeconds(2);
    private static final System.Logger LOG = System.getLogger(GuardedDevice.class.getName());

    private final DeviceConfig config;
    private final DeviceDriver driver;
    private final Map<String, StreamSpec> streams;
    private final Map<String, StreamStatsTracker> stats = new ConcurrentHashMap<>();
    private final SinkFanOut sinks;
    private final AtomicLong guardFailures = new AtomicLong();
    private volatile DeviceStatus status;
    private volatile boolean running;
    /** Whether the driver reported a status of its own since start began; it then wins over the default ONLINE. */
    private volatile boolean reported;

    /** A device whose driver exists; call {@link #start} next. */
    GuardedDevice(DeviceConfig config, DeviceDriver driver, List<StreamSpec> streams, SinkFanOut sinks) {
        this.config = config;
        this.driver = driver;
        this.streams = streams.stream().collect(java.util.stream.Collectors.toMap(StreamSpec::name,
                Function.identity(), (a, b) -> a, java.util.LinkedHashMap::new));
        this.sinks = sinks;
        this.status = DeviceStatus.offline("not started");
        streams.forEach(s -> stats.put(s.name(), new StreamStatsTracker()));
    }

    /** A device that could not be created (no such driver, bad configuration). */
    static GuardedDevice unavailable(DeviceConfig config, DeviceStatus status, SinkFanOut sinks) {
        GuardedDevice device = new GuardedDevice(config, null, List.of(), sinks);
        device.status = status;
        return device;
    }

    void start(DriverGuard guard) {
        if (driver == null) {
            return;
        }
        status = new DeviceStatus(DeviceStatus.State.CONNECTING, "starting");
        reported = false;
        running = true;
        String failure = guard.run("start of " + config.deviceId(), START_LIMIT, () -> driver.start(this));
        if (failure != null) {
            fail(failure);
        } else if (!reported && status.state() == DeviceStatus.State.CONNECTING) {
            status = DeviceStatus.online();
        }
    }

    /** Whether the driver was started and not stopped since. */
    boolean isRunning() {
        return running;
    }

    void stop(DriverGuard guard) {
        if (driver == null || !running) {
            return;
        }
        running = false;
        String failure = guard.run("stop of " + config.deviceId(), STOP_LIMIT, driver::stop);
        if (failure != null) {
            fail(failure);
        } else if (status.state() != DeviceStatus.State.FAILED) {
            status = DeviceStatus.offline("disconnected");
        }
    }

    private void fail(String reason) {
        guardFailures.incrementAndGet();
        status = DeviceStatus.failed(reason);
        LOG.log(Level.WARNING, "Device {0}: {1}", config.deviceId(), reason);
    }

    @Override
    public DeviceConfig config() {
        return config;
    }

    @Override
    public List<StreamSpec> streams() {
        return List.copyOf(streams.values());
    }

    @Override
    public DeviceStatus status() {
        return status;
    }

    @Override
    public StreamStats stats(String stream) {
        StreamStatsTracker tracker = stats.get(stream);
        return tracker == null ? new StreamStats(0, 0, 0, Double.NaN) : tracker.snapshot(System.nanoTime());
    }

    @Override
    public long guardFailures() {
        return guardFailures.get();
    }

    @Override
    public <T> java.util.Optional<T> capability(Class<T> type) {
        return running && type.isInstance(driver) ? java.util.Optional.of(type.cast(driver))
                : java.util.Optional.empty();
    }

    @Override
    public void publish(String stream, Sample sample) {
        if (!running) {
            return;
        }
        StreamSpec spec = streams.get(stream);
        if (spec == null || sample == null) {
            if (guardFailures.incrementAndGet() == 1) {
                LOG.log(Level.WARNING, "Device {0} published to undeclared stream {1}", config.deviceId(), stream);
            }
            return;
        }
        stats.get(stream).record(sample, System.nanoTime());
        sinks.deliver(config.deviceId(), spec, sample);
    }

    @Override
    public void status(DeviceStatus newStatus) {
        if (newStatus != null && status.state() != DeviceStatus.State.FAILED) {
            status = newStatus;
            reported = true;
        }
    }
}
