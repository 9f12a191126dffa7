package dev.demoforge.dataset.internal;

import java.util.Arrays;

import dev.demoforge.dataset.StreamAlignment;
import dev.demoforge.dataset.StreamAlignment.Method;
import dev.demoforge.dataset.StreamAlignment.TimeBase;

/** Computes one stream's {@link StreamAlignment} from its capture times and the dataset rows. */
final class StreamReport {

    private final String topic;
    private final TimeBase timeBase;
    private final String clockId;
    private final double rateHz;
    private final long outOfOrder;
    private final long recorderDrops;

    StreamReport(String topic, String clockId, double rateHz, long outOfOrder, long recorderDrops) {
        this.topic = topic;
        this.timeBase = clockId == null ? TimeBase.HOST_RECEIVE : TimeBase.DEVICE_CLOCK;
        this.clockId = clockId;
        this.rateHz = rateHz;
        this.outOfOrder = outOfOrder;
        this.recorderDrops = recorderDrops;
    }

    private long period() {
        return Math.round(1e9 / rateHz);
    }

    /**
     * The stream whose frames are the rows; frames recorded past the last decodable one count as dropped, frames
     * trimmed at the edges do not.
     */
    StreamAlignment reference(TimeSeries frames, int decodable, int rows) {
        return build(Method.REFERENCE, frames, new long[rows], 0, period(), 0, Math.max(0, frames.size() - decodable),
                0);
    }

    /** A camera shown by its nearest frame: {@code frameOfRow} (non-decreasing). */
    StreamAlignment nearest(TimeSeries frames, long[] rowTimes, int[] frameOfRow) {
        long[] residual = new long[rowTimes.length];
        long duplicated = 0;
        long outside = 0;
        for (int r = 0; r < rowTimes.length; r++) {
            residual[r] = Math.abs(frames.time(frameOfRow[r]) - rowTimes[r]);
            if (r > 0 && frameOfRow[r] == frameOfRow[r - 1]) {
                duplicated++;
            }
            if (rowTimes[r] < frames.time(0) || rowTimes[r] > frames.time(frames.size() - 1)) {
                outside++;
            }
        }
        long dropped = 0;
        if (rowTimes.length > 0) {
            int last = frameOfRow[rowTimes.length - 1];
            boolean[] shown = new boolean[last + 1];
            for (int f : frameOfRow) {
                shown[f] = true;
            }
            for (int f = frameOfRow[0]; f <= last; f++) {
                dropped += shown[f] ? 0 : 1;
            }
        }
        return build(Method.NEAREST, frames, residual, outside, period(), duplicated, dropped, 0);
    }

    /** A vector stream interpolated at the row times. */
    StreamAlignment interpolated(TimeSeries series, long[] rowTimes) {
        long[] residual = new long[rowTimes.length];
        long outside = 0;
        int n = series.size();
        for (int r = 0; r < rowTimes.length && n > 0; r++) {
            long t = rowTimes[r];
            int i = series.atOrBefore(t);
            if (i < 0) {
                residual[r] = series.time(0) - t;
                outside++;
            } else if (i == n - 1) {
                residual[r] = t - series.time(n - 1);
                outside += t > series.time(n - 1) ? 1 : 0;
            } else {
                residual[r] = series.time(i) == t ? 0 : series.time(i + 1) - series.time(i);
            }
        }
        return build(series.slerps() ? Method.SLERP : Method.LINEAR, series, residual, outside, 2 * period(), 0, 0,
                n == 0 ? rowTimes.length : 0);
    }

    private StreamAlignment build(Method method, TimeSeries s, long[] residual, long outside, long tolerance,
            long duplicated, long dropped, long missingRows) {
        long over = missingRows;
        for (long r : residual) {
            over += r > tolerance ? 1 : 0;
        }
        long gaps = 0;
        long longest = 0;
        for (int i = 1; i < s.size(); i++) {
            long gap = s.time(i) - s.time(i - 1);
            gaps += gap > 2 * period() ? 1 : 0;
            longest = Math.max(longest, gap);
        }
        long[] sorted = residual.clone();
        Arrays.sort(sorted);
        return new StreamAlignment(topic, method, timeBase, clockId, s.size(), quantile(sorted, 0.5),
                quantile(sorted, 0.99), sorted.length == 0 ? 0 : sorted[sorted.length - 1], tolerance, over,
                outside, gaps, longest, dropped, duplicated, outOfOrder + s.outOfOrder(), recorderDrops);
    }

    private static long quantile(long[] sorted, double q) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.max(0, (int) Math.ceil(q * sorted.length) - 1)];
    }
}
