package dev.demoforge.catalog.api;

import java.time.Instant;

/**
 * One entry of the review log: a decision, flag, trim or annotation, who made it and when, and whether it was
 * undone. Undoing keeps the entry (with {@code undoneAt}/{@code undoneBy}) so the history stays complete.
 *
 * @param id        catalog id, increasing in the order actions were taken
 * @param episodeId episode
 * @param kind      what was done
 * @param summary   what was done, for people ("REJECTED (jerky)", "trim start 1.20 s")
 * @param reviewer  who did it
 * @param at        when (wall clock)
 * @param undoneAt  when it was undone, or null
 * @param undoneBy  who undid it, or null
 * @since 0.1
 */
public record ReviewAction(long id, String episodeId, Kind kind, String summary, String reviewer, Instant at,
        Instant undoneAt, String undoneBy) {

    /** What a review action did. */
    public enum Kind { DECISION, FLAG, TRIM_START, TRIM_END, ANNOTATION }

    public boolean undone() {
        return undoneAt != null;
    }
}
