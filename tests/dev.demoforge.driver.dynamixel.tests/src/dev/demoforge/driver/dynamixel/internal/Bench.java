package dev.demoforge.driver.dynamixel.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.demoforge.device.api.DeviceConfig;
import dev.demoforge.driver.serial.ServoModel;
import dev.demoforge.test.support.serial.VirtualSerialPair;

/**
 * A test bench: a socat pty pair with a six-servo Dynamixel emulator on its device end (ids 1-2 XM430-W350,
 * 3-4 XL430-W250, 5-6 XL330-M288, as in a Koch-style arm) and the device configuration of a driver on its host end.
 */
final class Bench implements AutoCloseable {

    static final Map<Integer, ServoModel> ARM = new LinkedHashMap<>();

    static {
        ARM.put(1, DynamixelModels.XM430_W350);
        ARM.put(2, DynamixelModels.XM430_W350);
        ARM.put(3, DynamixelModels.XL430_W250);
        ARM.put(4, DynamixelModels.XL430_W250);
        ARM.put(5, DynamixelModels.XL330_M288);
        ARM.put(6, DynamixelModels.XL330_M288);
    }

    final Path dir;
    final VirtualSerialPair pair;
    final DynamixelEmulator emulator;

    Bench(String name) throws IOException {
        dir = Files.createTempDirectory("dxl-" + name);
        pair = VirtualSerialPair.start(dir);
        emulator = DynamixelEmulator.start(pair.devicePort(), ARM);
    }

    /** The arm on the bench: 6 joints at 100 Hz, quick reconnection, replies waited for 50 ms (a loaded machine). */
    DeviceConfig config(String... extra) {
        Map<String, String> p = new HashMap<>();
        p.put("port", pair.hostPort());
        p.put("ids", "1-6");
        p.put("model.1", "XM430-W350");
        p.put("model.2", "XM430-W350");
        p.put("model.3", "XL430-W250");
        p.put("model.4", "XL430-W250");
        p.put("model.5", "XL330-M288");
        p.put("model.6", "XL330-M288");
        p.put("joints", "shoulder_pan,shoulder_lift,elbow_flex,wrist_flex,wrist_roll,gripper");
        p.put("rate_hz", "100");
        p.put("offline_after_ms", "250");
        p.put("reconnect_ms", "200");
        p.put("timeout_ms", "50");
        for (int i = 0; i + 1 < extra.length; i += 2) {
            p.put(extra[i], extra[i + 1]);
        }
        return new DeviceConfig("koch_follower", "dynamixel", p);
    }

    @Override
    public void close() throws Exception {
        emulator.close();
        pair.close();
    }
}
