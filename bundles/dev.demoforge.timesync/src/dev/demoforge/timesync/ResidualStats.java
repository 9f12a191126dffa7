package dev.demoforge.timesync;

/**
 * How far samples arrived after the fitted clock line: {@code hostReceive - mapped(deviceTime)}, in ns. With a
 * one-sided transport delay these are the delays above the smallest one seen; small negative values only come
 * from outliers or a clock step that was not separated. Immutable.
 *
 * @param count samples the statistics cover
 * @param minNs smallest residual
 * @param p50Ns median
 * @param p99Ns 99th percentile
 * @param maxNs largest residual
 * @since 0.1
 */
public record ResidualStats(long count, long minNs, long p50Ns, long p99Ns, long maxNs) {

    /** No samples. */
    public static final ResidualStats EMPTY = new ResidualStats(0, 0, 0, 0, 0);

    /**
     * Statistics of the values; sorts the array in place.
     *
     * @param values residuals in ns; the first {@code count} are used
     */
    public static ResidualStats of(long[] values, int count) {
        if (count == 0) {
            return EMPTY;
        }
        java.util.Arrays.sort(values, 0, count);
        return new ResidualStats(count, values[0], quantile(values, count, 0.5), quantile(values, count, 0.99),
                values[count - 1]);
    }

    /** The q-quantile (nearest rank) of the first {@code count} values of a sorted array. */
    public static long quantile(long[] sorted, int count, double q) {
        int rank = (int) Math.ceil(q * count);
        return sorted[Math.max(0, Math.min(count - 1, rank - 1))];
    }
}
