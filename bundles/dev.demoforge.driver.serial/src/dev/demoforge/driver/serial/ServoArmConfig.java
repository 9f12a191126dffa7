package dev.demoforge.driver.serial;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.demoforge.device.api.DeviceConfig;

/**
 * The settings of one serial-bus arm, parsed from device properties:
 * <ul>
 * <li>{@code port} (required): serial port path</li>
 * <li>{@code baud}: bits per second (default: the family's)</li>
 * <li>{@code ids} (required): servo ids, e.g. {@code 1,2,3} or {@code 1-6}</li>
 * <li>{@code model}: model of every servo; {@code model.<id>} overrides it per id; without either, whatever model
 * the servo reports (and the family knows) is accepted</li>
 * <li>{@code joints}: joint names in id order (default {@code joint<id>}); stream elements are {@code <name>.pos}</li>
 * <li>{@code rate_hz}: sync-read rate (default 100)</li>
 * <li>{@code timeout_ms}: reply timeout on top of the wire time (default 10)</li>
 * <li>{@code offline_after_ms}: how long without a complete reading before the status turns OFFLINE (default 250)</li>
 * <li>{@code reconnect_ms}: pause between attempts to open the port or find the servos (default 1000)</li>
 * <li>{@code calibration}: path of the unit's calibration JSON ({@link Calibration}); absent means identity</li>
 * </ul>
 *
 * @param models          configured model per id; ids without one accept any known model
 * @param calibrationFile where the unit's calibration is stored, or null without one
 * @param calibration     the calibration read from that file, or identity
 * @since 0.1
 */
public record ServoArmConfig(String deviceId, String port, int baud, List<Integer> ids, Map<Integer, ServoModel> models,
        List<String> jointNames, double rateHz, Duration replyTimeout, Duration offlineAfter, Duration reconnect,
        Path calibrationFile, Calibration calibration) {

    public ServoArmConfig {
        ids = List.copyOf(ids);
        models = Map.copyOf(models);
        jointNames = List.copyOf(jointNames);
    }

    /**
     * Parses and checks the properties; reads the calibration file when one is named and exists.
     *
     * @throws IllegalArgumentException naming the property and the bad value
     */
    public static ServoArmConfig parse(DeviceConfig device, ServoFamily family) {
        String who = family.driverId() + " device '" + device.deviceId() + "'";
        String port = device.property("port", "").strip();
        if (port.isEmpty()) {
            throw new IllegalArgumentException(who + ": property 'port' is required (e.g. /dev/ttyUSB0)");
        }
        int baud = integer(device, "baud", family.defaultBaud(), 1200, 10_000_000, who);
        List<Integer> ids = ids(device.property("ids", ""), who);
        Map<Integer, ServoModel> models = new HashMap<>();
        String all = device.property("model", "");
        for (int id : ids) {
            String name = device.property("model." + id, all);
            if (!name.isBlank()) {
                models.put(id, family.model(name).orElseThrow(() -> new IllegalArgumentException(who + ": unknown model '"
                        + name + "'; known: " + family.models().stream().map(ServoModel::name).toList())));
            }
        }
        List<String> names = new ArrayList<>();
        String joints = device.property("joints", "");
        if (joints.isBlank()) {
            ids.forEach(id -> names.add("joint" + id));
        } else {
            for (String n : joints.split(",")) {
                if (!n.strip().matches("[A-Za-z0-9_\\-]+")) {
                    throw new IllegalArgumentException(who + ": property 'joints': bad name '" + n.strip() + "'");
                }
                names.add(n.strip());
            }
            if (names.size() != ids.size()) {
                throw new IllegalArgumentException(who + ": property 'joints' names " + names.size() + " joints for "
                        + ids.size() + " ids");
            }
        }
        double rate = number(device, "rate_hz", 100, who);
        if (rate > 2000) {
            throw new IllegalArgumentException(who + ": property 'rate_hz' must be at most 2000, was " + rate);
        }
        Duration timeout = Duration.ofMillis(integer(device, "timeout_ms", 10, 1, 10_000, who));
        Duration offline = Duration.ofMillis(integer(device, "offline_after_ms", 250, 1, 60_000, who));
        Duration reconnect = Duration.ofMillis(integer(device, "reconnect_ms", 1000, 10, 60_000, who));
        String file = device.property("calibration", "").strip();
        Path calFile = file.isEmpty() ? null : Path.of(file);
        int resolution = models.values().stream().mapToInt(ServoModel::resolution).max()
                .orElse(family.models().get(0).resolution());
        Calibration cal = Calibration.identity(device.deviceId(), ids, names, resolution);
        if (calFile != null && java.nio.file.Files.exists(calFile)) {
            try {
                cal = Calibration.load(calFile);
                for (int id : ids) {
                    cal.joint(id);
                }
            } catch (IOException | IllegalArgumentException e) {
                throw new IllegalArgumentException(who + ": property 'calibration': " + e.getMessage(), e);
            }
        }
        return new ServoArmConfig(device.deviceId(), port, baud, ids, models, names, rate, timeout, offline, reconnect,
                calFile, cal);
    }

    /** Parses an id list: comma-separated ids and ranges ("1-4,7"), each 0..252, no duplicates. */
    static List<Integer> ids(String text, String who) {
        if (text.isBlank()) {
            throw new IllegalArgumentException(who + ": property 'ids' is required (e.g. 1-6)");
        }
        Set<Integer> ids = new LinkedHashSet<>();
        for (String part : text.split(",")) {
            String p = part.strip();
            try {
                int dash = p.indexOf('-', 1);
                int from = Integer.parseInt(dash < 0 ? p : p.substring(0, dash).strip());
                int to = dash < 0 ? from : Integer.parseInt(p.substring(dash + 1).strip());
                if (from < 0 || to > 252 || from > to) {
                    throw new NumberFormatException();
                }
                for (int id = from; id <= to; id++) {
                    if (!ids.add(id)) {
                        throw new IllegalArgumentException(who + ": property 'ids' lists id " + id + " twice");
                    }
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(who + ": property 'ids': '" + p + "' is not an id or range in 0..252");
            }
        }
        return List.copyOf(ids);
    }

    private static int integer(DeviceConfig d, String key, int fallback, int min, int max, String who) {
        String v = d.property(key, "").strip();
        if (v.isEmpty()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v);
            if (n < min || n > max) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(who + ": property '" + key + "' must be a whole number in " + min + ".."
                    + max + ", was '" + v + "'");
        }
    }

    private static double number(DeviceConfig d, String key, double fallback, String who) {
        String v = d.property(key, "").strip();
        if (v.isEmpty()) {
            return fallback;
        }
        try {
            double x = Double.parseDouble(v);
            if (!(x > 0) || Double.isInfinite(x)) {
                throw new NumberFormatException();
            }
            return x;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(who + ": property '" + key + "' must be a positive number, was '" + v + "'");
        }
    }
}
