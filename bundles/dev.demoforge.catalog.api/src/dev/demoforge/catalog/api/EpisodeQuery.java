package dev.demoforge.catalog.api;

import java.util.List;

/**
 * Which episodes to list; null / empty fields do not filter. Results are ordered by start time.
 *
 * @param ids       only these ids
 * @param task      exact task text
 * @param stationId station
 * @param review    review state
 * @since 0.1
 */
public record EpisodeQuery(List<String> ids, String task, String stationId, ReviewState review) {

    public static EpisodeQuery all() {
        return new EpisodeQuery(List.of(), null, null, null);
    }

    public static EpisodeQuery ids(List<String> ids) {
        return new EpisodeQuery(ids, null, null, null);
    }

    public static EpisodeQuery review(ReviewState state) {
        return new EpisodeQuery(List.of(), null, null, state);
    }
}
