package dev.demoforge.quality.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * A time range in seconds from the episode start, and the search for runs of grid samples where a condition holds.
 *
 * @param start first instant, s
 * @param end   last instant, s
 */
record Span(double start, double end) {

    double duration() {
        return end - start;
    }

    /**
     * Runs of consecutive grid samples where {@code condition} holds, merged across interruptions shorter than
     * {@code bridgeS}, kept when at least {@code minDurationS} long. Each run spans from its first sample's time to
     * its last sample's time plus one step.
     */
    static List<Span> runs(Grid grid, IntPredicate condition, double minDurationS, double bridgeS) {
        List<Span> raw = new ArrayList<>();
        int n = grid.size();
        int i = 0;
        while (i < n) {
            if (!condition.test(i)) {
                i++;
                continue;
            }
            int j = i;
            while (j < n && condition.test(j)) {
                j++;
            }
            raw.add(new Span(grid.time(i), grid.time(j - 1) + grid.dt()));
            i = j;
        }
        List<Span> merged = new ArrayList<>();
        for (Span s : raw) {
            Span prev = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (prev != null && s.start() - prev.end() < bridgeS) {
                merged.set(merged.size() - 1, new Span(prev.start(), s.end()));
            } else {
                merged.add(s);
            }
        }
        merged.removeIf(s -> s.duration() < minDurationS - 1e-9);
        return merged;
    }

    /** Whether the two ranges overlap. */
    boolean overlaps(Span other) {
        return start < other.end && other.start < end;
    }
}
