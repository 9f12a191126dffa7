package dev.demoforge.quality.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import com.google.gson.FieldNamingPolicy;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import dev.demoforge.catalog.api.CatalogException;
import dev.demoforge.catalog.api.tasks.SessionLog;
import dev.demoforge.catalog.api.tasks.TaskCatalog;
import dev.demoforge.catalog.api.tasks.TaskSpec;
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
 * task's entry, then, for an episode recorded in a capture session of a catalog task, the task specification's
 * {@code successParams} as the entry of its {@code successCheck} ({@link TaskOverlay}): the task specification is the
 * most specific. A key the thresholds do not know is an error naming it. The file is re-read when it changes; the
 * catalog is optional (without it, or for an episode outside a task session, only the file applies). Thread-safe;
 * blocking file I/O and catalog transactions.
 */
@Component(service = ThresholdStore.class)
public final class ThresholdStore {

    static final String FILE_NAME = "quality-thresholds.json";
    static final Gson GSON = new GsonBuilder()
            .setFieldNamingPolicy(FieldNamingPolicy.LOWER_CASE_WITH_UNDERSCORES).serializeNulls().create();
    /** Every key the thresholds know: the simulated station's defaults have every optional part filled in. */
    private static final JsonObject KNOWN = GSON.toJsonTree(TaskThresholds.defaults(TaskThresholds.SIM_ROBOT))
            .getAsJsonObject();
    /** Check ids whose thresholds a task's success parameters may set: the sections of {@link TaskThresholds}. */
    static final Set<String> CHECKS_WITH_THRESHOLDS = Set.of(SuccessCheck.ID, SmoothnessCheck.ID, HesitationCheck.ID,
            SafetyCheck.ID);

    private record Cached(FileTime modified, JsonObject json) {
    }

    private final Map<Path, Cached> files = new ConcurrentHashMap<>();

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile SessionLog sessions;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile TaskCatalog tasks;

    /**
     * The thresholds for an episode's task and embodiment; a malformed file is an {@link IOException} naming it, a
     * task specification's unknown parameter one naming the task, the check and the key.
     */
    TaskThresholds forEpisode(RawEpisode episode) throws IOException {
        if (episode instanceof CachedEpisode cached) {
            if (cached.thresholds() == null) {
                cached.keepThresholds(resolveFor(episode));
            }
            return cached.thresholds();
        }
        return resolveFor(episode);
    }

    /** Reads the file (if changed) and the episode's task; a failure is not kept, so each check reports it. */
    private TaskThresholds resolveFor(RawEpisode episode) throws IOException {
        Path dir = episode.directory().toAbsolutePath();
        Path workspace = dir.getParent() == null ? null : dir.getParent().getParent();
        TaskSpec spec = taskOf(episode.manifest().sessionId()).orElse(null);
        return forWorkspace(workspace, episode.manifest().robotType(), episode.manifest().task(), spec);
    }

    /** The thresholds of a task in a workspace (null: built-in defaults only), without a task specification. */
    TaskThresholds forWorkspace(Path workspace, String robotType, String task) throws IOException {
        return forWorkspace(workspace, robotType, task, null);
    }

    /** The thresholds of a task in a workspace (null: no file), overlaid by {@code spec}'s parameters (or null). */
    TaskThresholds forWorkspace(Path workspace, String robotType, String task, TaskSpec spec) throws IOException {
        JsonObject file = workspace == null ? new JsonObject() : read(workspace.resolve(FILE_NAME));
        JsonObject merged;
        try {
            merged = fromFile(robotType, task, file);
        } catch (IllegalArgumentException e) {
            throw new IOException(workspace.resolve(FILE_NAME) + ": " + e.getMessage(), e);
        }
        try {
            TaskOverlay.of(spec).ifPresent(overlay -> merge(merged, overlay, ""));
            return GSON.fromJson(merged, TaskThresholds.class);
        } catch (JsonParseException | IllegalArgumentException e) {
            throw new IOException((spec == null ? "" : TaskOverlay.describe(spec) + ": ") + e.getMessage(), e);
        }
    }

