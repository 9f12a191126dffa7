package dev.demoforge.catalog.api;

import java.time.Instant;
import java.util.List;

/**
 * One operator's shift (see {@link OperatorShifts} for how shifts, passes and the fatigue rule are defined).
 *
 * @param operator         operator
 * @param start            first episode's start (wall clock)
 * @param end              last episode's end
 * @param episodes         every finished or recovered episode of the shift, by start
 * @param episodesPerHour  episodes / shift length in hours (at least one minute)
 * @param passRate         passed / episodes, 0…1
 * @param meanSmoothness   mean smoothness (SPARC) of the episodes that have one, NaN if none
 * @param hours            the shift hour by hour
 * @param fatigue          why quality dropped in a way that suggests fatigue, or empty
 * @since 0.1
 */
public record OperatorShift(String operator, Instant start, Instant end, List<ShiftEpisode> episodes,
        double episodesPerHour, double passRate, double meanSmoothness, List<ShiftHour> hours, String fatigue) {

    public OperatorShift {
        episodes = List.copyOf(episodes);
        hours = List.copyOf(hours);
    }

    public boolean fatigued() {
        return !fatigue.isEmpty();
    }

    /**
     * One episode of a shift.
     *
     * @param episodeId  episode
     * @param hoursIn    its start, in hours since the shift's start
     * @param passed     no failed check, not rejected
     * @param smoothness the smoothness check's score, NaN if none
     */
    public record ShiftEpisode(String episodeId, double hoursIn, boolean passed, double smoothness) {
    }

    /**
     * Hour {@code index} of the shift ([index, index + 1) h after its start).
     *
     * @param index          hour number from 0
     * @param episodes       episodes started in it
     * @param passRate       their pass rate, NaN if none
     * @param meanSmoothness their mean smoothness, NaN if none has one
     */
    public record ShiftHour(int index, int episodes, double passRate, double meanSmoothness) {
    }
}
