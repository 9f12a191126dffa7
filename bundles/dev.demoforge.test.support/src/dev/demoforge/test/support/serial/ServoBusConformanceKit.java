package dev.demoforge.test.support.serial;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import dev.demoforge.device.api.DeviceConfig;
import dev.demoforge.device.api.DeviceDriverFactory;
import dev.demoforge.test.support.DriverConformanceKit;

/**
 * The {@link DriverConformanceKit} for a serial-bus driver, against its emulator over a socat pty pair: a driver's test
 * class extends this class and gives its {@link #setup()}; the kit starts one {@link ServoBench} for the class, closes
 * it afterwards and answers every question of the conformance kit from it (a missing port is a path in the bench's
 * directory, a busy port is the host end held open by {@link ServoBench#occupyHostPort()}). Override the conformance
 * kit's timing methods as usual.
 *
 * @since 0.2
 */
public abstract class ServoBusConformanceKit extends DriverConformanceKit {

    private ServoBench<?> bench;

    /** The protocol under test. */
    protected abstract ServoBusSetup<?> setup();

    /** The bench the tests run on (started before the first test). */
    protected final ServoBench<?> bench() {
        return bench;
    }

    @BeforeAll
    final void startBench() throws Exception {
        bench = setup().startBench("conformance");
    }

    @AfterAll
    final void closeBench() throws Exception {
        if (bench != null) {
            bench.close();
        }
    }

    @Override
    protected DeviceDriverFactory factory() {
        return setup().factory();
    }

    @Override
    protected DeviceConfig config() {
        return bench.config();
    }

    @Override
    protected DeviceConfig missingPortConfig() {
        return bench.missingPortConfig();
    }

    @Override
    protected AutoCloseable occupyPort() throws Exception {
        return bench.occupyHostPort();
    }
}