    /** Merges the defaults of {@code robotType} with the file's {@code "*"} and {@code task} entries. */
    static TaskThresholds resolve(String robotType, String task, JsonObject file) {
        JsonObject merged = fromFile(robotType, task, file);
        try {
            return GSON.fromJson(merged, TaskThresholds.class);
        } catch (JsonParseException | IllegalArgumentException e) {
            throw new IllegalArgumentException("Quality thresholds for task '" + task + "' are malformed: "
                    + e.getMessage(), e);
        }
    }

    private static JsonObject fromFile(String robotType, String task, JsonObject file) {
        JsonObject merged = GSON.toJsonTree(TaskThresholds.defaults(robotType)).getAsJsonObject();
        mergeEntry(merged, file, "*");
        if (task != null) {
            mergeEntry(merged, file, task);
        }
        try {
            GSON.fromJson(merged, TaskThresholds.class);
        } catch (JsonParseException | IllegalArgumentException e) {
            throw new IllegalArgumentException("Quality thresholds for task '" + task + "' are malformed: "
                    + e.getMessage(), e);
        }
        return merged;
    }

    private static void mergeEntry(JsonObject merged, JsonObject file, String key) {
        JsonElement entry = file.get(key);
        if (entry == null) {
            return;
        }
        if (!entry.isJsonObject()) {
            throw new IllegalArgumentException("entry '" + key + "' must be a JSON object of check -> thresholds");
        }
        try {
            merge(merged, entry.getAsJsonObject(), "");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("entry '" + key + "': " + e.getMessage(), e);
        }
    }

    /** The catalog task of a capture session, when the session and the catalog are known. */
    private Optional<TaskSpec> taskOf(String sessionId) throws IOException {
        SessionLog log = sessions;
        TaskCatalog catalog = tasks;
        if (sessionId == null || log == null || catalog == null) {
            return Optional.empty();
        }
        try {
            return log.session(sessionId).flatMap(s -> s.taskId() == null ? Optional.empty()
                    : catalog.task(s.taskId()));
        } catch (CatalogException e) {
            throw new IOException("Cannot read the task of capture session " + sessionId + " from the catalog: "
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

    /**
     * Deep merge of {@code overlay} into {@code base}: objects merge key by key, anything else replaces. A key the
     * thresholds do not know ({@link #KNOWN}) is an {@link IllegalArgumentException} naming its dotted path.
     */
    private static void merge(JsonObject base, JsonObject overlay, String path) {
        JsonObject known = known(path);
        for (Map.Entry<String, JsonElement> e : overlay.entrySet()) {
            String key = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
            if (known != null && !known.has(e.getKey())) {
                throw new IllegalArgumentException("unknown threshold '" + key + "' (known: "
                        + String.join(", ", known.keySet()) + ")");
            }
            JsonElement old = base.get(e.getKey());
            if (e.getValue().isJsonObject() && (old == null || old.isJsonNull())) {
                JsonObject fresh = new JsonObject();
                merge(fresh, e.getValue().getAsJsonObject(), key);
                base.add(e.getKey(), fresh);
            } else if (old != null && old.isJsonObject() && e.getValue().isJsonObject()) {
                merge(old.getAsJsonObject(), e.getValue().getAsJsonObject(), key);
            } else {
                base.add(e.getKey(), e.getValue());
            }
        }
    }

    /** The known keys at a dotted path, or null where any key goes (not an object of the thresholds). */
    private static JsonObject known(String path) {
        JsonObject node = KNOWN;
        if (path.isEmpty()) {
            return node;
        }
        for (String part : path.split("\\.")) {
            JsonElement child = node.get(part);
            if (child == null || !child.isJsonObject()) {
                return null;
            }
            node = child.getAsJsonObject();
        }
        return node;
    }
}
