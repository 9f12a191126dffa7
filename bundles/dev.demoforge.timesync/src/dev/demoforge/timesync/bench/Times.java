package dev.demoforge.timesync.bench;

import java.util.Arrays;

import dev.demoforge.timesync.ClockModel;

/**
 * One stream's times, host ns: receive, true capture instant (from the clock's ground truth), the online estimate
 * on arrival and the whole-recording fit's capture time.
 */
final class Times {

    final int n;
    final long[] host;
    final long[] truth;
    final long[] online;
    final long[] episode;

    private Times(int n, long[] host, long[] truth, long[] online, long[] episode) {
        this.n = n;
        this.host = host;
        this.truth = truth;
        this.online = online;
        this.episode = episode;
    }

    static Times of(Capture.Stream s, Capture.Truth truth, ClockModel model) {
        int n;
        long[] host;
        long[] device;
        long[] online;
        synchronized (s) {
            n = s.size;
            host = Arrays.copyOf(s.host, n);
            device = Arrays.copyOf(s.device, n);
            online = Arrays.copyOf(s.online, n);
        }
        long[] t = new long[n];
        long[] e = new long[n];
        for (int i = 0; i < n; i++) {
            t[i] = truth.trueNanos(device[i]);
            e[i] = model.captureNanos(device[i], host[i]);
        }
        return new Times(n, host, t, online, e);
    }

    SyncBenchmark.Stats receiveError(long from, long to) {
        return error(host, from, to);
    }

    SyncBenchmark.Stats onlineError(long from, long to) {
        return error(online, from, to);
    }

    SyncBenchmark.Stats episodeError(long from, long to) {
        return error(episode, from, to);
    }

    /** |used − true| over the samples captured in [from, to]. */
    private SyncBenchmark.Stats error(long[] used, long from, long to) {
        long[] err = new long[n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (truth[i] >= from && truth[i] <= to) {
                err[k++] = used[i] - truth[i];
            }
        }
        return SyncBenchmark.Stats.of(err, k);
    }

    /** Index of the last sample with {@code times[i] <= t} (times ascending), or -1. */
    static int lastAtOrBefore(long[] times, int n, long t) {
        int i = Arrays.binarySearch(times, 0, n, t);
        if (i >= 0) {
            while (i + 1 < n && times[i + 1] == t) {
                i++;
            }
            return i;
        }
        return -i - 2;
    }
}
