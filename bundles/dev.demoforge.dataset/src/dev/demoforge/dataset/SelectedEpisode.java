package dev.demoforge.dataset;

import java.util.Objects;

import dev.demoforge.episode.api.RawEpisode;

/**
 * One raw episode as a dataset takes it, without touching the raw files: an optional trim, an optional task text
 * that replaces the recorded one, and the split it belongs to. Immutable.
 * <p>
 * Time base of the trim: seconds after the recording's start ({@code EpisodeManifest.startHostNanos}) on the host
 * monotonic clock; a row is kept when its capture time lies within {@code [startSeconds, endSeconds]}.
 *
 * @param raw          the raw episode
 * @param startSeconds first second kept, {@code >= 0} (0: from the start)
 * @param endSeconds   last second kept, {@code > startSeconds}; {@link Double#POSITIVE_INFINITY}: to the end
 * @param task         task text exported instead of the recorded one, or null to keep it
 * @param split        the split the episode belongs to, or null when the dataset declares no splits
 * @since 0.4
 */
public record SelectedEpisode(RawEpisode raw, double startSeconds, double endSeconds, String task, String split) {

    /** Validates. */
    public SelectedEpisode {
        Objects.requireNonNull(raw, "raw");
        if (!(startSeconds >= 0) || !(endSeconds > startSeconds)) {
            throw new IllegalArgumentException("Episode " + raw.manifest().episodeId() + ": trim " + startSeconds
                    + " s to " + endSeconds + " s is not a window (need 0 <= start < end)");
        }
    }

    /** The whole episode with its recorded task, in no split. */
    public SelectedEpisode(RawEpisode raw) {
        this(raw, 0, Double.POSITIVE_INFINITY, null, null);
    }

    /** Whether a trim limits the rows. */
    public boolean trimmed() {
        return startSeconds > 0 || !Double.isInfinite(endSeconds);
    }
}
