package dev.demoforge.driver.feetech.internal;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import dev.demoforge.device.api.DeviceConfig;
import dev.demoforge.device.api.DeviceDriverFactory;
import dev.demoforge.driver.serial.SerialLink;
import dev.demoforge.test.support.DriverConformanceKit;

/** The Feetech driver passes the conformance kit against its emulator over a pty pair. */
class FeetechConformanceTest extends DriverConformanceKit {

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
        return new FeetechDriverFactory();
    }

    @Override
    protected DeviceConfig config() {
        return bench.config();
    }

    @Override
    protected DeviceConfig missingPortConfig() {
        Map<String, String> p = new HashMap<>(bench.config().properties());
        p.put("port", bench.dir.resolve("no-such-tty").toString());
        return new DeviceConfig("so101_follower", "feetech", p);
    }

    @Override
    protected AutoCloseable occupyPort() throws Exception {
        return SerialLink.open(bench.pair.hostPort(), 1_000_000);
    }
}
