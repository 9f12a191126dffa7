package dev.demoforge.driver.dynamixel.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.demoforge.device.api.DeviceDriver;
import dev.demoforge.driver.serial.BusStats;
import dev.demoforge.driver.serial.ServoArm;
import dev.demoforge.driver.serial.ServoModel;
import dev.demoforge.test.support.serial.DriverCounters;
import dev.demoforge.test.support.serial.ServoBusSetup;

/**
 * The Dynamixel test bench for the servo-bus kit: a six-servo emulator (ids 1-2 XM430-W350, 3-4 XL430-W250,
 * 5-6 XL330-M288, as in a Koch-style arm) and the configuration of the arm: 6 joints at 100 Hz, quick reconnection,
 * replies waited for 50 ms (a loaded machine).
 */
final class Bench {

    static final Map<Integer, ServoModel> ARM = new LinkedHashMap<>();

    static {
        ARM.put(1, DynamixelModels.XM430_W350);
        ARM.put(2, DynamixelModels.XM430_W350);
        ARM.put(3, DynamixelModels.XL430_W250);
        ARM.put(4, DynamixelModels.XL430_W250);
        ARM.put(5, DynamixelModels.XL330_M288);
        ARM.put(6, DynamixelModels.XL330_M288);
    }

    static final ServoBusSetup<DynamixelEmulator> SETUP = new ServoBusSetup<>(new DynamixelDriverFactory(),
            "koch_follower", Map.ofEntries(Map.entry("ids", "1-6"), Map.entry("model.1", "XM430-W350"),
                    Map.entry("model.2", "XM430-W350"), Map.entry("model.3", "XL430-W250"),
                    Map.entry("model.4", "XL430-W250"), Map.entry("model.5", "XL330-M288"),
                    Map.entry("model.6", "XL330-M288"),
                    Map.entry("joints", "shoulder_pan,shoulder_lift,elbow_flex,wrist_flex,wrist_roll,gripper"),
                    Map.entry("rate_hz", "100"), Map.entry("offline_after_ms", "250"),
                    Map.entry("reconnect_ms", "200"), Map.entry("timeout_ms", "50")),
            port -> DynamixelEmulator.start(port, ARM), Bench::counters);

    private Bench() {
    }

    /** The arm driver's bus and port counters. */
    static DriverCounters counters(DeviceDriver driver) {
        ServoArm arm = (ServoArm) driver;
        BusStats s = arm.busStats();
        return new DriverCounters(s.errors(), s.garbageBytes(), arm.portLosses(), s.summary());
    }
}
