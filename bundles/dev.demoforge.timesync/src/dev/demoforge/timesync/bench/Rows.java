package dev.demoforge.timesync.bench;

import dev.demoforge.timesync.bench.SyncBenchmark.Stats;

/**
 * Dataset rows built two ways, and what each row's value of a stream really shows. Row error: true instant of the
 * value minus the row's time stamp. Skew: true instant of the value minus that of the reference camera's frame in
 * the same row.
 */
final class Rows {

    /** Row errors and skews of one stream. */
    record Figures(Stats rowError, Stats skew) {
    }

    private Rows() {
    }

    /** Loop phases pooled: a loop's phase against a camera barely moves in a run, and decides its staleness. */
    static final int PHASES = 10;

    /**
     * LeRobot's loop: at every tick of a {@code loopHz} loop on the host clock, each stream's latest received
     * sample goes into a row stamped with the tick. The loop is run at {@value #PHASES} phases spread over one
     * period and the rows pooled, so the figures do not depend on where the loop happened to start.
     */
    static Figures naive(Times ref, Times s, long from, long to, double loopHz) {
        int perPhase = (int) ((to - from) * loopHz / 1e9) - 1;
        int rows = perPhase * PHASES;
        long[] err = new long[rows];
        long[] skew = new long[rows];
        int k = 0;
        for (int row = 0; row < rows; row++) {
            int r = row / PHASES;
            int phase = row % PHASES;
            long tick = from + Math.round((r + (double) phase / PHASES) * 1e9 / loopHz);
            int i = Times.lastAtOrBefore(s.host, s.n, tick);
            int j = Times.lastAtOrBefore(ref.host, ref.n, tick);
            if (i < 0 || j < 0) {
                continue;
            }
            err[k] = s.truth[i] - tick;
            skew[k++] = s.truth[i] - ref.truth[j];
        }
        return new Figures(Stats.of(err, k), Stats.of(skew, k));
    }

    /**
     * DemoForge's alignment: a row per reference frame, stamped with its estimated capture instant; a vector stream
     * interpolated linearly between its samples' estimated capture instants, another camera's nearest frame.
     *
     * @param method "reference", "linear" or "nearest"
     */
    static Figures synced(Times ref, Times s, String method, long from, long to) {
        long[] err = new long[ref.n];
        long[] skew = new long[ref.n];
        int k = 0;
        for (int r = 0; r < ref.n; r++) {
            long row = ref.episode[r];
            if (row < from || row > to) {
                continue;
            }
            long shown;
            if (method.equals("reference")) {
                shown = ref.truth[r];
            } else {
                int i = Times.lastAtOrBefore(s.episode, s.n, row);
                if (i < 0 || i + 1 >= s.n) {
                    continue;
                }
                if (method.equals("nearest")) {
                    shown = row - s.episode[i] <= s.episode[i + 1] - row ? s.truth[i] : s.truth[i + 1];
                } else {
                    double w = (double) (row - s.episode[i]) / (s.episode[i + 1] - s.episode[i]);
                    shown = s.truth[i] + Math.round(w * (s.truth[i + 1] - s.truth[i]));
                }
            }
            err[k] = shown - row;
            skew[k++] = shown - ref.truth[r];
        }
        return new Figures(Stats.of(err, k), Stats.of(skew, k));
    }
}
