package dev.demoforge.review.ui.internal;

import java.util.List;

/**
 * The episode queue's current order (after filtering and sorting), shared by the Episodes part (which sets it) and
 * the episode editor (which walks it with next / previous). Kept in the application's e4 context. Any thread.
 */
public final class ReviewQueue {

    private volatile List<String> ids = List.of();

    public void set(List<String> newIds) {
        ids = List.copyOf(newIds);
    }

    /** The episode after (step 1) or before (step −1) the given one, or null at the end or if it is not queued. */
    public String neighbour(String episodeId, int step) {
        List<String> now = ids;
        int i = now.indexOf(episodeId);
        int j = i + step;
        return i < 0 || j < 0 || j >= now.size() ? null : now.get(j);
    }
}
