package dev.demoforge.catalog.api;

import java.time.Instant;

/**
 * A reviewer's label on a span of an episode.
 *
 * @param id           catalog id
 * @param episodeId    episode
 * @param startSeconds start, in seconds from the episode start on the host time base (as check reasons)
 * @param endSeconds   end, same time base, ≥ start
 * @param kind         subtask label or language instruction
 * @param text         the label or instruction
 * @param reviewer     who added it
 * @param createdAt    when (wall clock)
 * @since 0.1
 */
public record Annotation(long id, String episodeId, double startSeconds, double endSeconds, AnnotationKind kind,
        String text, String reviewer, Instant createdAt) {
}
