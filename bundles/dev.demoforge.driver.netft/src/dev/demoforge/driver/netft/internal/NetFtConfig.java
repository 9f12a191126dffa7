package dev.demoforge.driver.netft.internal;

import dev.demoforge.device.api.DeviceConfig;

/**
 * The device properties of a {@code netft} device, checked. Immutable.
 *
 * @param host            sensor address
 * @param port            RDT port (49152)
 * @param countsPerForce  counts per N (the sensor's calibration, {@code cfgcpf} in its {@code netftapi2.xml})
 * @param countsPerTorque counts per N·m ({@code cfgcpt})
 * @param rateHz          the RDT output rate set on the sensor (its web page), declared for the stream
 * @param offlineAfterMs  silence after which the sensor counts as offline and the start request is sent again
 * @param reconnectMs     pause between start requests while the sensor is silent or unreachable
 * @param biasOnStart     whether a software bias is requested right after streaming starts
 * @param fromSensor      whether counts per unit are read from the sensor's {@code netftapi2.xml} (HTTP) at start
 *                        instead of the two properties
 * @param httpPort        the sensor's web server port (80)
 */
record NetFtConfig(String deviceId, String host, int port, double countsPerForce, double countsPerTorque,
        double rateHz, int offlineAfterMs, int reconnectMs, boolean biasOnStart, boolean fromSensor, int httpPort) {

    static NetFtConfig parse(DeviceConfig c) {
        String host = c.property("host", "").strip();
        if (host.isEmpty()) {
            throw bad(c, "host", "", "is required (the sensor's address)");
        }
        String bias = c.property("bias_on_start", "false");
        if (!bias.equals("true") && !bias.equals("false")) {
            throw bad(c, "bias_on_start", bias, "must be true or false");
        }
        String calibration = c.property("calibration", "properties");
        if (!calibration.equals("properties") && !calibration.equals("sensor")) {
            throw bad(c, "calibration", calibration, "must be 'properties' (counts_per_force, counts_per_torque) or"
                    + " 'sensor' (read from the sensor's netftapi2.xml)");
        }
        return new NetFtConfig(c.deviceId(), host, (int) number(c, "port", Rdt.PORT, 1, 65535, true),
                number(c, "counts_per_force", 1_000_000, 1e-6, 1e12, false),
                number(c, "counts_per_torque", 1_000_000, 1e-6, 1e12, false),
                number(c, "rate_hz", 1000, 1, 7000, false), (int) number(c, "offline_after_ms", 250, 5, 60_000, true),
                (int) number(c, "reconnect_ms", 1000, 10, 600_000, true), bias.equals("true"),
                calibration.equals("sensor"), (int) number(c, "http_port", 80, 1, 65535, true));
    }

    String address() {
        return host + ":" + port;
    }

    private static double number(DeviceConfig c, String key, double fallback, double min, double max,
            boolean integer) {
        String text = c.property(key, integer ? Long.toString((long) fallback) : Double.toString(fallback)).strip();
        try {
            double v = integer ? Long.parseLong(text) : Double.parseDouble(text);
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below with the property name
        }
        throw bad(c, key, text, "must be " + (integer ? "an integer" : "a number") + " in " + (integer ? (long) min
                : min) + ".." + (integer ? (long) max : max));
    }

    private static IllegalArgumentException bad(DeviceConfig c, String key, String value, String why) {
        return new IllegalArgumentException("netft device '" + c.deviceId() + "': property '" + key + "': '" + value
                + "' " + why);
    }
}
