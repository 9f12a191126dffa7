package dev.demoforge.driver.ur.internal;

import java.util.Arrays;
import java.util.List;

import dev.demoforge.device.api.DeviceConfig;

/**
 * The device properties of a {@code ur-rtde} device, checked. Immutable.
 *
 * @param host              controller address
 * @param port              RTDE port (30004)
 * @param rateHz            output frequency asked for, Hz (1..500)
 * @param joints            the six joint names
 * @param connectTimeoutMs  TCP connect and handshake reply timeout
 * @param offlineAfterMs    silence after which the connection counts as lost
 * @param reconnectMs       pause between connection attempts
 * @param servo             whether the input recipe for servoing is set up
 * @param servoRegister     first input register: doubles {@code r..r+5}, int {@code r}
 * @param refuseSlow        whether a controller slower than {@code rateHz} is refused (else streamed at its maximum)
 */
record UrConfig(String deviceId, String host, int port, double rateHz, List<String> joints, int connectTimeoutMs,
        int offlineAfterMs, int reconnectMs, boolean servo, int servoRegister, boolean refuseSlow) {

    static final List<String> DEFAULT_JOINTS = List.of("shoulder_pan", "shoulder_lift", "elbow", "wrist_1", "wrist_2",
            "wrist_3");

    static UrConfig parse(DeviceConfig c) {
        String host = c.property("host", "").strip();
        if (host.isEmpty()) {
            throw bad(c, "host", "", "is required (the controller's address)");
        }
        List<String> joints = Arrays.stream(c.property("joints", String.join(",", DEFAULT_JOINTS)).split(","))
                .map(String::strip).toList();
        if (joints.size() != 6 || joints.stream().anyMatch(j -> !j.matches("[A-Za-z0-9_\\-]+"))) {
            throw bad(c, "joints", c.property("joints", ""), "must be six names of letters, digits, '_', '-'");
        }
        String slow = c.property("slow_controller", "degrade");
        if (!slow.equals("degrade") && !slow.equals("refuse")) {
            throw bad(c, "slow_controller", slow, "must be 'degrade' or 'refuse'");
        }
        String servo = c.property("servo", "false");
        if (!servo.equals("true") && !servo.equals("false")) {
            throw bad(c, "servo", servo, "must be true or false");
        }
        return new UrConfig(c.deviceId(), host, integer(c, "port", 30004, 1, 65535), number(c, "rate_hz", 500, 1, 500),
                joints, integer(c, "connect_timeout_ms", 1000, 10, 60_000),
                integer(c, "offline_after_ms", 500, 20, 60_000), integer(c, "reconnect_ms", 1000, 10, 600_000),
                servo.equals("true"), integer(c, "servo_register", 0, 0, 42), slow.equals("refuse"));
    }

    String address() {
        return host + ":" + port;
    }

    private static int integer(DeviceConfig c, String key, int fallback, int min, int max) {
        String text = c.property(key, Integer.toString(fallback)).strip();
        try {
            int v = Integer.parseInt(text);
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below with the property name
        }
        throw bad(c, key, text, "must be an integer in " + min + ".." + max);
    }

    private static double number(DeviceConfig c, String key, double fallback, double min, double max) {
        String text = c.property(key, Double.toString(fallback)).strip();
        try {
            double v = Double.parseDouble(text);
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below with the property name
        }
        throw bad(c, key, text, "must be a number in " + min + ".." + max);
    }

    private static IllegalArgumentException bad(DeviceConfig c, String key, String value, String why) {
        return new IllegalArgumentException("ur-rtde device '" + c.deviceId() + "': property '" + key + "': '" + value
                + "' " + why);
    }
}
