package dev.demoforge.dataset;

import java.util.List;
import java.util.Map;

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
 * @param clocks         the clock models used for this episode, one per device clock
 * @param streams        one entry per stream that makes up a dataset feature
 * @param clockSources   per clock id: {@code "recorded"} (stored with the raw episode when it was recorded or
 *                       recovered) or {@code "fitted"} (fitted on the episode at alignment: older episodes)
 * @param rowsTrimmedStart reference frames left out before the first row: captured before every other stream had
 *                       data (at most a second; see {@code docs/time-sync.md})
 * @param rowsTrimmedEnd reference frames left out after the last row: captured after some stream's last sample
 * @since 0.2
 */
public record AlignmentReport(String episodeId, int rows, String referenceTopic, long rowSpanNs,
        List<ClockModel> clocks, List<StreamAlignment> streams, Map<String, String> clockSources,
        int rowsTrimmedStart, int rowsTrimmedEnd) {

    public AlignmentReport {
        clocks = List.copyOf(clocks);
        streams = List.copyOf(streams);
        clockSources = Map.copyOf(clockSources);
    }

    /** A report of an episode whose clocks were fitted at alignment and whose edges were not trimmed. */
    public AlignmentReport(String episodeId, int rows, String referenceTopic, long rowSpanNs, List<ClockModel> clocks,
            List<StreamAlignment> streams) {
        this(episodeId, rows, referenceTopic, rowSpanNs, clocks, streams, Map.of(), 0, 0);
    }

    /** The entry of a topic. @throws IllegalArgumentException if the topic was not aligned */
    public StreamAlignment stream(String topic) {
        return streams.stream().filter(s -> s.topic().equals(topic)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No stream " + topic + " in the alignment of "
                        + episodeId));
    }

    /**
     * The report as one JSON object: {@code episode_id}, {@code rows}, {@code reference_topic}, {@code row_span_ns},
     * {@code rows_trimmed_start}, {@code rows_trimmed_end}, {@code clocks} (each as {@link ClockModel#toJson()} plus
     * {@code source}), {@code streams} (each with the fields of
     * {@link StreamAlignment} in snake case).
     */
    public String toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("episode_id", episodeId);
        o.addProperty("rows", rows);
        o.addProperty("reference_topic", referenceTopic);
        o.addProperty("row_span_ns", rowSpanNs);
        o.addProperty("rows_trimmed_start", rowsTrimmedStart);
        o.addProperty("rows_trimmed_end", rowsTrimmedEnd);
        JsonArray c = new JsonArray();
        for (ClockModel m : clocks) {
            JsonObject clock = JsonParser.parseString(m.toJson()).getAsJsonObject();
            clock.addProperty("source", clockSources.getOrDefault(m.clockId(), "fitted"));
            c.add(clock);
        }
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
