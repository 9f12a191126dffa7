package dev.demoforge.driver.feetech.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.demoforge.device.api.DeviceDriver;
import dev.demoforge.driver.serial.BusStats;
import dev.demoforge.driver.serial.ServoArm;
import dev.demoforge.driver.serial.ServoModel;
import dev.demoforge.test.support.serial.DriverCounters;
import dev.demoforge.test.support.serial.ServoBusSetup;

/**
 * The Feetech test bench for the servo-bus kit: six emulated STS3215 servos (an SO-101 arm, ids 1-6) and the
 * configuration of the arm: 6 joints at 100 Hz, quick reconnection, replies waited for 50 ms (a loaded machine).
 */
final class Bench {

    static final Map<Integer, ServoModel> ARM = new LinkedHashMap<>();

    static {
        for (int id = 1; id <= 6; id++) {
            ARM.put(id, FeetechModels.STS3215);
        }
    }

    static final ServoBusSetup<FeetechEmulator> SETUP = new ServoBusSetup<>(new FeetechDriverFactory(),
            "so101_follower", Map.of("ids", "1-6", "model", "STS3215",
                    "joints", "shoulder_pan,shoulder_lift,elbow_flex,wrist_flex,wrist_roll,gripper",
                    "rate_hz", "100", "offline_after_ms", "250", "reconnect_ms", "200", "timeout_ms", "50"),
            port -> FeetechEmulator.start(port, ARM), Bench::counters);

    private Bench() {
    }

    /** The arm driver's bus and port counters. */
    static DriverCounters counters(DeviceDriver driver) {
        ServoArm arm = (ServoArm) driver;
        BusStats s = arm.busStats();
        return new DriverCounters(s.errors(), s.garbageBytes(), arm.portLosses(), s.summary());
    }
}
