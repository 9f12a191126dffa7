package dev.demoforge.timesync.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.demoforge.device.api.ConnectedStation;
import dev.demoforge.device.api.DeviceConfig;
import dev.demoforge.device.api.StationConfig;
import dev.demoforge.device.api.StationManager;
import dev.demoforge.device.api.StreamKind;
import dev.demoforge.timesync.ClockModel;
import dev.demoforge.timesync.TimeSyncService;

/**
 * Runs a station with ground truth (the simulated one) for a while, every device clock set to drift by ±{@code
 * driftPpm} (alternating signs), and compares, per stream, the time a dataset would give each value with its true
 * capture instant:
 * <ul>
 * <li>time-base error: host receive time (what DemoForge aligned on before time sync), the online estimate as each
 * sample arrived, and the whole-recording fit export uses;</li>
 * <li>row error, on the dataset's rows: <em>naive</em> rows at a fixed-rate loop time holding each stream's latest
 * received sample (LeRobot's recording loop; pooled over ten loop phases), versus <em>synced</em> rows at the
 * reference camera's estimated capture instants with vector streams interpolated and other cameras' nearest frames
 * (DemoForge's alignment).</li>
 * </ul>
 * Blocking for the run time plus a second; CPU use is the station's own. Every figure is in ms of the host clock.
 */
public final class SyncBenchmark {

    /**
     * @param stationId   station to run ("sim")
     * @param seconds     how long to collect
     * @param driftPpm    drift forced onto every device clock (signs alternate), or NaN to keep the station's
     * @param loopHz      rate of the naive recording loop
     * @param warmupSeconds time at the start left out of the figures (the online estimate is still settling)
     */
    public record Settings(String stationId, double seconds, double driftPpm, double loopHz, double warmupSeconds) {
        /** The bench defaults: station "sim", ±50 ppm, 30 Hz loop, 2 s warm-up. */
        public static Settings of(double seconds) {
            return new Settings("sim", seconds, 50, 30, 2);
        }
    }

    /** Absolute errors of one stream in ms: sample count, median, 99th percentile, maximum. */
    public record Stats(long count, double p50Ms, double p99Ms, double maxMs) {
        static Stats of(long[] errorsNs, int n) {
            if (n == 0) {
                return new Stats(0, Double.NaN, Double.NaN, Double.NaN);
            }
            long[] a = Arrays.copyOf(errorsNs, n);
            for (int i = 0; i < n; i++) {
                a[i] = Math.abs(a[i]);
            }
            Arrays.sort(a);
            return new Stats(n, q(a, 0.5), q(a, 0.99), a[n - 1] / 1e6);
        }

