package dev.demoforge.dataset;

import java.util.List;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import dev.demoforge.timesync.ClockModel;

/**
 * How one episode was aligned onto the dataset timeline: the clock model of every device clock used, and per
 * stream the method, the time base, residuals, gaps, dropped and duplicated samples. Written beside every export as
 * {@code meta/demoforge_alignment.json}. Immutable.
 *
 * @param episodeId      the raw episode
 * @param rows           dataset rows (the reference camera's decodable frames)
 * @param referenceTopic the camera whose frames are the rows
 * @param rowSpanNs      capture time of the last row minus that of the first, ns
 * @param clocks         the clock models fitted on this episode, one per device clock
 * @param streams        one entry per stream that makes up a dataset feature
 * @since 0.2
 */
public record AlignmentReport(String episodeId, int rows, String referenceTopic, long rowSpanNs,
        List<ClockModel> clocks, List<StreamAlignment> streams) {

    public AlignmentReport {
        clocks = List.copyOf(clocks);
        streams = List.copyOf(streams);
    }

    /** The entry of a topic. @throws IllegalArgumentException if the topic was not aligned */
    public StreamAlignment stream(String topic) {
        return streams.stream().filter(s -> s.topic().equals(topic)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No stream " + topic + " in the alignment of "
                        + episodeId));
    }

    /**
     * The report as one JSON object: {@code episode_id}, {@code rows}, {@code reference_topic}, {@code row_span_ns},
     * {@code clocks} (each as {@link ClockModel#toJson()}), {@code streams} (each with the fields of
     * {@link StreamAlignment} in snake case).
     */
    public String toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("episode_id", episodeId);
        o.addProperty("rows", rows);
        o.addProperty("reference_topic", referenceTopic);
        o.addProperty("row_span_ns", rowSpanNs);
        JsonArray c = new JsonArray();
        clocks.forEach(m -> c.add(JsonParser.parseString(m.toJson())));
        o.add("clocks", c);
        JsonArray s = new JsonArray();
        for (StreamAlignment a : streams) {
            JsonObject j = new JsonObject();
            j.addProperty("topic", a.topic());
            j.addProperty("method", a.method().name().toLowerCase());
            j.addProperty("time_base", a.timeBase().name().toLowerCase());
            j.addProperty("clock_id", a.clockId());
            j.addProperty("samples", a.samples());
            j.addProperty("residual_p50_ns", a.residualP50Ns());
            j.addProperty("residual_p99_ns", a.residualP99Ns());
            j.addProperty("residual_max_ns", a.residualMaxNs());
            j.addProperty("tolerance_ns", a.toleranceNs());
            j.addProperty("rows_over_tolerance", a.rowsOverTolerance());
            j.addProperty("rows_outside", a.rowsOutside());
            j.addProperty("gaps", a.gaps());
            j.addProperty("longest_gap_ns", a.longestGapNs());
            j.addProperty("dropped", a.dropped());
            j.addProperty("duplicated", a.duplicated());
            j.addProperty("out_of_order", a.outOfOrder());
            j.addProperty("recorder_drops", a.recorderDrops());
            s.add(j);
        }
        o.add("streams", s);
        return o.toString();
    }
}
