package dev.demoforge.dataset.internal;

import java.util.Optional;

import dev.demoforge.catalog.api.ReviewLog;
import dev.demoforge.catalog.api.Trim;

/**
 * The review trim ({@link ReviewLog#trim}) as the default trim of an episode in a dataset: a plain export and a
 * saved dataset's query keep only the span the reviewer kept; a dataset's own trim edit overrides it. Same time base
 * as {@link dev.demoforge.dataset.SelectedEpisode}: seconds after the recording's start on the host clock.
 * Blocking (one catalog query); thread-safe.
 */
final class ReviewTrims {

    private ReviewTrims() {
    }

    /** The episode's review trim, or empty without one or without a review log ({@code log} may be null). */
    static Optional<Trim> of(ReviewLog log, String episodeId) {
        return log == null ? Optional.empty() : log.trim(episodeId);
    }
}
