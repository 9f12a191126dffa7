package dev.demoforge.catalog.api.tasks;

import java.util.List;

/**
 * A task as the operator records it.
 *
 * @param id                 catalog id (a UUID; null before the task is first stored)
 * @param name               short unique name shown in lists
 * @param instruction        the instruction text; becomes each episode's task, i.e. the dataset's language
 *                           instruction
 * @param successCheck       id of the quality check that decides success (e.g. {@code success}), or empty
 * @param successParams      that check's parameters as a JSON object (thresholds), or {@code {}}
 * @param timeLimitSeconds   an episode stops by itself after this long; 0 = no limit
 * @param resetSeconds       time the operator gets to reset the scene between episodes, seconds
 * @param targetEpisodes     kept episodes (marked success or failure) the session aims for, at least 1
 * @param factors            scene factors to vary, in prompt order
 * @param seed               seed of the scene plan's tie-break (same seed, same order of scenes)
 * @since 0.1
 */
public record TaskSpec(String id, String name, String instruction, String successCheck, String successParams,
        double timeLimitSeconds, double resetSeconds, int targetEpisodes, List<SceneFactor> factors, long seed) {

    public TaskSpec {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A task needs a name");
        }
        if (instruction == null || instruction.isBlank()) {
            throw new IllegalArgumentException("Task '" + name + "' needs an instruction");
        }
        if (targetEpisodes < 1) {
            throw new IllegalArgumentException("Task '" + name + "': target episodes must be at least 1, not "
                    + targetEpisodes);
        }
        if (timeLimitSeconds < 0 || resetSeconds < 0) {
            throw new IllegalArgumentException("Task '" + name + "': time limit and reset time must not be negative");
        }
        factors = List.copyOf(factors);
        if (factors.stream().map(SceneFactor::name).distinct().count() != factors.size()) {
            throw new IllegalArgumentException("Task '" + name + "' names a scene factor twice");
        }
        successCheck = successCheck == null ? "" : successCheck;
        successParams = successParams == null || successParams.isBlank() ? "{}" : successParams;
    }

    /** This task with a catalog id. */
    public TaskSpec withId(String newId) {
        return new TaskSpec(newId, name, instruction, successCheck, successParams, timeLimitSeconds, resetSeconds,
                targetEpisodes, factors, seed);
    }
}
