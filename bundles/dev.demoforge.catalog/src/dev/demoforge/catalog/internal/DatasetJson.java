package dev.demoforge.catalog.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import dev.demoforge.catalog.api.ReviewState;
import dev.demoforge.catalog.api.dataset.DatasetQuery;
import dev.demoforge.catalog.api.dataset.SplitRule;

/** How the catalog stores a dataset's query, split rule and options: JSON objects with snake-case keys. */
final class DatasetJson {

    private DatasetJson() {
    }

    static String query(DatasetQuery q) {
        JsonObject o = new JsonObject();
        o.add("tasks", strings(q.tasks()));
        o.add("stations", strings(q.stations()));
        o.add("operators", strings(q.operators()));
        o.add("robot_types", strings(q.robotTypes()));
        o.addProperty("recorded_from", q.recordedFrom() == null ? null : q.recordedFrom().toString());
        o.addProperty("recorded_to", q.recordedTo() == null ? null : q.recordedTo().toString());
        o.add("review", strings(q.review().stream().map(ReviewState::name).toList()));
        o.addProperty("worst_verdict", q.worstVerdict());
        JsonObject scores = new JsonObject();
        q.minScores().forEach(scores::addProperty);
        o.add("min_scores", scores);
        return o.toString();
    }

    static DatasetQuery query(String json) {
        JsonObject o = JsonParser.parseString(json).getAsJsonObject();
        Map<String, Double> scores = new LinkedHashMap<>();
        o.getAsJsonObject("min_scores").entrySet().forEach(e -> scores.put(e.getKey(), e.getValue().getAsDouble()));
        return new DatasetQuery(strings(o, "tasks"), strings(o, "stations"), strings(o, "operators"),
                strings(o, "robot_types"), instant(o, "recorded_from"), instant(o, "recorded_to"),
                strings(o, "review").stream().map(ReviewState::valueOf).toList(), text(o, "worst_verdict"), scores);
    }

    static String split(SplitRule r) {
        JsonObject o = new JsonObject();
        JsonArray shares = new JsonArray();
        for (SplitRule.Share s : r.shares()) {
            JsonObject j = new JsonObject();
            j.addProperty("split", s.split());
            j.addProperty("ratio", s.ratio());
            shares.add(j);
        }
        o.add("shares", shares);
        o.addProperty("seed", r.seed());
        o.addProperty("stratify", r.stratify().name());
        return o.toString();
    }

    static SplitRule split(String json) {
        JsonObject o = JsonParser.parseString(json).getAsJsonObject();
        List<SplitRule.Share> shares = new ArrayList<>();
        for (JsonElement e : o.getAsJsonArray("shares")) {
            JsonObject j = e.getAsJsonObject();
            shares.add(new SplitRule.Share(j.get("split").getAsString(), j.get("ratio").getAsDouble()));
        }
        return new SplitRule(shares, o.get("seed").getAsLong(), SplitRule.Stratify.valueOf(o.get("stratify")
                .getAsString()));
    }

    static String options(Map<String, String> options) {
        JsonObject o = new JsonObject();
        options.forEach(o::addProperty);
        return o.toString();
    }

    static Map<String, String> options(String json) {
        Map<String, String> out = new LinkedHashMap<>();
        JsonParser.parseString(json).getAsJsonObject().entrySet()
                .forEach(e -> out.put(e.getKey(), e.getValue().getAsString()));
        return out;
    }

    private static JsonArray strings(List<String> values) {
        JsonArray a = new JsonArray();
        values.forEach(a::add);
        return a;
    }

    private static List<String> strings(JsonObject o, String key) {
        List<String> out = new ArrayList<>();
        o.getAsJsonArray(key).forEach(e -> out.add(e.getAsString()));
        return out;
    }

    private static String text(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e == null || e.isJsonNull() ? null : e.getAsString();
    }

    private static Instant instant(JsonObject o, String key) {
        String t = text(o, key);
        return t == null ? null : Instant.parse(t);
    }
}
