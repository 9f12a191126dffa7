package dev.demoforge.cli.internal;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.demoforge.device.api.StationManager;
import dev.demoforge.timesync.TimeSyncService;
import dev.demoforge.timesync.bench.SyncBenchmark;
import dev.demoforge.timesync.bench.SyncBenchmark.Stats;

/**
 * {@code bench sync}: runs the simulated station with its clocks at ±50 ppm and prints, per stream, how far the
 * times a dataset would use lie from the true capture instants, naive loop-time stamping next to the time sync.
 */
final class SyncBenchCommand {

    private final Services services;
    private final PrintStream out;

    SyncBenchCommand(Services services, PrintStream out) {
        this.services = services;
        this.out = out;
    }

    void run(double seconds, boolean json) throws InterruptedException, UsageException {
        if (seconds < 5) {
            throw new UsageException("bench sync needs --seconds of at least 5 (the first 2 s are left out)");
        }
        if (!json) {
            out.printf("Running the simulated station for %.0f s, device clocks at ±50 ppm...%n", seconds);
        }
        SyncBenchmark.Result r = SyncBenchmark.run(services.get(StationManager.class),
                services.get(TimeSyncService.class), SyncBenchmark.Settings.of(seconds));
        if (json) {
            Map<String, Object> all = new LinkedHashMap<>();
            all.put("machine", BenchReport.machine());
            all.put("result", r);
            out.println(Json.GSON.toJson(all));
            return;
        }
        print(r);
    }

    private void print(SyncBenchmark.Result r) {
        Map<String, Object> m = BenchReport.machine();
        out.printf("Machine: %s cores, %s, %s%n", m.get("cores"), m.get("java"), m.get("os"));
        out.printf("Station %s, %.0f s, clocks at ±%.0f ppm, naive loop at %.0f Hz, first %.0f s left out;"
                + " all figures ms as p50 / p99 / max%n%n", r.stationId(), r.seconds(), r.driftPpm(), r.loopHz(),
                r.warmupSeconds());
        out.printf("%-34s %10s %10s %6s %9s %12s%n", "clock (whole-recording fit)", "true ppm", "est. ppm", "steps",
                "fixed ms", "delay p99");
        for (SyncBenchmark.ClockResult c : r.clocks()) {
            out.printf("%-34s %+10.3f %+10.3f %6d %9.3f %12.3f%n", c.clockId(), c.trueDriftPpm(),
                    c.estimatedDriftPpm(), c.steps(), c.fixedLatencyNs() / 1e6, c.residualP99Ms());
        }
        out.printf("%nTime-base error |time used - true capture instant|:%n");
        out.printf("%-18s %-24s %-24s %-24s%n", "stream", "host receive (unsynced)", "online estimate",
                "whole-recording fit");
        for (SyncBenchmark.StreamResult s : r.streams()) {
            out.printf("%-18s %-24s %-24s %-24s%n", s.topic(), cell(s.receive()), cell(s.online()),
                    cell(s.episode()));
        }
        out.printf("%nDataset rows, |true instant of the value - row time| and skew to the row's %s frame:%n",
                r.referenceTopic());
        out.printf("%-18s %-10s %-24s %-24s %-24s %-24s%n", "stream", "synced by", "naive (latest at loop)",
                "synced", "naive skew", "synced skew");
        for (SyncBenchmark.StreamResult s : r.streams()) {
            out.printf("%-18s %-10s %-24s %-24s %-24s %-24s%n", s.topic(), s.rowMethod(), cell(s.naiveRow()),
                    cell(s.syncedRow()), cell(s.naiveSkew()), cell(s.syncedSkew()));
        }
        out.println();
        out.println("Synced: rows at the reference camera's estimated exposure instants; vectors interpolated at them,");
        out.println("other cameras' nearest frame (unsynchronised cameras stay up to half a frame apart).");
    }

    private static String cell(Stats s) {
        return s.count() == 0 ? "-" : String.format("%.3f / %.3f / %.3f", s.p50Ms(), s.p99Ms(), s.maxMs());
    }
}
