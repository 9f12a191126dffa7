package dev.demoforge.quality.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.service.component.annotations.Component;

import com.google.gson.FieldNamingPolicy;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import dev.demoforge.episode.api.RawEpisode;

/**
 * Per-task thresholds of the built-in checks. The workspace holding an episode ({@code <workspace>/episodes/<id>})
 * may contain {@value #FILE_NAME}: a JSON object whose keys are {@code "*"} (every task) or a task's exact text, each
 * mapping to a partial {@link TaskThresholds} in snake case, e.g.
 *
 * <pre>
 * {"*": {"hesitation": {"hesitation_s": 1.5}},
 *  "Pick up the cube and place it in the bin.": {"success": {"bin": {"x": 0.2, "y": 0.15, "half_x": 0.05,
 *                                                                      "half_y": 0.05, "z_max": 0.2}}}}
 * </pre>
 *
 * Values are merged over the embodiment's defaults ({@link TaskThresholds#defaults}), then {@code "*"}, then the
 * task's entry. The file is re-read when it changes. Thread-safe; blocking file I/O.
 */
@Component(service = ThresholdStore.class)
public final class ThresholdStore {

    static final String FILE_NAME = "quality-thresholds.json";
    static final Gson GSON = new GsonBuilder()
            .setFieldNamingPolicy(FieldNamingPolicy.LOWER_CASE_WITH_UNDERSCORES).serializeNulls().create();

    private record Cached(FileTime modified, JsonObject json) {
    }

    private final Map<Path, Cached> files = new ConcurrentHashMap<>();

    /** The thresholds for an episode's task and embodiment; a malformed file is an {@link IOException} naming it. */
    TaskThresholds forEpisode(RawEpisode episode) throws IOException {
        Path dir = episode.directory().toAbsolutePath();
        Path workspace = dir.getParent() == null ? null : dir.getParent().getParent();
        return forWorkspace(workspace, episode.manifest().robotType(), episode.manifest().task());
    }

    /** The thresholds of a task in a workspace (null: built-in defaults only). */
    TaskThresholds forWorkspace(Path workspace, String robotType, String task) throws IOException {
        JsonObject file = workspace == null ? new JsonObject() : read(workspace.resolve(FILE_NAME));
        try {
            return resolve(robotType, task, file);
        } catch (IllegalArgumentException e) {
            throw new IOException(workspace.resolve(FILE_NAME) + ": " + e.getMessage(), e);
        }
    }

    /** Merges the defaults of {@code robotType} with the file's {@code "*"} and {@code task} entries. */
    static TaskThresholds resolve(String robotType, String task, JsonObject file) {
        JsonObject merged = GSON.toJsonTree(TaskThresholds.defaults(robotType)).getAsJsonObject();
        merge(merged, file.get("*"));
        if (task != null) {
            merge(merged, file.get(task));
        }
        try {
            return GSON.fromJson(merged, TaskThresholds.class);
        } catch (JsonParseException | IllegalArgumentException e) {
            throw new IllegalArgumentException("Quality thresholds for task '" + task + "' are malformed: "
                    + e.getMessage(), e);
        }
    }

    private JsonObject read(Path path) throws IOException {
        if (!Files.isRegularFile(path)) {
            return new JsonObject();
        }
        FileTime modified = Files.getLastModifiedTime(path);
        Cached cached = files.get(path);
        if (cached != null && cached.modified().equals(modified)) {
            return cached.json();
        }
        try {
            JsonElement e = JsonParser.parseString(Files.readString(path));
            if (!e.isJsonObject()) {
                throw new IOException(path + " must hold a JSON object of task -> thresholds");
            }
            files.put(path, new Cached(modified, e.getAsJsonObject()));
            return e.getAsJsonObject();
        } catch (JsonParseException e) {
            throw new IOException(path + " is not valid JSON: " + e.getMessage(), e);
        }
    }

    /** Deep merge of {@code overlay} into {@code base}: objects merge key by key, anything else replaces. */
    private static void merge(JsonObject base, JsonElement overlay) {
        if (overlay == null || !overlay.isJsonObject()) {
            return;
        }
        for (Map.Entry<String, JsonElement> e : overlay.getAsJsonObject().entrySet()) {
            JsonElement old = base.get(e.getKey());
            if (old != null && old.isJsonObject() && e.getValue().isJsonObject()) {
                merge(old.getAsJsonObject(), e.getValue());
            } else {
                base.add(e.getKey(), e.getValue());
            }
        }
    }
}
