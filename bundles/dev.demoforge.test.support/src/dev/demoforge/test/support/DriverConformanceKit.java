package dev.demoforge.test.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import dev.demoforge.device.api.DeviceConfig;
import dev.demoforge.device.api.DeviceDriver;
import dev.demoforge.device.api.DeviceDriverFactory;
import dev.demoforge.device.api.DeviceStatus;
import dev.demoforge.device.api.DeviceStatus.State;
import dev.demoforge.device.api.StreamKind;
import dev.demoforge.device.api.StreamSpec;
import dev.demoforge.test.support.CollectingDeviceContext.Received;

/**
 * The driver conformance kit: what every {@link DeviceDriver} must do, as JUnit 5 tests. A driver's test class
 * extends this class and says how to create a working device ({@link #factory()}, {@link #config()}) and, for devices
 * on a port, how to name a missing one and how to hold the port busy.
 * <p>
 * Checked: start and stop are idempotent, nothing reports ONLINE after stop, and a stopped driver starts again;
 * start returns within two seconds (measured) and never throws; a missing or busy port gives an OFFLINE or FAILED
 * status with a reason instead of an exception, and
 * the driver comes online once the port is free; only declared streams are published, with samples of the declared
 * shape; host and device times are monotonic per stream; declared rates are met within {@link #rateTolerance()};
 * stop releases the port (it can be opened again) and ends every thread the driver started.
 * <p>
 * The instance lifecycle is per class, so subclasses may set up emulators in non-static {@code @BeforeAll} methods.
 * Each test creates fresh drivers through the factory and stops them afterwards, also when it fails.
 *
 * @since 0.1
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class DriverConformanceKit {

    /** The framework's limit for start and stop. */
    protected static final Duration CALL_LIMIT = Duration.ofSeconds(2);

    private final List<DeviceDriver> started = new ArrayList<>();

    /** The factory under test. */
    protected abstract DeviceDriverFactory factory();

    /** Configuration of a device that is present and answering. */
    protected abstract DeviceConfig config();

    /** Configuration naming a port that does not exist, or null when the device has no port (tests are skipped). */
    protected DeviceConfig missingPortConfig() {
        return null;
    }

    /**
     * Opens the port of {@link #config()} the way another program would, so the driver finds it busy; closing the
     * result frees it. Null when the device has no port to hold (the busy-port test is skipped). Also used to check
     * that a stopped driver released the port.
     */
    protected AutoCloseable occupyPort() throws Exception {
        return null;
    }

    /** How long a driver may take to come online (or to report why not) after start. */
    protected Duration connectTimeout() {
        return Duration.ofSeconds(5);
    }

    /** How long samples are collected for the rate and monotonicity checks. */
    protected Duration measureWindow() {
        return Duration.ofSeconds(2);
    }

    /** Allowed relative deviation of a measured rate from the declared one. */
    protected double rateTolerance() {
        return 0.2;
    }

    /** Whether a stream's rate is checked: periodic streams fast enough to measure within the window. */
    protected boolean isRateChecked(StreamSpec stream) {
        return stream.kind() != StreamKind.EVENT && stream.nominalRateHz() * measureWindow().toMillis() / 1e3 >= 10;
    }

    /** Whether a thread that appeared while the driver ran belongs to it; by default all but JDK pool threads. */
    protected boolean isDriverThread(Thread thread) {
        String name = thread.getName();
        return !name.startsWith("ForkJoinPool") && !name.startsWith("process reaper")
                && !name.startsWith("Common-Cleaner") && !name.startsWith("Attach Listener");
    }

    @AfterEach
    final void stopEverythingStarted() throws Exception {
        for (DeviceDriver d : started) {
            d.stop();
        }
        started.clear();
    }

    @Test
    void startAndStopAreIdempotentAndRestartWorks() throws Exception {
        DeviceDriver driver = create(config());
        driver.stop();
        CollectingDeviceContext first = context();
        startTimed(driver, first);
        startTimed(driver, first);
        awaitOnlineWithSamples(first);
        stopTimed(driver);
        int statusesAtStop = first.statuses().size();
        stopTimed(driver);
        Thread.sleep(100);
        List<DeviceStatus> late = first.statuses().subList(statusesAtStop, first.statuses().size());
        assertTrue(late.stream().noneMatch(st -> st.state() == State.ONLINE), label() + ": ONLINE reported after stop: "
                + late);
        CollectingDeviceContext second = context();
        startTimed(driver, second);
        awaitOnlineWithSamples(second);
        stopTimed(driver);
    }

    @Test
    void startReturnsWithinTwoSeconds() throws Exception {
        long working = startTimed(create(config()), context());
        long missing = -1;
        if (missingPortConfig() != null) {
            missing = startTimed(create(missingPortConfig()), context());
        }
        System.out.printf("%s: start returned in %.1f ms (present device), %s (missing port)%n", label(),
                working / 1e6, missing < 0 ? "n/a" : String.format("%.1f ms", missing / 1e6));
    }

    @Test
    void missingPortGivesStatusWithReason() throws Exception {
        DeviceConfig missing = missingPortConfig();
        Assumptions.assumeTrue(missing != null, "device has no port");
        CollectingDeviceContext ctx = new CollectingDeviceContext(missing);
        DeviceDriver driver = create(missing);
        startTimed(driver, ctx);
        DeviceStatus status = awaitDown(ctx, "missing port");
        Thread.sleep(200);
        assertEquals(0, ctx.total(), "samples published without a port");
        assertTrue(ctx.lastStatus().state() != State.ONLINE, label() + ": ONLINE with a missing port");
        stopTimed(driver);
        System.out.println(label() + ": missing port -> " + status);
    }

    @Test
    void busyPortGivesStatusWithReasonAndRecoversWhenFreed() throws Exception {
        AutoCloseable holder = occupyPort();
        Assumptions.assumeTrue(holder != null, "device has no port");
        CollectingDeviceContext ctx = context();
        DeviceDriver driver = create(config());
        try (holder) {
            startTimed(driver, ctx);
            DeviceStatus status = awaitDown(ctx, "busy port");
            assertEquals(0, ctx.total(), "samples published while the port was held by another");
            System.out.println(label() + ": busy port -> " + status);
        }
        awaitOnlineWithSamples(ctx);
        stopTimed(driver);
    }

    @Test
    void publishesOnlyDeclaredStreamsWithDeclaredShapes() throws Exception {
        DeviceDriver driver = create(config());
        List<StreamSpec> specs = driver.streams();
        assertFalse(specs.isEmpty(), "no streams declared");
        assertEquals(specs.size(), specs.stream().map(StreamSpec::name).distinct().count(), "duplicate names");
        Map<String, StreamSpec> byName = specs.stream().collect(Collectors.toMap(StreamSpec::name, Function.identity()));
        CollectingDeviceContext ctx = context();
        startTimed(driver, ctx);
        awaitOnlineWithSamples(ctx);
        Thread.sleep(measureWindow().toMillis() / 2);
        stopTimed(driver);
        for (String stream : ctx.streams()) {
            StreamSpec spec = byName.get(stream);
            assertTrue(spec != null, "published to undeclared stream '" + stream + "'; declared " + byName.keySet());
            for (Received r : ctx.samples(stream)) {
                SampleShapes.check(spec, r);
            }
        }
    }

    @Test
    void timestampsAreMonotonicPerStream() throws Exception {
        CollectingDeviceContext ctx = run(measureWindow());
        for (String stream : ctx.streams()) {
            List<Received> got = ctx.samples(stream);
            Map<String, Long> lastDevice = new java.util.HashMap<>();
            for (int i = 1; i < got.size(); i++) {
                Received a = got.get(i - 1);
                Received b = got.get(i);
                assertTrue(b.hostNanos() >= a.hostNanos(), label() + "/" + stream + ": host time went back by "
                        + (a.hostNanos() - b.hostNanos()) + " ns at sample " + i);
            }
            for (Received r : got) {
                if (r.clockId() == null || r.deviceNanos() == dev.demoforge.device.api.Sample.NO_DEVICE_TIME) {
                    continue;
                }
                Long prev = lastDevice.put(r.clockId(), r.deviceNanos());
                assertTrue(prev == null || r.deviceNanos() >= prev, label() + "/" + stream + ": device time of clock "
                        + r.clockId() + " went back by " + (prev == null ? 0 : prev - r.deviceNanos()) + " ns");
            }
        }
    }

    @Test
    void declaredRatesAreMetWithinTolerance() throws Exception {
        DeviceDriver probe = create(config());
        List<StreamSpec> checked = probe.streams().stream().filter(this::isRateChecked).toList();
        Assumptions.assumeFalse(checked.isEmpty(), "no periodic stream to measure");
        CollectingDeviceContext ctx = run(measureWindow());
        for (StreamSpec spec : checked) {
            List<Received> got = ctx.samples(spec.name());
            assertTrue(got.size() >= 3, label() + "/" + spec.name() + ": only " + got.size() + " samples");
            double seconds = (got.get(got.size() - 1).hostNanos() - got.get(0).hostNanos()) / 1e9;
            double rate = (got.size() - 1) / seconds;
            double deviation = Math.abs(rate / spec.nominalRateHz() - 1);
            System.out.printf("%s/%s: %.1f Hz measured, %.1f Hz declared%n", label(), spec.name(), rate,
                    spec.nominalRateHz());
            assertTrue(deviation <= rateTolerance(), String.format("%s/%s: %.1f Hz measured, %.1f Hz declared (±%.0f%%)",
                    label(), spec.name(), rate, spec.nominalRateHz(), rateTolerance() * 100));
        }
    }

    @Test
    void stopReleasesThePortAndEveryThread() throws Exception {
        Set<Thread> before = Set.copyOf(Thread.getAllStackTraces().keySet());
        DeviceDriver driver = create(config());
        CollectingDeviceContext ctx = context();
        startTimed(driver, ctx);
        awaitOnlineWithSamples(ctx);
        stopTimed(driver);
        int afterStop = ctx.total();
        List<Thread> left = leftThreads(before, CALL_LIMIT);
        assertTrue(left.isEmpty(), label() + ": threads still alive after stop: " + left);
        Thread.sleep(100);
        assertEquals(afterStop, ctx.total(), "samples published after stop returned");
        AutoCloseable holder = occupyPort();
        if (holder != null) {
            holder.close();
        }
        DeviceDriver again = create(config());
        CollectingDeviceContext ctx2 = context();
        startTimed(again, ctx2);
        awaitOnlineWithSamples(ctx2);
        stopTimed(again);
    }

    // ---- helpers

    /** Name used in messages: the device id. */
    protected String label() {
        return config().deviceId();
    }

    private DeviceDriver create(DeviceConfig cfg) {
        DeviceDriver d = factory().create(cfg);
        started.add(d);
        return d;
    }

    private CollectingDeviceContext context() {
        return new CollectingDeviceContext(config());
    }

    /** Starts a fresh driver, waits until online with samples, collects for {@code window}, stops. */
    private CollectingDeviceContext run(Duration window) throws Exception {
        DeviceDriver driver = create(config());
        CollectingDeviceContext ctx = context();
        startTimed(driver, ctx);
        awaitOnlineWithSamples(ctx);
        Thread.sleep(window.toMillis());
        stopTimed(driver);
        return ctx;
    }

    private long startTimed(DeviceDriver driver, CollectingDeviceContext ctx) throws Exception {
        long t0 = System.nanoTime();
        try {
            driver.start(ctx);
        } catch (Exception e) {
            throw new AssertionError(label() + ": start threw " + e + " instead of reporting a status", e);
        }
        long took = System.nanoTime() - t0;
        assertTrue(took < CALL_LIMIT.toNanos(), label() + ": start took " + took / 1_000_000 + " ms");
        return took;
    }

    private void stopTimed(DeviceDriver driver) throws Exception {
        long t0 = System.nanoTime();
        try {
            driver.stop();
        } catch (Exception e) {
            throw new AssertionError(label() + ": stop threw " + e, e);
        }
        long took = System.nanoTime() - t0;
        assertTrue(took < CALL_LIMIT.toNanos(), label() + ": stop took " + took / 1_000_000 + " ms");
    }

    private void awaitOnlineWithSamples(CollectingDeviceContext ctx) throws InterruptedException {
        ctx.awaitState(State.ONLINE, connectTimeout());
        long deadline = System.nanoTime() + connectTimeout().toNanos();
        while (ctx.total() == 0) {
            if (System.nanoTime() > deadline) {
                fail(label() + ": online but no sample within " + connectTimeout().toMillis() + " ms");
            }
            Thread.sleep(2);
        }
    }

    private DeviceStatus awaitDown(CollectingDeviceContext ctx, String why) throws InterruptedException {
        DeviceStatus s = ctx.awaitStatus(st -> st.state() == State.OFFLINE || st.state() == State.FAILED,
                connectTimeout(), "OFFLINE/FAILED (" + why + ")");
        assertTrue(s.reason() != null && !s.reason().isBlank(), label() + ": " + why + " status without a reason: " + s);
        return s;
    }

    private List<Thread> leftThreads(Set<Thread> before, Duration grace) throws InterruptedException {
        long deadline = System.nanoTime() + grace.toNanos();
        while (true) {
            List<Thread> left = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.isAlive() && !before.contains(t) && isDriverThread(t)).toList();
            if (left.isEmpty() || System.nanoTime() > deadline) {
                return left;
            }
            Thread.sleep(10);
        }
    }
}
