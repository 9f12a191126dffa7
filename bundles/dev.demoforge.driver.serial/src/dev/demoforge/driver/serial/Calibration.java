package dev.demoforge.driver.serial;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/**
 * Calibration of one arm (one unit): per joint, a homing offset, a direction and a range, applied in software.
 * A joint reads {@code direction * (raw + homingOffset - center) * 2π / resolution} radians, where {@code center} is
 * half the encoder resolution; goal positions are mapped back and clamped to {@code [min, max]} counts.
 * <p>
 * Stored as JSON, one file per unit:
 * <pre>{"unit": "koch-follower-1", "joints": [{"id": 1, "name": "shoulder_pan", "homing_offset": -112,
 *   "direction": 1, "min": 0, "max": 4095}, ...]}</pre>
 * Immutable.
 *
 * @param unit   which physical arm this is (free text)
 * @param joints one entry per servo id
 * @since 0.1
 */
public record Calibration(String unit, List<Joint> joints) {

    /**
     * Calibration of one joint.
     *
     * @param id           servo id
     * @param name         joint name
     * @param homingOffset counts added to the raw reading
     * @param direction    1, or -1 when the joint turns the other way
     * @param min          lowest goal position, counts
     * @param max          highest goal position, counts
     */
    public record Joint(int id, String name, int homingOffset, int direction, int min, int max) {

        public Joint {
            if (direction != 1 && direction != -1) {
                throw new IllegalArgumentException("joint " + id + ": direction must be 1 or -1, was " + direction);
            }
            if (min > max) {
                throw new IllegalArgumentException("joint " + id + ": min " + min + " > max " + max);
            }
        }
    }

    public Calibration {
        joints = List.copyOf(joints);
    }

    /** No offset, positive direction, the full encoder range. */
    public static Calibration identity(String unit, List<Integer> ids, List<String> names, int resolution) {
        List<Joint> js = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            js.add(new Joint(ids.get(i), names.get(i), 0, 1, 0, resolution - 1));
        }
        return new Calibration(unit, js);
    }

    /** The joint of a servo id; {@link IllegalArgumentException} when the calibration has none. */
    public Joint joint(int id) {
        return joints.stream().filter(j -> j.id() == id).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("calibration of " + unit + " has no joint with id " + id));
    }

    /** Radians of a raw reading. */
    public double toRadians(int id, int raw, int resolution) {
        Joint j = joint(id);
        return j.direction() * (raw + j.homingOffset() - resolution / 2) * 2 * Math.PI / resolution;
    }

    /** Raw goal for an angle, clamped to the joint's range. */
    public int toRaw(int id, double radians, int resolution) {
        Joint j = joint(id);
        long raw = Math.round(j.direction() * radians * resolution / (2 * Math.PI)) + resolution / 2 - j.homingOffset();
        return (int) Math.max(j.min(), Math.min(j.max(), raw));
    }

    /** The same calibration with offsets that make the given raw readings read 0 rad. */
    public Calibration zeroedAt(Map<Integer, Integer> raw, int resolution) {
        List<Joint> js = new ArrayList<>();
        for (Joint j : joints) {
            Integer r = raw.get(j.id());
            js.add(r == null ? j : new Joint(j.id(), j.name(), resolution / 2 - r, j.direction(), j.min(), j.max()));
        }
        return new Calibration(unit, js);
    }

    /**
     * Reads a calibration file.
     *
     * @throws IOException naming the file and the field when it cannot be read or is not a calibration
     */
    public static Calibration load(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        try {
            JsonObject root = JsonParser.parseString(text).getAsJsonObject();
            String unit = root.has("unit") ? root.get("unit").getAsString() : "";
            JsonArray array = root.getAsJsonArray("joints");
            if (array == null) {
                throw new IOException(file + ": no \"joints\" array");
            }
            List<Joint> js = new ArrayList<>();
            for (int i = 0; i < array.size(); i++) {
                JsonObject o = array.get(i).getAsJsonObject();
                String where = file + ": joints[" + i + "]";
                js.add(new Joint(integer(o, "id", where), o.has("name") ? o.get("name").getAsString() : "",
                        integer(o, "homing_offset", where), integer(o, "direction", where),
                        integer(o, "min", where), integer(o, "max", where)));
            }
            return new Calibration(unit, js);
        } catch (JsonParseException | IllegalStateException | UnsupportedOperationException
                | IllegalArgumentException e) {
            throw new IOException(file + ": not a calibration file: " + e.getMessage(), e);
        }
    }

    /** Writes the calibration as JSON, atomically (temporary file, then move). */
    public void save(Path file) throws IOException {
        JsonObject root = new JsonObject();
        root.addProperty("unit", unit);
        JsonArray array = new JsonArray();
        for (Joint j : joints) {
            JsonObject o = new JsonObject();
            o.addProperty("id", j.id());
            o.addProperty("name", j.name());
            o.addProperty("homing_offset", j.homingOffset());
            o.addProperty("direction", j.direction());
            o.addProperty("min", j.min());
            o.addProperty("max", j.max());
            array.add(o);
        }
        root.add("joints", array);
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
        Files.writeString(tmp, new GsonBuilder().setPrettyPrinting().create().toJson(root) + "\n",
                StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static int integer(JsonObject o, String key, String where) throws IOException {
        JsonElement e = o.get(key);
        if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
            throw new IOException(where + ": \"" + key + "\" must be a whole number");
        }
        double d = e.getAsDouble();
        if (d != Math.rint(d)) {
            throw new IOException(where + ": \"" + key + "\" must be a whole number, was " + d);
        }
        return (int) d;
    }
}
