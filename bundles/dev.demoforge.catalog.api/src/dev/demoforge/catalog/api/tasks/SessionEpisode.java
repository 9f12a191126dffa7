package dev.demoforge.catalog.api.tasks;

import java.time.Instant;
import java.util.Map;

/**
 * One episode of a session as the session log knows it.
 *
 * @param episodeId episode id (as in the catalog's episode table)
 * @param sessionId its session
 * @param index     the episode's number in the session, 1-based; a re-recorded episode keeps its number
 * @param attempt   1 for the first recording of that number, 2 after one discard or interruption, ...
 * @param scene     factor name → level actually used, in the task's factor order
 * @param mark      the operator's mark, or null while unmarked (recording, or crashed before the mark)
 * @param markedAt  when the mark was set, or null
 * @since 0.1
 */
public record SessionEpisode(String episodeId, String sessionId, int index, int attempt, Map<String, String> scene,
        EpisodeMark mark, Instant markedAt) {

    public SessionEpisode {
        scene = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(scene));
    }

    /** Whether the episode counts towards the session's target (marked success or failure). */
    public boolean kept() {
        return mark == EpisodeMark.SUCCESS || mark == EpisodeMark.FAILURE;
    }
}
