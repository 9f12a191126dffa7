package dev.demoforge.timesync;

import java.util.ArrayList;
import java.util.List;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/**
 * A device clock mapped onto the host monotonic clock: one {@link ClockSegment} per stretch between clock steps, and
 * the device's fixed latency.
 * <p>
 * The segments are the lower envelope of the (device time, host receive time) pairs: host receive time = true
 * instant + transport latency, the latency is never negative, so the line under all pairs maps a device time to
 * the true instant plus the <em>smallest</em> latency seen. That smallest, constant part cannot be seen in the pairs
 * at all: it is a per-device setting, {@code fixedLatencyNs} (e.g. a camera's exposure-to-receipt time), subtracted
 * by {@link #captureNanos}. Immutable, thread-safe. Stored with episodes and datasets as JSON ({@link #toJson}).
 *
 * @param clockId        the device clock ("sim.arm.clock", or "&lt;device&gt;.clock" in a raw episode)
 * @param segments       in host time order; at least one; more than one when the clock stepped
 * @param fixedLatencyNs the device's constant latency from capture to the smallest receive latency, ns (≥ 0)
 * @param residuals      receive delays above the fitted line ({@link ResidualStats}), before the fixed latency
 * @since 0.1
 */
public record ClockModel(String clockId, List<ClockSegment> segments, long fixedLatencyNs, ResidualStats residuals) {

    public ClockModel {
        if (segments == null || segments.isEmpty()) {
            throw new IllegalArgumentException("Clock model " + clockId + " needs at least one segment");
        }
        segments = List.copyOf(segments);
    }

    /** Device minus host time at {@link #refHostNs()}, of the last segment (the clock as it runs now), ns. */
    public long offsetNs() {
        return last().offsetNs();
    }

    /** Rate error of the last segment, ppm (positive: the device clock runs fast). */
    public double driftPpm() {
        return last().driftPpm();
    }

    /** Host instant the offset refers to, of the last segment, host ns. */
    public long refHostNs() {
        return last().refHostNs();
    }

    /** Number of clock steps detected (segments minus one). */
    public int steps() {
        return segments.size() - 1;
    }

    /**
     * The true capture instant, on the host time base (ns), of a sample stamped {@code deviceNanos} and received at
     * {@code hostReceiveNanos}: the segment in force at the receive time maps the device time, then the fixed
     * latency is subtracted. Prefer this over {@link #toHostNanos} when the receive time is known: after a clock
     * that stepped back, a device time alone can belong to two segments.
     */
    public long captureNanos(long deviceNanos, long hostReceiveNanos) {
        return segmentAtHost(hostReceiveNanos).toHostNanos(deviceNanos) - fixedLatencyNs;
    }

    /** Device time mapped to the host time base (ns) without the fixed latency, by the segment covering it. */
    public long toHostNanos(long deviceNanos) {
        ClockSegment s = segments.get(0);
        for (ClockSegment c : segments) {
            if (c.fromDeviceNs() <= deviceNanos) {
                s = c;
            }
        }
        return s.toHostNanos(deviceNanos);
    }

    /** The segment in force at a host receive time: the last one starting at or before it (the first before all). */
    public ClockSegment segmentAtHost(long hostReceiveNanos) {
        ClockSegment s = segments.get(0);
        for (int i = 1; i < segments.size() && segments.get(i).fromHostNs() <= hostReceiveNanos; i++) {
            s = segments.get(i);
        }
        return s;
    }

    /** The same clock with another fixed latency. */
    public ClockModel withFixedLatency(long latencyNs) {
        return new ClockModel(clockId, segments, latencyNs, residuals);
    }

    private ClockSegment last() {
        return segments.get(segments.size() - 1);
    }

