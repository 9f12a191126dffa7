package dev.demoforge.driver.netft.internal;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import dev.demoforge.device.api.DeviceConfig;
import dev.demoforge.device.api.DeviceDriverFactory;
import dev.demoforge.test.support.DriverConformanceKit;

/**
 * The Net F/T driver passes the conformance kit against the RDT emulator at 1 kHz on loopback UDP; the "missing
 * port" is a loopback UDP port nobody listens on (ICMP port unreachable). UDP has no busy port: that test is skipped.
 */
class NetFtConformanceTest extends DriverConformanceKit {

    private NetFtEmulator emulator;
    private int deadPort;

    @BeforeAll
    void startEmulator() throws Exception {
        emulator = NetFtEmulator.start(1000);
        deadPort = NetFtBench.freeUdpPort();
    }

    @AfterAll
    void stopEmulator() throws Exception {
        emulator.close();
    }

    @Override
    protected DeviceDriverFactory factory() {
        return new NetFtDriverFactory();
    }

    @Override
    protected DeviceConfig config() {
        return NetFtBench.config(emulator.port());
    }

    @Override
    protected DeviceConfig missingPortConfig() {
        return NetFtBench.config(deadPort);
    }

    @Override
    protected boolean isDriverThread(Thread thread) {
        return super.isDriverThread(thread) && !thread.getName().startsWith("netft-emulator");
    }
}
