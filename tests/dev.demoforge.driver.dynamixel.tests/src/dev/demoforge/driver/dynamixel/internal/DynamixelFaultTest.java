package dev.demoforge.driver.dynamixel.internal;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import dev.demoforge.device.api.DeviceConfig;
import dev.demoforge.device.api.DeviceDriver;
import dev.demoforge.device.api.DeviceDriverFactory;
import dev.demoforge.driver.serial.BusStats;
import dev.demoforge.driver.serial.ServoArm;
import dev.demoforge.test.support.serial.ServoBankEmulator;
import dev.demoforge.test.support.serial.ServoBusFaultKit;
import dev.demoforge.test.support.serial.VirtualSerialPair;

/** Garbage, truncation, wrong CRCs, silence, noise and a vanishing port, over a real pty pair. */
class DynamixelFaultTest extends ServoBusFaultKit {

    private Bench bench;

    @BeforeAll
    void startBench() throws Exception {
        bench = new Bench("faults");
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
    protected ServoBankEmulator emulator() {
        return bench.emulator;
    }

    @Override
    protected VirtualSerialPair pair() {
        return bench.pair;
    }

    @Override
    protected Counters counters(DeviceDriver driver) {
        ServoArm arm = (ServoArm) driver;
        BusStats s = arm.busStats();
        return new Counters(s.errors(), s.garbageBytes(), arm.portLosses(), s.summary());
    }
}
