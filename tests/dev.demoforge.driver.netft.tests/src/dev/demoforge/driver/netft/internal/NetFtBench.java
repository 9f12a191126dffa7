package dev.demoforge.driver.netft.internal;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Map;

import dev.demoforge.device.api.DeviceConfig;

/** Device configurations for a driver against the emulator on loopback. */
final class NetFtBench {

    private NetFtBench() {
    }

    /** A sensor at 1 kHz with the emulator's scaling and quick recovery; {@code extra} are key/value pairs. */
    static DeviceConfig config(int port, String... extra) {
        Map<String, String> p = new HashMap<>();
        p.put("host", "127.0.0.1");
        p.put("port", Integer.toString(port));
        p.put("counts_per_force", Integer.toString(NetFtEmulator.COUNTS_PER_UNIT));
        p.put("counts_per_torque", Integer.toString(NetFtEmulator.COUNTS_PER_UNIT));
        p.put("rate_hz", "1000");
        p.put("offline_after_ms", "200");
        p.put("reconnect_ms", "200");
        for (int i = 0; i + 1 < extra.length; i += 2) {
            p.put(extra[i], extra[i + 1]);
        }
        return new DeviceConfig("wrist_ft", "netft", p);
    }

    /** A loopback UDP port nobody listens on (bound, then freed). */
    static int freeUdpPort() throws IOException {
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            return s.getLocalPort();
        }
    }
}
