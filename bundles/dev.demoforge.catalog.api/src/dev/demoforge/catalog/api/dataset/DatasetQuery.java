package dev.demoforge.catalog.api.dataset;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.demoforge.catalog.api.ReviewState;

/**
 * Which catalog episodes a dataset takes. Every field narrows the selection; an empty list, a null or an empty map
 * does not filter. Values inside one list are alternatives (OR). Only episodes whose recording finished or was
 * recovered are taken. Immutable.
 *
 * @param tasks        exact task texts
 * @param stations     station ids
 * @param operators    operator names
 * @param robotTypes   the robot type of the episode's station (as stored with the station)
 * @param recordedFrom earliest start (inclusive), or null
 * @param recordedTo   latest start (exclusive), or null
 * @param review       review states
 * @param worstVerdict the worst quality verdict allowed over all of an episode's checks: {@code "PASS"} (all
 *                     passed), {@code "WARN"} (none failed), or null; episodes without check results pass
 * @param minScores    per check id, the lowest score allowed; an episode without a result of that check is left out
 * @since 0.1
 */
public record DatasetQuery(List<String> tasks, List<String> stations, List<String> operators, List<String> robotTypes,
        Instant recordedFrom, Instant recordedTo, List<ReviewState> review, String worstVerdict,
        Map<String, Double> minScores) {

    /** Copies; sorts the score map by check id so that equal queries are equal. */
    public DatasetQuery {
        tasks = tasks == null ? List.of() : List.copyOf(tasks);
        stations = stations == null ? List.of() : List.copyOf(stations);
        operators = operators == null ? List.of() : List.copyOf(operators);
        robotTypes = robotTypes == null ? List.of() : List.copyOf(robotTypes);
        review = review == null ? List.of() : List.copyOf(review);
        if (worstVerdict != null && !List.of("PASS", "WARN").contains(worstVerdict)) {
            throw new IllegalArgumentException("worst verdict must be PASS or WARN, not '" + worstVerdict + "'");
        }
        minScores = minScores == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(minScores));
        if (recordedFrom != null && recordedTo != null && !recordedTo.isAfter(recordedFrom)) {
            throw new IllegalArgumentException("date range " + recordedFrom + " to " + recordedTo + " is empty");
        }
    }

    /** Every finished episode. */
    public static DatasetQuery all() {
        return new DatasetQuery(null, null, null, null, null, null, null, null, null);
    }

    /** Accepted episodes only. */
    public static DatasetQuery accepted() {
        return new DatasetQuery(null, null, null, null, null, null, List.of(ReviewState.ACCEPTED), null, null);
    }
}