        private static double q(long[] sorted, double p) {
            return sorted[Math.max(0, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
        }
    }

    /**
     * One stream's figures.
     *
     * @param receive   time-base error of the host receive time
     * @param online    time-base error of the online estimate as each sample arrived
     * @param episode   time-base error of the whole-recording fit (what export uses)
     * @param naiveRow  naive rows: true instant of the value minus the row's loop time
     * @param naiveSkew naive rows: true instant of the value minus that of the row's reference frame
     * @param syncedRow synced rows: true instant of the value minus the row's time (the reference frame's estimate)
     * @param syncedSkew synced rows: true instant of the value minus that of the row's reference frame
     * @param rowMethod how synced rows take the stream: "reference", "linear" or "nearest"
     */
    public record StreamResult(String topic, String clockId, double nominalRateHz, long samples, long fixedLatencyNs,
            Stats receive, Stats online, Stats episode, Stats naiveRow, Stats naiveSkew, Stats syncedRow,
            Stats syncedSkew, String rowMethod) {
    }

    /** One clock: true and estimated drift, steps found, residual p99 of the whole-recording fit. */
    public record ClockResult(String clockId, double trueDriftPpm, double estimatedDriftPpm, int steps,
            double residualP99Ms, long fixedLatencyNs) {
    }

    /** Everything measured. */
    public record Result(String stationId, double seconds, double driftPpm, double loopHz, double warmupSeconds,
            String referenceTopic, List<ClockResult> clocks, List<StreamResult> streams) {
    }

    private SyncBenchmark() {
    }

    /**
     * Connects the station with the clocks forced to drift, collects for {@code seconds}, and analyses.
     *
     * @throws IllegalArgumentException if the station is unknown
     * @throws IllegalStateException    if a device publishes no {@code clock_truth} or no camera stream ran
     */
    public static Result run(StationManager stations, TimeSyncService sync, Settings settings)
            throws InterruptedException {
        StationConfig base = stations.station(settings.stationId()).orElseThrow(() -> new IllegalArgumentException(
                "No station '" + settings.stationId() + "'"));
        List<DeviceConfig> devices = new ArrayList<>();
        Map<String, Long> latencies = new HashMap<>();
        int i = 0;
        for (DeviceConfig d : base.devices()) {
            Map<String, String> p = new HashMap<>(d.properties());
            if (!Double.isNaN(settings.driftPpm())) {
                p.put("clock.drift_ppm", Double.toString(i++ % 2 == 0 ? settings.driftPpm() : -settings.driftPpm()));
            }
            p.putIfAbsent("world", "timesync-bench");
            devices.add(new DeviceConfig(d.deviceId(), d.driverId(), p));
            latencies.put(d.deviceId(), TimeSyncService.fixedLatencyNs(d));
        }
        Capture capture = new Capture(sync, latencies);
        long start;
        long end;
        try (ConnectedStation station = stations.connect(new StationConfig(base.id(), base.robotType(), devices))) {
            start = System.nanoTime();
            station.addSink(capture);
            Thread.sleep((long) (settings.seconds() * 1000));
            end = System.nanoTime();
            station.removeSink(capture);
            capture.close();
        }
        return analyse(settings, capture, sync, start, end);
    }

    private static Result analyse(Settings settings, Capture capture, TimeSyncService sync, long start, long end) {
        List<Capture.Stream> streams = new ArrayList<>(capture.streams.values());
        streams.sort((a, b) -> a.topic.compareTo(b.topic));
        Capture.Stream reference = streams.stream().filter(s -> s.spec.kind() == StreamKind.CAMERA).findFirst()
                .orElseThrow(() -> new IllegalStateException("No camera stream delivered samples"));
        Map<String, ClockModel> models = new LinkedHashMap<>();
        List<ClockResult> clocks = new ArrayList<>();
        for (String clockId : capture.estimators.keySet().stream().sorted().toList()) {
            Capture.Truth truth = capture.truths.get(clockId);
            if (truth == null) {
                throw new IllegalStateException("Clock " + clockId + " published no clock_truth: the sync benchmark"
                        + " needs a station with ground truth (the simulated one)");
            }
            List<Capture.Stream> own = streams.stream().filter(s -> s.clockId.equals(clockId)).toList();
            String deviceId = capture.deviceOfClock.get(clockId);
            long latency = capture.estimators.get(clockId).model().orElseThrow().fixedLatencyNs();
            ClockModel m = fitWhole(sync, clockId, own, latency);
            models.put(clockId, m);
            clocks.add(new ClockResult(clockId + " (" + deviceId + ")", truth.driftPpm(), m.driftPpm(), m.steps(),
                    m.residuals().p99Ns() / 1e6, latency));
        }
        long from = start + (long) (settings.warmupSeconds() * 1e9);
        long to = end - 500_000_000L;
        Times ref = Times.of(reference, capture.truths.get(reference.clockId), models.get(reference.clockId));
        List<StreamResult> results = new ArrayList<>();
        for (Capture.Stream s : streams) {
            Times t = Times.of(s, capture.truths.get(s.clockId), models.get(s.clockId));
            String method = s == reference ? "reference" : s.spec.kind() == StreamKind.CAMERA ? "nearest" : "linear";
            Rows.Figures naive = Rows.naive(ref, t, from, to, settings.loopHz());
            Rows.Figures synced = Rows.synced(ref, t, method, from, to);
            results.add(new StreamResult(s.topic, s.clockId, s.spec.nominalRateHz(), s.size,
                    models.get(s.clockId).fixedLatencyNs(), t.receiveError(from, to), t.onlineError(from, to),
                    t.episodeError(from, to), naive.rowError(), naive.skew(), synced.rowError(), synced.skew(),
                    method));
        }
        return new Result(settings.stationId(), settings.seconds(), settings.driftPpm(), settings.loopHz(),
                settings.warmupSeconds(), reference.topic, clocks, results);
    }

    /** The whole-recording fit over every stream of one clock, pairs merged in receive order. */
    private static ClockModel fitWhole(TimeSyncService sync, String clockId, List<Capture.Stream> own, long latency) {
        int n = own.stream().mapToInt(s -> s.size).sum();
        long[] host = new long[n];
        long[] device = new long[n];
        int[] next = new int[own.size()];
        for (int k = 0; k < n; k++) {
            int best = -1;
            for (int j = 0; j < own.size(); j++) {
                Capture.Stream s = own.get(j);
                if (next[j] < s.size && (best < 0 || s.host[next[j]] < own.get(best).host[next[best]])) {
                    best = j;
                }
            }
            host[k] = own.get(best).host[next[best]];
            device[k] = own.get(best).device[next[best]++];
        }
        return sync.estimate(clockId, device, host, n, latency);
    }
}
