package dev.demoforge.catalog.api;

import java.time.Instant;

/**
 * A stored review decision.
 *
 * @param episodeId episode
 * @param state     the decision
 * @param reason    why it was rejected, or null
 * @param note      free text, may be empty
 * @param reviewer  who decided
 * @param decidedAt when (wall clock)
 * @param undoneAt  when it was undone, or null
 * @since 0.1
 */
public record DecisionRecord(String episodeId, ReviewState state, RejectReason reason, String note, String reviewer,
        Instant decidedAt, Instant undoneAt) {
}
