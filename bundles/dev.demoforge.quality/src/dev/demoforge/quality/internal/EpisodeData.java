package dev.demoforge.quality.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import dev.demoforge.device.api.EventSample;
import dev.demoforge.device.api.StreamKind;
import dev.demoforge.device.api.VectorSample;
import dev.demoforge.episode.api.EpisodeManifest;
import dev.demoforge.episode.api.RawEpisode;
import dev.demoforge.episode.api.RecordedStream;

/**
 * The streams of an episode the motion checks need, read once: the arm's measured joints (the first JOINT_STATE
 * stream), the gripper (first GRIPPER), the wrist wrench (first WRENCH) and operator marks (EVENT streams named
 * {@value #MARK_STREAM}). Times are host receive times in seconds from the episode start. Immutable.
 *
 * @param robotType  the station's embodiment
 * @param task       the episode's task text
 * @param durationS  recorded duration, s
 * @param joints     joint positions (rad), empty without a joint stream
 * @param jointNames element names of the joint stream
 * @param gripper    gripper opening (0 closed .. 1 open), empty without a gripper stream
 * @param gripperCommand the commanded gripper opening (the {@value #GRIPPER_ELEMENT} element of the first ACTION
 *                   stream that has one, e.g. a leader arm), one column; empty without
 * @param wrench     fx fy fz (N) tx ty tz (N·m), empty without a wrench stream
 * @param marks      operator success / failure marks in time order
 */
record EpisodeData(String robotType, String task, double durationS, TimeSeries joints, List<String> jointNames,
        TimeSeries gripper, TimeSeries gripperCommand, TimeSeries wrench, List<Mark> marks) {

    /** Element name of the gripper in an ACTION stream. */
    static final String GRIPPER_ELEMENT = "gripper.pos";

    /** Name of an event stream whose events are operator marks ("success" / "failure"). */
    static final String MARK_STREAM = "mark";

    /**
     * An operator's judgement of the episode.
     *
     * @param t       when it was given, s from the episode start
     * @param success true for success, false for failure
     * @param text    the event's text
     */
    record Mark(double t, boolean success, String text) {
    }

    EpisodeData {
        jointNames = List.copyOf(jointNames);
        marks = List.copyOf(marks);
    }

    static EpisodeData load(RawEpisode episode) throws IOException {
        EpisodeManifest m = episode.manifest();
        RecordedStream joints = first(m, StreamKind.JOINT_STATE);
        RecordedStream gripper = first(m, StreamKind.GRIPPER);
        RecordedStream wrench = first(m, StreamKind.WRENCH);
        RecordedStream action = m.streams().stream().filter(s -> s.spec().kind() == StreamKind.ACTION
                && s.spec().elementNames().contains(GRIPPER_ELEMENT)).findFirst().orElse(null);
        int commandIndex = action == null ? -1 : action.spec().elementNames().indexOf(GRIPPER_ELEMENT);
        Set<String> markTopics = new HashSet<>();
        for (RecordedStream s : m.streams()) {
            if (s.spec().kind() == StreamKind.EVENT && s.spec().name().equals(MARK_STREAM)) {
                markTopics.add(s.topic());
            }
        }
        Map<String, TimeSeries.Builder> builders = new HashMap<>();
        for (RecordedStream s : new RecordedStream[] {joints, gripper, wrench, action}) {
            if (s != null) {
                builders.put(s.topic(), new TimeSeries.Builder());
            }
        }
        Set<String> topics = new HashSet<>(builders.keySet());
        topics.addAll(markTopics);
        List<Mark> marks = new ArrayList<>();
        long start = m.startHostNanos();
        double[] last = {0};
        episode.read(topics, (topic, sample) -> {
            double t = (sample.hostNanos() - start) * 1e-9;
            last[0] = Math.max(last[0], t);
            if (sample instanceof VectorSample v && builders.containsKey(topic)) {
                boolean command = action != null && topic.equals(action.topic());
                builders.get(topic).add(t, command ? new double[] {v.values()[commandIndex]} : v.values());
            } else if (sample instanceof EventSample e && markTopics.contains(topic)) {
                Boolean success = parseMark(e.text());
                if (success != null) {
                    marks.add(new Mark(t, success, e.text()));
                }
            }
        });
        marks.sort((a, b) -> Double.compare(a.t(), b.t()));
        double duration = m.summary() != null ? m.summary().durationSeconds() : last[0];
        return new EpisodeData(m.robotType(), m.task(), duration, series(builders, joints),
                joints == null ? List.of() : joints.spec().elementNames(), series(builders, gripper),
                series(builders, action), series(builders, wrench), marks);
    }

    private static RecordedStream first(EpisodeManifest m, StreamKind kind) {
        return m.streams().stream().filter(s -> s.spec().kind() == kind).findFirst().orElse(null);
    }

    private static TimeSeries series(Map<String, TimeSeries.Builder> builders, RecordedStream s) {
        return s == null ? TimeSeries.EMPTY : builders.get(s.topic()).build();
    }

    /**
     * Reads a mark: the text {@code success} or {@code failure} (also {@code fail}, {@code failed}), or a JSON
     * object with {@code "mark": "success"|"failure"} or {@code "success": true|false}. Null for anything else.
     */
    static Boolean parseMark(String text) {
        String s = text == null ? "" : text.strip();
        if (s.startsWith("{")) {
            try {
                JsonObject o = JsonParser.parseString(s).getAsJsonObject();
                JsonElement success = o.get("success");
                if (success != null && success.isJsonPrimitive() && success.getAsJsonPrimitive().isBoolean()) {
                    return success.getAsBoolean();
                }
                JsonElement mark = o.get("mark");
                s = mark != null && mark.isJsonPrimitive() ? mark.getAsString() : "";
            } catch (JsonParseException | IllegalStateException e) {
                return null;
            }
        }
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "success", "succeeded" -> Boolean.TRUE;
            case "failure", "fail", "failed" -> Boolean.FALSE;
            default -> null;
        };
    }
}
