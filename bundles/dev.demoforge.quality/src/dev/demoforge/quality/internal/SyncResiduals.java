package dev.demoforge.quality.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import dev.demoforge.device.api.EventSample;
import dev.demoforge.device.api.Sample;
import dev.demoforge.device.api.VectorSample;
import dev.demoforge.episode.api.RawEpisode;
import dev.demoforge.episode.api.RecordedStream;
import dev.demoforge.quality.api.Reason;
import dev.demoforge.quality.api.Verdict;
import dev.demoforge.timesync.ClockModel;
import dev.demoforge.timesync.TimeSyncService;

/**
 * Sync residuals of an episode, as the dataset's alignment report computes them: for every device clock, the
 * (device time, host receive time) pairs of all its streams are fitted by {@link TimeSyncService#estimate} (lower
 * envelope), and the residuals are how late each sample arrived above the fitted line. A p99 residual above
 * {@link #WARN_P99_MS} means the device's time stamps cannot be trusted to that precision (a loaded bus, a driver
 * thread that stalls); above {@link #FAIL_P99_MS} the streams cannot be aligned for learning. A clock step (the
 * device clock jumped) is a WARN.
 */
final class SyncResiduals {

    static final double WARN_P99_MS = 25;
    static final double FAIL_P99_MS = 100;

    /** The verdict and reasons of the residual part of recording health. */
    record Result(Verdict verdict, List<Reason> reasons) {
    }

    private SyncResiduals() {
    }

    static Result evaluate(RawEpisode episode, TimeSyncService sync, double end) throws IOException {
        Set<String> topics = episode.manifest().streams().stream().map(RecordedStream::topic)
                .collect(Collectors.toSet());
        Map<String, Pairs> byClock = new TreeMap<>();
        episode.read(topics, (topic, sample) -> {
            String clock = clockId(sample);
            if (clock != null && !clock.isEmpty()) {
                byClock.computeIfAbsent(clock, k -> new Pairs()).add(deviceNanos(sample), sample.hostNanos());
            }
        });
        Verdict verdict = Verdict.PASS;
        List<Reason> reasons = new ArrayList<>();
        for (Map.Entry<String, Pairs> e : byClock.entrySet()) {
            Pairs p = e.getValue().sortedByHost();
            if (p.count < 2) {
                continue;
            }
            ClockModel model = sync.estimate(e.getKey(), p.device, p.host, p.count, 0);
            double p99 = model.residuals().p99Ns() / 1e6;
            if (p99 > WARN_P99_MS || model.steps() > 0) {
                verdict = worse(verdict, p99 > FAIL_P99_MS ? Verdict.FAIL : Verdict.WARN);
                reasons.add(new Reason(String.format(Locale.ROOT, "clock %s: samples arrived up to %.1f ms (p99;"
                        + " max %.1f ms) after the fitted clock over %d samples%s", e.getKey(), p99,
                        model.residuals().maxNs() / 1e6, model.residuals().count(),
                        model.steps() > 0 ? ", " + model.steps() + " clock step(s)" : ""), 0, end));
            }
        }
        return new Result(verdict, reasons);
    }

    private static String clockId(Sample s) {
        return s instanceof VectorSample v ? v.clockId() : s instanceof EventSample ev ? ev.clockId() : null;
    }

    private static long deviceNanos(Sample s) {
        return s instanceof VectorSample v ? v.deviceNanos() : ((EventSample) s).deviceNanos();
    }

    private static Verdict worse(Verdict a, Verdict b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** Growable (device, host) pairs of one clock. */
    private static final class Pairs {
        long[] device = new long[1024];
        long[] host = new long[1024];
        int count;

        void add(long d, long h) {
            if (count == device.length) {
                device = Arrays.copyOf(device, count * 2);
                host = Arrays.copyOf(host, count * 2);
            }
            device[count] = d;
            host[count++] = h;
        }

        /** In receive order (streams of one clock are read topic by topic). */
        Pairs sortedByHost() {
            Integer[] order = new Integer[count];
            for (int i = 0; i < count; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> Long.compare(host[a], host[b]));
            Pairs sorted = new Pairs();
            for (Integer i : order) {
                sorted.add(device[i], host[i]);
            }
            return sorted;
        }
    }
}
