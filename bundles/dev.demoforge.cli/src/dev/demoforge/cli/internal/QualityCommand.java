package dev.demoforge.cli.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.LongStream;

import dev.demoforge.catalog.api.Catalog;
import dev.demoforge.catalog.api.EpisodeQuery;
import dev.demoforge.catalog.api.EpisodeRecord;
import dev.demoforge.catalog.api.SessionRecord;
import dev.demoforge.device.api.StationConfig;
import dev.demoforge.device.api.StationManager;
import dev.demoforge.episode.api.EpisodeStatus;
import dev.demoforge.episode.api.EpisodeStore;
import dev.demoforge.episode.api.RawEpisode;
import dev.demoforge.episode.api.Recorder;
import dev.demoforge.episode.api.RecordingRequest;
import dev.demoforge.quality.api.CheckResult;
import dev.demoforge.quality.api.QualityService;
import dev.demoforge.quality.api.Reason;
import dev.demoforge.quality.validation.SimTrials;
import dev.demoforge.quality.validation.SimTruth;
import dev.demoforge.quality.validation.Validation;

/**
 * {@code quality [--episodes ID,...] [--json]}: runs every quality check on the episodes, stores the results in the
 * catalog and prints verdicts, scores and reasons. {@code quality --report [--record N [--seed S] [--parallel K]]}:
 * optionally records N simulated trials with seeds S.. (each as long as its trial), then prints the checks'
 * precision and recall against the simulated station's ground truth over the workspace's simulated episodes.
 */
final class QualityCommand {

    static final String REPORT_TASK = "Pick up the cube and place it in the bin.";

    private final Services services;
    private final Workspace workspace;
    private final PrintStream out;

    QualityCommand(Services services, Workspace workspace, PrintStream out) {
        this.services = services;
        this.workspace = workspace;
        this.out = out;
    }

    /** Runs the verb; returns the exit code (1 when some episode could not be checked). */
    int run(Arguments args) throws UsageException, IOException, InterruptedException {
        if (args.flag("operators")) {
            return new OperatorsCommand(services, out).run(args.text("operator", null), args.flag("json"));
        }
        if (!args.flag("report") && (args.text("record", null) != null || args.text("seed", null) != null)) {
            throw new UsageException("--record and --seed go with --report");
        }
        if (args.flag("report") && args.text("record", null) != null) {
            record(args.positiveInt("record", 1), args.text("seed", null) == null ? 1 : args.positiveInt("seed", 1),
                    args.positiveInt("parallel", 1));
        }
        Catalog catalog = services.get(Catalog.class);
        List<String> ids = args.list("episodes");
        List<EpisodeRecord> episodes = catalog.episodes(ids.isEmpty() ? EpisodeQuery.all() : EpisodeQuery.ids(ids));
        for (String id : ids) {
            if (episodes.stream().noneMatch(e -> e.id().equals(id))) {
                throw new UsageException("No episode '" + id + "' in the catalog of " + workspace.root());
            }
        }
        return args.flag("report") ? report(episodes, args.flag("json")) : check(episodes, args.flag("json"));
    }