    private JsonObject json() {
        JsonObject o = new JsonObject();
        o.addProperty("clock_id", clockId);
        o.addProperty("offset_ns", offsetNs());
        o.addProperty("drift_ppm", driftPpm());
        o.addProperty("ref_host_ns", refHostNs());
        o.addProperty("fixed_latency_ns", fixedLatencyNs);
        o.addProperty("steps", steps());
        JsonArray segs = new JsonArray();
        for (ClockSegment s : segments) {
            JsonObject j = new JsonObject();
            j.addProperty("from_host_ns", s.fromHostNs());
            j.addProperty("from_device_ns", s.fromDeviceNs());
            j.addProperty("ref_host_ns", s.refHostNs());
            j.addProperty("offset_ns", s.offsetNs());
            j.addProperty("drift_ppm", s.driftPpm());
            j.addProperty("samples", s.samples());
            segs.add(j);
        }
        o.add("segments", segs);
        JsonObject r = new JsonObject();
        r.addProperty("count", residuals.count());
        r.addProperty("min_ns", residuals.minNs());
        r.addProperty("p50_ns", residuals.p50Ns());
        r.addProperty("p99_ns", residuals.p99Ns());
        r.addProperty("max_ns", residuals.maxNs());
        o.add("residuals", r);
        return o;
    }

    /**
     * The model as one JSON object: {@code clock_id}, {@code offset_ns}, {@code drift_ppm}, {@code ref_host_ns} (of
     * the last segment), {@code fixed_latency_ns}, {@code steps}, {@code segments} (each with {@code from_host_ns},
     * {@code from_device_ns}, {@code ref_host_ns}, {@code offset_ns}, {@code drift_ppm}, {@code samples}) and
     * {@code residuals} ({@code count}, {@code min_ns}, {@code p50_ns}, {@code p99_ns}, {@code max_ns}).
     */
    public String toJson() {
        return json().toString();
    }

    /**
     * Reads what {@link #toJson()} wrote.
     *
     * @throws IllegalArgumentException naming the missing or malformed field
     */
    public static ClockModel fromJson(String json) {
        JsonObject o;
        try {
            o = JsonParser.parseString(json).getAsJsonObject();
        } catch (JsonParseException | IllegalStateException e) {
            throw new IllegalArgumentException("Clock model JSON is not an object: " + e.getMessage(), e);
        }
        List<ClockSegment> segments = new ArrayList<>();
        JsonElement segs = o.get("segments");
        if (segs == null || !segs.isJsonArray()) {
            throw new IllegalArgumentException("Clock model JSON: field 'segments' is missing or not an array");
        }
        int i = 0;
        for (JsonElement e : segs.getAsJsonArray()) {
            String where = "segments[" + i++ + "]";
            JsonObject s = object(e, where);
            segments.add(new ClockSegment(integer(s, "from_host_ns", where), integer(s, "from_device_ns", where),
                    integer(s, "ref_host_ns", where), integer(s, "offset_ns", where), number(s, "drift_ppm", where),
                    integer(s, "samples", where)));
        }
        JsonObject r = object(o.get("residuals"), "residuals");
        String at = "residuals";
        ResidualStats residuals = new ResidualStats(integer(r, "count", at), integer(r, "min_ns", at),
                integer(r, "p50_ns", at), integer(r, "p99_ns", at), integer(r, "max_ns", at));
        JsonElement id = o.get("clock_id");
        if (id == null || !id.isJsonPrimitive()) {
            throw new IllegalArgumentException("Clock model JSON: field 'clock_id' is missing");
        }
        return new ClockModel(id.getAsString(), segments, integer(o, "fixed_latency_ns", "model"), residuals);
    }

    private static JsonObject object(JsonElement e, String where) {
        if (e == null || !e.isJsonObject()) {
            throw new IllegalArgumentException("Clock model JSON: " + where + " is missing or not an object");
        }
        return e.getAsJsonObject();
    }

    private static long integer(JsonObject o, String field, String where) {
        try {
            return o.get(field).getAsLong();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Clock model JSON: " + where + "." + field + " is missing or not an"
                    + " integer", e);
        }
    }

    private static double number(JsonObject o, String field, String where) {
        try {
            return o.get(field).getAsDouble();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Clock model JSON: " + where + "." + field + " is missing or not a"
                    + " number", e);
        }
    }
}
