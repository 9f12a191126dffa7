package dev.demoforge.test.support;

import java.util.Arrays;

/**
 * Distribution figures of a set of durations (round trips, inter-arrival gaps, latencies) for benchmark output, in
 * microseconds. Percentiles are taken from the sorted values without interpolation (p50 is element n/2). Immutable.
 *
 * @param p50Micros  median, µs
 * @param p90Micros  90th percentile, µs
 * @param p99Micros  99th percentile, µs
 * @param maxMicros  largest value, µs
 * @param meanMicros mean, µs
 * @param sdMicros   population standard deviation, µs
 * @param count      how many values
 * @since 0.2
 */
public record LatencyFigures(double p50Micros, double p90Micros, double p99Micros, double maxMicros,
        double meanMicros, double sdMicros, int count) {

    /**
     * Figures of durations in nanoseconds (the array is not changed).
     *
     * @throws IllegalArgumentException when there are no values
     */
    public static LatencyFigures ofNanos(long[] nanos) {
        if (nanos.length == 0) {
            throw new IllegalArgumentException("no durations to summarise");
        }
        long[] s = nanos.clone();
        Arrays.sort(s);
        double mean = Arrays.stream(s).average().orElse(0);
        double sd = Math.sqrt(Arrays.stream(s).mapToDouble(v -> (v - mean) * (v - mean)).average().orElse(0));
        return new LatencyFigures(s[s.length / 2] / 1e3, s[s.length * 9 / 10] / 1e3, s[s.length * 99 / 100] / 1e3,
                s[s.length - 1] / 1e3, mean / 1e3, sd / 1e3, s.length);
    }

    /** "p50 41 us, p90 60 us, p99 120 us, max 900 us, mean 45 us, sd 20 us (n=5000)". */
    @Override
    public String toString() {
        return String.format("p50 %.0f us, p90 %.0f us, p99 %.0f us, max %.0f us, mean %.0f us, sd %.0f us (n=%d)",
                p50Micros, p90Micros, p99Micros, maxMicros, meanMicros, sdMicros, count);
    }
}
