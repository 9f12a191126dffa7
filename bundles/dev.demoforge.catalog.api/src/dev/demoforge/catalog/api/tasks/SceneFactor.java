package dev.demoforge.catalog.api.tasks;

import java.util.List;

/**
 * One thing in the scene that is varied between episodes (object set, placement region, lighting, surface,
 * distractors) and the levels it takes.
 *
 * @param name   factor name, unique within a task (e.g. {@code region})
 * @param prompt what to tell the operator, a {@link java.text.MessageFormat} pattern whose {@code {0}} is the level
 *               (e.g. {@code "move the cup to region {0}"}); empty means "set name to level"
 * @param levels the levels, at least one, in the order the editor lists them
 * @since 0.1
 */
public record SceneFactor(String name, String prompt, List<String> levels) {

    public SceneFactor {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A scene factor needs a name");
        }
        levels = List.copyOf(levels);
        if (levels.isEmpty()) {
            throw new IllegalArgumentException("Scene factor '" + name + "' has no levels");
        }
        if (levels.stream().distinct().count() != levels.size()) {
            throw new IllegalArgumentException("Scene factor '" + name + "' lists a level twice: " + levels);
        }
        prompt = prompt == null ? "" : prompt;
    }
}
