package dev.demoforge.test.support.serial;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

import dev.demoforge.device.api.DeviceConfig;
import dev.demoforge.device.api.DeviceDriver;
import dev.demoforge.device.api.DeviceStatus.State;
import dev.demoforge.test.support.CollectingDeviceContext;

/**
 * Base of JUnit 5 tests that run a serial-bus driver against its emulator: one {@link ServoBench} per test class
 * (started before the first test, closed after the last), drivers created through the setup's factory and stopped
 * after each test, also when it fails. The fault and benchmark kits extend it; a driver's own tests (commands,
 * calibration, probing) may too.
 * <p>
 * The instance lifecycle is per class. Methods are called on the test thread; the emulator runs its own thread.
 *
 * @param <E> the protocol's emulator, so tests reach its own switches
 * @since 0.2
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ServoBusTest<E extends ServoBankEmulator> {

    private final List<DeviceDriver> created = new ArrayList<>();
    private ServoBench<E> bench;
    private DeviceDriver running;

    /** The protocol under test. */
    protected abstract ServoBusSetup<E> setup();

    /** Limit for every wait: coming online, samples arriving, a status changing. */
    protected Duration timeout() {
        return Duration.ofSeconds(5);
    }

    /** Puts the bench back the way the next test expects it; called after each test, once its drivers stopped. */
    protected void resetBench() throws Exception {
    }

    /** The bench of this class. */
    protected final ServoBench<E> bench() {
        return bench;
    }

    /** Creates a driver through the setup's factory; it is stopped after the test. */
    protected final DeviceDriver create(DeviceConfig config) {
        DeviceDriver d = setup().factory().create(config);
        created.add(d);
        return d;
    }

    /** {@link #start(DeviceConfig, State)} waiting for ONLINE. */
    protected final CollectingDeviceContext start(DeviceConfig config) throws Exception {
        return start(config, State.ONLINE);
    }

    /**
     * Creates and starts a driver (then {@link #running()}) and waits for the {@code awaited} state; for ONLINE also
     * for three samples on the first declared stream.
     *
     * @return what the driver publishes
     */
    protected final CollectingDeviceContext start(DeviceConfig config, State awaited) throws Exception {
        running = create(config);
        CollectingDeviceContext ctx = new CollectingDeviceContext(config);
        running.start(ctx);
        ctx.awaitState(awaited, timeout());
        if (awaited == State.ONLINE) {
            ctx.awaitSamples(running.streams().get(0).name(), 3, timeout());
        }
        return ctx;
    }

    /** The driver the last {@link #start} started. */
    protected final DeviceDriver running() {
        return running;
    }

    @BeforeAll
    final void startBench() throws Exception {
        bench = setup().startBench(getClass().getSimpleName());
    }

    @AfterEach
    final void stopDrivers() throws Exception {
        for (DeviceDriver d : created) {
            d.stop();
        }
        created.clear();
        running = null;
        resetBench();
    }

    @AfterAll
    final void closeBench() throws Exception {
        if (bench != null) {
            bench.close();
        }
    }
}
