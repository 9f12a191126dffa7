package dev.demoforge.capture;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The levels of every scene factor for one episode, in the task's factor order. Immutable.
 *
 * @param levels factor name → level
 * @since 0.1
 */
public record Scene(Map<String, String> levels) {

    public Scene {
        levels = Collections.unmodifiableMap(new LinkedHashMap<>(levels));
    }

    /** "region=A, distractors=1"; "(no factors)" for a task that varies nothing. */
    public String label() {
        return levels.isEmpty() ? "(no factors)"
                : levels.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    }
}
