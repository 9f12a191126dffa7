package dev.demoforge.quality.internal;

/**
 * Channels sampled on a uniform time grid: sample {@code i} is at {@code t0 + i * dt} seconds from the episode
 * start. Column-major ({@code channels[c][i]}). The arrays are not copied.
 *
 * @param t0       time of the first sample, s from the episode start
 * @param dt       sample spacing, s
 * @param channels one array per channel, all of the same length
 */
record Grid(double t0, double dt, double[][] channels) {

    int size() {
        return channels.length == 0 ? 0 : channels[0].length;
    }

    double rate() {
        return 1 / dt;
    }

    double time(int i) {
        return t0 + i * dt;
    }

    /** Index of the sample nearest to {@code time}, clamped to the grid. */
    int index(double time) {
        return (int) Math.max(0, Math.min(size() - 1, Math.round((time - t0) / dt)));
    }

    /** The same grid with other channels. */
    Grid with(double[][] newChannels) {
        return new Grid(t0, dt, newChannels);
    }
}
