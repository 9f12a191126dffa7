package dev.demoforge.driver.dynamixel.internal;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import dev.demoforge.device.api.DeviceConfig;
import dev.demoforge.device.api.DeviceDriverFactory;
import dev.demoforge.driver.serial.SerialLink;
import dev.demoforge.test.support.DriverConformanceKit;

/** The Dynamixel driver passes the conformance kit against its emulator over a pty pair. */
class DynamixelConformanceTest extends DriverConformanceKit {

    private Bench bench;

    @BeforeAll
    void startBench() throws Exception {
        bench = new Bench("conformance");
    }

    @AfterAll
    void stopBench() throws Exception {
        bench.close();
    }

    @Override
    protected DeviceDriverFactory factory() {
        return new DynamixelDriverFactory();
    }

    @Override
    protected DeviceConfig config() {
        return bench.config();
    }

    @Override
    protected DeviceConfig missingPortConfig() {
        Map<String, String> p = new HashMap<>(bench.config().properties());
        p.put("port", bench.dir.resolve("no-such-tty").toString());
        return new DeviceConfig("koch_follower", "dynamixel", p);
    }

    @Override
    protected AutoCloseable occupyPort() throws Exception {
        return SerialLink.open(bench.pair.hostPort(), 1_000_000);
    }
}