    private int check(List<EpisodeRecord> episodes, boolean json) throws IOException {
        List<Map<String, Object>> all = new ArrayList<>();
        int failed = 0;
        for (EpisodeRecord e : episodes) {
            Optional<List<CheckResult>> results = evaluate(e);
            if (results.isEmpty()) {
                failed++;
                continue;
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("episode", e.id());
            row.put("verdict", QualityService.overall(results.get()).name());
            row.put("checks", results.get().stream().map(QualityCommand::json).toList());
            all.add(row);
            if (!json) {
                print(e.id(), results.get());
            }
        }
        if (json) {
            out.println(Json.GSON.toJson(all));
        } else {
            out.printf("%d episodes checked%s%n", all.size(), failed == 0 ? "" : ", " + failed + " could not be");
        }
        return failed == 0 ? 0 : 1;
    }

    /** A check result as JSON-friendly maps: snake case, NaN as null. */
    private static Map<String, Object> json(CheckResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("check", r.checkId());
        m.put("verdict", r.verdict().name());
        m.put("score", finite(r.score()));
        m.put("reasons", r.reasons().stream().map(x -> {
            Map<String, Object> reason = new LinkedHashMap<>();
            reason.put("text", x.text());
            reason.put("start_s", x.startSeconds());
            reason.put("end_s", x.endSeconds());
            return reason;
        }).toList());
        return m;
    }

    private static Double finite(double d) {
        return Double.isFinite(d) ? d : null;
    }

    private void print(String id, List<CheckResult> results) {
        out.printf("%s  %s%n", id, QualityService.overall(results));
        for (CheckResult r : results) {
            out.printf(Locale.ROOT, "  %-17s %-4s %7.2f%n", r.checkId(), r.verdict(), r.score());
            for (Reason reason : r.reasons()) {
                out.printf(Locale.ROOT, "      %5.1f-%5.1f s  %s%n", reason.startSeconds(), reason.endSeconds(),
                        reason.text());
            }
        }
    }

    /** Runs the checks on one episode and stores the results; empty (after saying why) if it cannot be opened. */
    private Optional<List<CheckResult>> evaluate(EpisodeRecord e) throws IOException {
        if (e.status() == EpisodeStatus.RECORDING) {
            System.err.println("demoforge: episode " + e.id() + " is still recording; not checked");
            return Optional.empty();
        }
        RawEpisode raw;
        try {
            raw = services.get(EpisodeStore.class).open(Path.of(e.directory()));
        } catch (IOException x) {
            System.err.println("demoforge: episode " + e.id() + " cannot be opened: " + x.getMessage());
            return Optional.empty();
        }
        List<CheckResult> results = services.get(QualityService.class).evaluate(raw);
        services.get(Catalog.class).putChecks(e.id(), results.stream().map(RecordCommand::checkRecord).toList());
        return Optional.of(results);
    }

    private int report(List<EpisodeRecord> episodes, boolean json) throws IOException {
        Validation validation = new Validation();
        EpisodeStore store = services.get(EpisodeStore.class);
        int checked = 0;
        long started = System.nanoTime();
        for (EpisodeRecord e : episodes) {
            if (e.status() == EpisodeStatus.RECORDING) {
                continue;
            }
            Optional<SimTruth> truth = SimTruth.read(store.open(Path.of(e.directory())));
            if (truth.isEmpty()) {
                continue;
            }
            Optional<List<CheckResult>> results = evaluate(e);
            if (results.isEmpty()) {
                continue;
            }
            checked++;
            boolean scored = validation.add(truth.get(), results.get());
            if (!json) {
                out.printf(Locale.ROOT, "%-30s seed %-6d truth %-15s hes %-3s jerky %-3s | %s%s%n", e.id(),
                        truth.get().seed(), truth.get().outcome(), truth.get().hesitations().isEmpty() ? "no" : "yes",
                        truth.get().jerky() ? "yes" : "no", verdicts(results.get()), scored ? "" : "  (skipped)");
            }
        }
        double seconds = (System.nanoTime() - started) * 1e-9;
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("scored", validation.scored());
            doc.put("skipped", validation.skipped());
            doc.put("checks", validation.rows().stream().map(r -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("check", r.checkId());
                m.put("detects", r.problem());
                m.put("tp", r.tp());
                m.put("fp", r.fp());
                m.put("fn", r.fn());
                m.put("tn", r.tn());
                m.put("precision", finite(r.precision()));
                m.put("recall", finite(r.recall()));
                return m;
            }).toList());
            doc.put("episodes_per_second", checked / Math.max(seconds, 1e-9));
            out.println(Json.GSON.toJson(doc));
        } else {
            out.print(validation.table());
            out.printf(Locale.ROOT, "read, checked and stored %d simulated episodes in %.1f s (%.1f episodes/s)%n",
                    checked, seconds, checked / Math.max(seconds, 1e-9));
        }
        if (checked == 0) {
            throw new IOException("No simulated episodes with ground truth in " + workspace.root()
                    + "; record some with --report --record N");
        }
        return 0;
    }

    private static String verdicts(List<CheckResult> results) {
        StringBuilder b = new StringBuilder();
        for (String id : Validation.CHECKS) {
            results.stream().filter(r -> r.checkId().equals(id)).findFirst()
                    .ifPresent(r -> b.append(id).append(' ').append(r.verdict()).append("  "));
        }
        return b.toString().strip();
    }

    private void record(int count, int firstSeed, int parallel) throws IOException, InterruptedException {
        StationManager stations = services.get(StationManager.class);
        StationConfig sim = stations.station("sim").orElseThrow(() -> new IOException("The simulated station "
                + "'sim' is not available"));
        Catalog catalog = services.get(Catalog.class);
        SessionRecord session = catalog.openSession("sim-operator", sim.id(), REPORT_TASK, "quality report");
        List<Long> seeds = LongStream.range(firstSeed, (long) firstSeed + count).boxed().toList();
        out.printf("Recording %d simulated trials (seeds %d..%d), each as long as its trial%n", count, firstSeed,
                firstSeed + count - 1);
        try {
            SimTrials.record(stations, services.get(Recorder.class), sim, new RecordingRequest(workspace.episodes(),
                    REPORT_TASK, "sim-operator", session.id(), null), seeds, parallel, (seed, summary) -> {
                        catalog.putEpisode(Episodes.record(summary, session.id(), sim.id(), REPORT_TASK,
                                "sim-operator"));
                        out.printf(Locale.ROOT, "  seed %-6d %s %5.1f s%n", seed, summary.episodeId(),
                                summary.durationSeconds());
                    });
        } finally {
            catalog.closeSession(session.id());
        }
    }
}
