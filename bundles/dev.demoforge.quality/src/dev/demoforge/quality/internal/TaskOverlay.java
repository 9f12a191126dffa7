package dev.demoforge.quality.internal;

import java.util.Optional;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import dev.demoforge.catalog.api.tasks.TaskSpec;

/**
 * The thresholds a catalog task sets through its success criterion: {@code {"<successCheck>": <successParams>}},
 * the last and most specific overlay of {@link ThresholdStore}. Only the checks with thresholds
 * ({@link ThresholdStore#CHECKS_WITH_THRESHOLDS}) take parameters this way; the parameters of any other check
 * ({@code recording-health}, a third-party check) are not thresholds of the built-ins and are left to that check,
 * which can read the task from the catalog itself.
 */
final class TaskOverlay {

    private TaskOverlay() {
    }

    /**
     * The overlay of a task, or empty when there is no task, it names no check with thresholds, or its parameters
     * are {@code {}}.
     *
     * @throws IllegalArgumentException when the parameters are not a JSON object
     */
    static Optional<JsonObject> of(TaskSpec spec) {
        if (spec == null || !ThresholdStore.CHECKS_WITH_THRESHOLDS.contains(spec.successCheck())) {
            return Optional.empty();
        }
        JsonElement params;
        try {
            params = JsonParser.parseString(spec.successParams());
        } catch (JsonParseException e) {
            throw new IllegalArgumentException("success parameters are not valid JSON: " + e.getMessage(), e);
        }
        if (!params.isJsonObject()) {
            throw new IllegalArgumentException("success parameters must be a JSON object, not " + params);
        }
        if (params.getAsJsonObject().isEmpty()) {
            return Optional.empty();
        }
        JsonObject overlay = new JsonObject();
        overlay.add(spec.successCheck(), params);
        return Optional.of(overlay);
    }

    /** How an error in a task's parameters names its source. */
    static String describe(TaskSpec spec) {
        return "task '" + spec.name() + "' (success check '" + spec.successCheck() + "')";
    }
}
