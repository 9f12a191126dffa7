package dev.demoforge.driver.ur.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;

import dev.demoforge.device.api.DeviceConfig;

/** Device configurations for a driver against an emulator on loopback. */
final class UrBench {

    private UrBench() {
    }

    /** An arm at 500 Hz with quick reconnection; {@code extra} are key/value pairs. */
    static DeviceConfig config(UrControllerEmulator emulator, String... extra) {
        return config(emulator.port(), extra);
    }

    static DeviceConfig config(int port, String... extra) {
        Map<String, String> p = new HashMap<>();
        p.put("host", "127.0.0.1");
        p.put("port", Integer.toString(port));
        p.put("rate_hz", "500");
        p.put("reconnect_ms", "200");
        p.put("offline_after_ms", "300");
        for (int i = 0; i + 1 < extra.length; i += 2) {
            p.put(extra[i], extra[i + 1]);
        }
        return new DeviceConfig("ur5e", "ur-rtde", p);
    }

    /** A loopback TCP port nobody listens on (bound, then freed). */
    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
