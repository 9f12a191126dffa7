package dev.demoforge.timesync;

import java.util.LinkedHashMap;
import java.util.Map;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/**
 * The clock models of one raw episode, by device id: what the recorder stores beside the episode as
 * {@value #FILE} so that the episode carries its own time base. Immutable.
 * <p>
 * Format: {@code {"format": "demoforge.clocks", "version": 1, "clocks": {"<device id>": ClockModel JSON, ...}}}
 * ({@link ClockModel#toJson()}).
 *
 * @param byDevice one model per device whose streams carry device time, in station order
 * @since 0.2
 */
public record DeviceClocks(Map<String, ClockModel> byDevice) {

    /** File name inside a raw episode directory. */
    public static final String FILE = "clock_models.json";
    private static final String FORMAT = "demoforge.clocks";

    public DeviceClocks {
        byDevice = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byDevice));
    }

    /** The document described above. */
    public String toJson() {
        JsonObject clocks = new JsonObject();
        byDevice.forEach((device, model) -> clocks.add(device, JsonParser.parseString(model.toJson())));
        JsonObject o = new JsonObject();
        o.addProperty("format", FORMAT);
        o.addProperty("version", 1);
        o.add("clocks", clocks);
        return o.toString();
    }

    /**
     * Reads what {@link #toJson()} wrote.
     *
     * @param source names the file in error messages
     * @throws IllegalArgumentException naming the source and the bad field
     */
    public static DeviceClocks fromJson(String json, String source) {
        try {
            JsonObject o = JsonParser.parseString(json).getAsJsonObject();
            JsonElement format = o.get("format");
            if (format == null || !FORMAT.equals(format.getAsString())) {
                throw new IllegalArgumentException("field 'format' must be '" + FORMAT + "'");
            }
            JsonElement version = o.get("version");
            if (version == null || version.getAsInt() != 1) {
                throw new IllegalArgumentException("field 'version' must be 1, was " + version);
            }
            JsonElement clocks = o.get("clocks");
            if (clocks == null || !clocks.isJsonObject()) {
                throw new IllegalArgumentException("field 'clocks' is missing or not an object");
            }
            Map<String, ClockModel> models = new LinkedHashMap<>();
            for (Map.Entry<String, JsonElement> e : clocks.getAsJsonObject().entrySet()) {
                try {
                    models.put(e.getKey(), ClockModel.fromJson(e.getValue().toString()));
                } catch (IllegalArgumentException x) {
                    throw new IllegalArgumentException("clocks." + e.getKey() + ": " + x.getMessage(), x);
                }
            }
            return new DeviceClocks(models);
        } catch (JsonParseException | IllegalStateException | UnsupportedOperationException e) {
            throw new IllegalArgumentException(source + " is not a clock-model document: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
    }
}
