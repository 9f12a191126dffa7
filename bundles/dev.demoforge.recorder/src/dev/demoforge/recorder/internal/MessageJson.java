package dev.demoforge.recorder.internal;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import dev.demoforge.device.api.EventSample;
import dev.demoforge.device.api.Sample;
import dev.demoforge.device.api.VectorSample;

/**
 * The JSON messages of a raw episode's MCAP, shaped so Foxglove plots them ({@code /arm/joints.values[2]}) and
 * shows their {@code timestamp}. Every message carries {@code host_ns} (host monotonic) and, where the device has
 * a clock, {@code device_ns}. Camera topics hold frame references: the frame's index in the camera's MP4.
 */
final class MessageJson {

    /** JSON Schemas registered in the MCAP (encoding {@code jsonschema}). */
    static final String VECTOR_SCHEMA = """
            {"type":"object","title":"demoforge.Vector","properties":{\
            "timestamp":{"type":"object","properties":{"sec":{"type":"integer"},"nsec":{"type":"integer"}}},\
            "host_ns":{"type":"integer"},"device_ns":{"type":"integer"},\
            "values":{"type":"array","items":{"type":"number"}}}}""";
    static final String FRAME_SCHEMA = """
            {"type":"object","title":"demoforge.FrameRef","properties":{\
            "timestamp":{"type":"object","properties":{"sec":{"type":"integer"},"nsec":{"type":"integer"}}},\
            "host_ns":{"type":"integer"},"device_ns":{"type":"integer"},"frame":{"type":"integer"}}}""";
    static final String EVENT_SCHEMA = """
            {"type":"object","title":"demoforge.Event","properties":{\
            "timestamp":{"type":"object","properties":{"sec":{"type":"integer"},"nsec":{"type":"integer"}}},\
            "host_ns":{"type":"integer"},"device_ns":{"type":"integer"},"text":{"type":"string"}}}""";

    private MessageJson() {
    }

    static String vector(long logTimeNanos, VectorSample s) {
        StringBuilder b = head(logTimeNanos, s).append(",\"values\":[");
        double[] v = s.values();
        for (int i = 0; i < v.length; i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append(Double.isFinite(v[i]) ? Double.toString(v[i]) : "null");
        }
        return b.append("]}").toString();
    }

    static String frame(long logTimeNanos, Sample s, long frameIndex) {
        return head(logTimeNanos, s).append(",\"frame\":").append(frameIndex).append('}').toString();
    }

    static String event(long logTimeNanos, Sample s, String text) {
        JsonObject o = new JsonObject();
        o.addProperty("text", text);
        String quoted = o.toString();
        return head(logTimeNanos, s).append(',').append(quoted, 1, quoted.length() - 1).append('}').toString();
    }

    private static StringBuilder head(long logTimeNanos, Sample s) {
        StringBuilder b = new StringBuilder(96).append("{\"timestamp\":{\"sec\":").append(logTimeNanos / 1_000_000_000L)
                .append(",\"nsec\":").append(logTimeNanos % 1_000_000_000L).append("},\"host_ns\":").append(s.hostNanos());
        if (s.hasDeviceTime()) {
            b.append(",\"device_ns\":").append(s.deviceNanos());
        }
        return b;
    }

    /** Decodes a message written by this class back into a sample; frame references become events with the index. */
    static Sample decode(String json, String clockId) {
        JsonObject o = JsonParser.parseString(json).getAsJsonObject();
        long host = o.get("host_ns").getAsLong();
        long device = o.has("device_ns") ? o.get("device_ns").getAsLong() : Sample.NO_DEVICE_TIME;
        String clock = device == Sample.NO_DEVICE_TIME ? null : clockId;
        if (o.has("values")) {
            JsonArray a = o.getAsJsonArray("values");
            double[] values = new double[a.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = a.get(i).isJsonNull() ? Double.NaN : a.get(i).getAsDouble();
            }
            return new VectorSample(host, device, clock, values);
        }
        String text = o.has("frame") ? o.get("frame").getAsString() : o.get("text").getAsString();
        return new EventSample(host, device, clock, text);
    }
}
