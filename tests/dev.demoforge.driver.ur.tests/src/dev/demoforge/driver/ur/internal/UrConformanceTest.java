package dev.demoforge.driver.ur.internal;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import dev.demoforge.device.api.DeviceConfig;
import dev.demoforge.device.api.DeviceDriverFactory;
import dev.demoforge.test.support.DriverConformanceKit;

/**
 * The RTDE driver passes the conformance kit against an e-Series controller emulator on loopback at 500 Hz; the
 * "missing port" is a loopback port nobody listens on (connection refused). A TCP client cannot find its port busy,
 * so that test is skipped.
 */
class UrConformanceTest extends DriverConformanceKit {

    private UrControllerEmulator emulator;
    private int refusedPort;

    @BeforeAll
    void startEmulator() throws Exception {
        emulator = UrControllerEmulator.start(5, 11, 1, 108318);
        refusedPort = UrBench.freePort();
    }

    @AfterAll
    void stopEmulator() throws Exception {
        emulator.close();
    }

    @Override
    protected DeviceDriverFactory factory() {
        return new UrRtdeDriverFactory();
    }

    @Override
    protected DeviceConfig config() {
        return UrBench.config(emulator);
    }

    @Override
    protected DeviceConfig missingPortConfig() {
        return UrBench.config(refusedPort);
    }

    @Override
    protected boolean isDriverThread(Thread thread) {
        return super.isDriverThread(thread) && !thread.getName().startsWith("ur-emulator");
    }
}
