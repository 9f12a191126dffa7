package dev.demoforge.dataset;

import dev.demoforge.catalog.api.EpisodeRecord;

/**
 * One episode of a resolved dataset. Immutable.
 *
 * @param episode      the catalog row (review state, directory, ...)
 * @param split        its split, or null when the dataset has no split rule
 * @param startSeconds trim start on the episode timeline (seconds after the recording's start), 0 if untrimmed
 * @param endSeconds   trim end on the same timeline, {@link Double#POSITIVE_INFINITY} if untrimmed
 * @param task         the task text the dataset uses instead of the recorded one, or null
 * @param origin       the dataset whose query or merge brought the episode in
 * @since 0.4
 */
public record PlannedEpisode(EpisodeRecord episode, String split, double startSeconds, double endSeconds, String task,
        String origin) {

    /** The task text exported: the override, else the recorded one. */
    public String effectiveTask() {
        return task != null ? task : episode.task();
    }

    /** Whether a trim limits the rows. */
    public boolean trimmed() {
        return startSeconds > 0 || !Double.isInfinite(endSeconds);
    }

    /** This episode in another split. */
    public PlannedEpisode withSplit(String newSplit) {
        return new PlannedEpisode(episode, newSplit, startSeconds, endSeconds, task, origin);
    }
}
