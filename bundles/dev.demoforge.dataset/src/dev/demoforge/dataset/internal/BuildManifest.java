package dev.demoforge.dataset.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import dev.demoforge.catalog.api.ReviewState;
import dev.demoforge.catalog.api.dataset.DatasetEdit;
import dev.demoforge.catalog.api.dataset.DatasetQuery;
import dev.demoforge.catalog.api.dataset.SplitRule;
import dev.demoforge.dataset.DatasetBuilder;
import dev.demoforge.dataset.internal.ContentHashes.FileHash;

/**
 * The build manifest ({@value DatasetBuilder#MANIFEST}): {@code format} {@value #FORMAT}, {@code version} 1,
 * {@code dataset {name, version}}, {@code built_at}, {@code tool {bundles}}, {@code exporter {id, options}},
 * {@code query}, {@code split_rule}, {@code edits}, {@code splits {name: "from:to"}}, {@code episodes [{index, id,
 * split, recorded_task, task, trim {start_s, end_s} | null, files [{path, bytes, sha256}]}]}, {@code outputs [{path,
 * bytes, sha256}]} (every file of the dataset but the manifest), {@code rebuilt_from} (the SHA-256 of the manifest a
 * rebuild followed, or null).
 */
final class BuildManifest {

    static final String FORMAT = "demoforge.dataset-manifest";

    /** One episode as the manifest lists it; {@code endSeconds} is infinite without a trim end. */
    record Episode(int index, String id, String split, String recordedTask, String task, double startSeconds,
            double endSeconds, List<FileHash> files) {
    }

    /** A manifest read back. */
    record Parsed(String name, int version, String format, Map<String, String> options, List<Episode> episodes,
            List<FileHash> outputs, JsonObject json) {
    }

    private BuildManifest() {
    }

    static JsonObject query(DatasetQuery q) {
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
        return o;
    }

    static JsonObject splitRule(SplitRule r) {
        JsonObject o = new JsonObject();
        JsonObject shares = new JsonObject();
        r.shares().forEach(s -> shares.addProperty(s.split(), s.ratio()));
        o.add("shares", shares);
        o.addProperty("seed", r.seed());
        o.addProperty("stratify", r.stratify().name().toLowerCase());
        return o;
    }

    static JsonArray edits(List<DatasetEdit> edits) {
        JsonArray a = new JsonArray();
        for (DatasetEdit e : edits) {
            JsonObject o = new JsonObject();
            o.addProperty("kind", e.kind().name().toLowerCase());
            switch (e.kind()) {
                case DELETE -> o.addProperty("episode", e.episodeId());
                case TRIM -> {
                    o.addProperty("episode", e.episodeId());
                    o.addProperty("start_s", e.startSeconds());
                    o.addProperty("end_s", e.endSeconds());
                }
                case RELABEL -> {
                    o.addProperty("episode", e.episodeId());
                    o.addProperty("task", e.task());
                }
                case MERGE -> o.addProperty("dataset", e.otherDataset());
            }
            o.addProperty("made_at", e.madeAt() == null ? null : e.madeAt().toString());
            a.add(o);
        }
        return a;
    }

    static JsonArray episodes(List<Episode> episodes) {
        JsonArray a = new JsonArray();
        for (Episode e : episodes) {
            JsonObject o = new JsonObject();
            o.addProperty("index", e.index());
            o.addProperty("id", e.id());
            o.addProperty("split", e.split());
            o.addProperty("recorded_task", e.recordedTask());
            o.addProperty("task", e.task());
            if (e.startSeconds() > 0 || !Double.isInfinite(e.endSeconds())) {
                JsonObject trim = new JsonObject();
                trim.addProperty("start_s", e.startSeconds());
                trim.addProperty("end_s", Double.isInfinite(e.endSeconds()) ? null : e.endSeconds());
                o.add("trim", trim);
            } else {
                o.add("trim", null);
            }
            o.add("files", files(e.files()));
            a.add(o);
        }
        return a;
    }

    static JsonArray files(List<FileHash> files) {
        JsonArray a = new JsonArray();
        for (FileHash f : files) {
            JsonObject o = new JsonObject();
            o.addProperty("path", f.path());
            o.addProperty("bytes", f.bytes());
            o.addProperty("sha256", f.sha256());
            a.add(o);
        }
        return a;
    }

    /** Writes the manifest into the dataset directory; returns its SHA-256. */
    static String write(Path datasetDir, JsonObject manifest) throws IOException {
        byte[] bytes = (new GsonBuilder().setPrettyPrinting().serializeNulls().disableHtmlEscaping().create()
                .toJson(manifest) + "\n").getBytes(StandardCharsets.UTF_8);
        Path file = datasetDir.resolve(DatasetBuilder.MANIFEST);
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new IOException("The dataset in " + datasetDir + " was written, but its manifest "
                    + DatasetBuilder.MANIFEST + " could not be: " + e.getMessage(), e);
        }
        return ContentHashes.sha256(bytes);
    }

    static Parsed read(Path file) throws IOException {
        JsonObject o;
        try {
            o = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8)).getAsJsonObject();
        } catch (JsonParseException | IllegalStateException e) {
            throw new IOException("Manifest " + file + " is not a JSON object: " + e.getMessage(), e);
        }
        try {
            if (!FORMAT.equals(o.get("format").getAsString()) || o.get("version").getAsInt() != 1) {
                throw new IOException("Manifest " + file + ": format " + o.get("format") + " version "
                        + o.get("version") + " is not " + FORMAT + " version 1");
            }
            JsonObject dataset = o.getAsJsonObject("dataset");
            JsonObject exporter = o.getAsJsonObject("exporter");
            Map<String, String> options = new LinkedHashMap<>();
            exporter.getAsJsonObject("options").entrySet().forEach(e -> options.put(e.getKey(),
                    e.getValue().getAsString()));
            List<Episode> episodes = new ArrayList<>();
            for (JsonElement el : o.getAsJsonArray("episodes")) {
                JsonObject e = el.getAsJsonObject();
                JsonObject trim = e.get("trim").isJsonNull() ? null : e.getAsJsonObject("trim");
                double start = trim == null ? 0 : trim.get("start_s").getAsDouble();
                double end = trim == null || trim.get("end_s").isJsonNull() ? Double.POSITIVE_INFINITY
                        : trim.get("end_s").getAsDouble();
                episodes.add(new Episode(e.get("index").getAsInt(), e.get("id").getAsString(), text(e, "split"),
                        text(e, "recorded_task"), text(e, "task"), start, end, files(e.getAsJsonArray("files"))));
            }
            return new Parsed(dataset.get("name").getAsString(), dataset.get("version").getAsInt(),
                    exporter.get("id").getAsString(), options, episodes, files(o.getAsJsonArray("outputs")), o);
        } catch (NullPointerException | ClassCastException | IllegalStateException | UnsupportedOperationException e) {
            throw new IOException("Manifest " + file + " lacks a field or has one of the wrong type (" + e.getMessage()
                    + "); expected the layout of " + FORMAT + " version 1", e);
        }
    }

    private static List<FileHash> files(JsonArray a) {
        List<FileHash> out = new ArrayList<>();
        for (JsonElement el : a) {
            JsonObject f = el.getAsJsonObject();
            out.add(new FileHash(f.get("path").getAsString(), f.get("bytes").getAsLong(),
                    f.get("sha256").getAsString()));
        }
        return out;
    }

    private static String text(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e == null || e.isJsonNull() ? null : e.getAsString();
    }

    private static JsonArray strings(List<String> values) {
        JsonArray a = new JsonArray();
        values.forEach(a::add);
        return a;
    }
}
