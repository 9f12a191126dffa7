package dev.demoforge.driver.feetech.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.demoforge.device.api.DeviceConfig;
import dev.demoforge.driver.serial.ServoModel;
import dev.demoforge.test.support.serial.VirtualSerialPair;

/** A socat pty pair with six emulated STS3215 servos (an SO-101 arm, ids 1-6) and the device configuration. */
final class Bench implements AutoCloseable {

    static final Map<Integer, ServoModel> ARM = new LinkedHashMap<>();

    static {
        for (int id = 1; id <= 6; id++) {
            ARM.put(id, FeetechModels.STS3215);
        }
    }

    final Path dir;
    final VirtualSerialPair pair;
    final FeetechEmulator emulator;

    Bench(String name) throws IOException {
        dir = Files.createTempDirectory("sts-" + name);
        pair = VirtualSerialPair.start(dir);
        emulator = FeetechEmulator.start(pair.devicePort(), ARM);
    }

    /** The arm: 6 joints at 100 Hz, quick reconnection, replies waited for 50 ms (a loaded machine). */
    DeviceConfig config(String... extra) {
        Map<String, String> p = new HashMap<>();
        p.put("port", pair.hostPort());
        p.put("ids", "1-6");
        p.put("model", "STS3215");
        p.put("joints", "shoulder_pan,shoulder_lift,elbow_flex,wrist_flex,wrist_roll,gripper");
        p.put("rate_hz", "100");
        p.put("offline_after_ms", "250");
        p.put("reconnect_ms", "200");
        p.put("timeout_ms", "50");
        for (int i = 0; i + 1 < extra.length; i += 2) {
            p.put(extra[i], extra[i + 1]);
        }
        return new DeviceConfig("so101_follower", "feetech", p);
    }

    @Override
    public void close() throws Exception {
        emulator.close();
        pair.close();
    }
}
