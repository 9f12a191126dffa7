package dev.demoforge.cli.internal;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.demoforge.catalog.api.Catalog;
import dev.demoforge.catalog.api.dataset.DatasetBuild;
import dev.demoforge.catalog.api.dataset.DatasetDefinition;
import dev.demoforge.catalog.api.dataset.DatasetEdit;
import dev.demoforge.catalog.api.dataset.DatasetQuery;
import dev.demoforge.catalog.api.dataset.DatasetStore;
import dev.demoforge.catalog.api.dataset.SplitRule;
import dev.demoforge.dataset.DatasetBuilder;
import dev.demoforge.dataset.DatasetPlan;
import dev.demoforge.dataset.PlannedEpisode;

/** {@code dataset list} and {@code dataset show}: saved datasets as text tables or JSON. */
final class DatasetReport {

    private DatasetReport() {
    }

    /** {@code (train 8, val 2)}; empty for a dataset without splits. */
    static String splits(Map<String, Integer> counts) {
        if (counts.isEmpty() || counts.containsKey("")) {
            return "";
        }
        return counts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", ", "(", ")"));
    }

    static void list(DatasetStore store, DatasetBuilder builder, boolean json, PrintStream out) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (DatasetDefinition d : store.datasets()) {
            DatasetPlan plan = builder.plan(d.name());
            List<DatasetBuild> builds = store.builds(d.name());
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", d.name());
            m.put("format", d.format());
            m.put("episodes", plan.episodes().size());
            m.put("splits", plan.splitCounts().containsKey("") ? Map.of() : plan.splitCounts());
            m.put("edits", plan.edits().size());
            m.put("builds", builds.size());
            m.put("last_build", builds.isEmpty() ? null : DatasetCommand.buildJson(builds.get(builds.size() - 1)));
            rows.add(m);
        }
        if (json) {
            out.println(Json.GSON.toJson(rows));
            return;
        }
        out.printf("%-24s %-12s %8s %5s %6s  %-24s %s%n", "DATASET", "FORMAT", "EPISODES", "EDITS", "BUILDS",
                "LAST BUILT", "SPLITS");
        for (Map<String, Object> m : rows) {
            @SuppressWarnings("unchecked")
            Map<String, Object> last = (Map<String, Object>) m.get("last_build");
            @SuppressWarnings("unchecked")
            Map<String, Integer> splits = (Map<String, Integer>) m.get("splits");
            out.printf("%-24s %-12s %8d %5d %6d  %-24s %s%n", m.get("name"), m.get("format"), m.get("episodes"),
                    m.get("edits"), m.get("builds"), last == null ? "never" : last.get("built_at"), splits(splits));
        }
        out.printf("%d datasets%n", rows.size());
    }

    static void show(String name, DatasetStore store, DatasetBuilder builder, Catalog catalog, boolean json,
            PrintStream out) {
        DatasetPlan plan = builder.plan(name);
        DatasetDefinition d = plan.definition();
        List<Map<String, Object>> episodes = new ArrayList<>();
        for (PlannedEpisode p : plan.episodes()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("id", p.episode().id());
            e.put("split", p.split());
            e.put("review", p.episode().review());
            e.put("verdicts", catalog.checks(p.episode().id()).stream().collect(Collectors.toMap(
                    c -> c.checkId(), c -> c.verdict(), (a, b) -> a, LinkedHashMap::new)));
            e.put("task", p.effectiveTask());
            e.put("relabelled", p.task() != null);
            e.put("trim", p.trimmed() ? List.of(p.startSeconds(), Double.isInfinite(p.endSeconds())
                    ? p.episode().durationSeconds() : p.endSeconds()) : null);
            e.put("seconds", p.episode().durationSeconds());
            e.put("origin", p.origin());
            episodes.add(e);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", d.name());
        m.put("format", d.format());
        m.put("options", d.options());
        m.put("query", query(d.query()));
        m.put("split_rule", split(d.split()));
        m.put("created_at", d.createdAt());
        m.put("splits", plan.splitCounts().containsKey("") ? Map.of() : plan.splitCounts());
        m.put("episodes", episodes);
        m.put("edits", plan.edits().stream().map(DatasetReport::edit).toList());
        m.put("notes", plan.notes());
        m.put("builds", store.builds(name).stream().map(DatasetCommand::buildJson).toList());
        if (json) {
            out.println(Json.GSON.toJson(m));
            return;
        }
        out.printf("Dataset %s: format %s, options %s%n", d.name(), d.format(), d.options());
        out.printf("Query: %s%n", query(d.query()));
        out.printf("Split: %s%n", split(d.split()));
        out.printf("%-32s %-6s %-8s %-9s %-12s %s%n", "EPISODE", "SPLIT", "REVIEW", "SECONDS", "TRIM", "TASK");
        for (Map<String, Object> e : episodes) {
            @SuppressWarnings("unchecked")
            List<Double> trim = (List<Double>) e.get("trim");
            out.printf("%-32s %-6s %-8s %9.1f %-12s %s%s   checks %s%n", e.get("id"),
                    e.get("split") == null ? "-" : e.get("split"), e.get("review"), (Double) e.get("seconds"),
                    trim == null ? "-" : String.format("%.2f-%.2f", trim.get(0), trim.get(1)), e.get("task"),
                    Boolean.TRUE.equals(e.get("relabelled")) ? " (relabelled)" : "", e.get("verdicts"));
        }
        out.printf("%d episodes %s%n", episodes.size(), splits(plan.splitCounts()));
        for (DatasetEdit e : plan.edits()) {
            out.printf("edit %s%n", edit(e));
        }
        plan.notes().forEach(n -> out.println("note: " + n));
        for (DatasetBuild b : store.builds(name)) {
            out.printf("build %d: %d episodes, %d frames, %s -> %s%n", b.version(), b.episodes(), b.frames(),
                    b.builtAt(), b.outputDir());
        }
    }

    private static Map<String, Object> query(DatasetQuery q) {
        Map<String, Object> m = new LinkedHashMap<>();
        put(m, "task", q.tasks());
        put(m, "station", q.stations());
        put(m, "operator", q.operators());
        put(m, "robot", q.robotTypes());
        put(m, "review", q.review());
        if (q.recordedFrom() != null) {
            m.put("from", q.recordedFrom().toString());
        }
        if (q.recordedTo() != null) {
            m.put("to", q.recordedTo().toString());
        }
        if (q.worstVerdict() != null) {
            m.put("verdict", q.worstVerdict());
        }
        if (!q.minScores().isEmpty()) {
            m.put("min_score", q.minScores());
        }
        return m;
    }

    private static void put(Map<String, Object> m, String key, List<?> values) {
        if (!values.isEmpty()) {
            m.put(key, values);
        }
    }

    private static Map<String, Object> split(SplitRule r) {
        Map<String, Object> m = new LinkedHashMap<>();
        Map<String, Double> shares = new LinkedHashMap<>();
        r.shares().forEach(s -> shares.put(s.split(), s.ratio()));
        m.put("shares", shares);
        m.put("seed", r.seed());
        m.put("stratify", r.stratify().name().toLowerCase());
        return m;
    }

    private static String edit(DatasetEdit e) {
        return switch (e.kind()) {
            case DELETE -> "delete " + e.episodeId();
            case TRIM -> String.format("trim %s to %.2f-%.2f s", e.episodeId(), e.startSeconds(), e.endSeconds());
            case RELABEL -> "relabel " + e.episodeId() + " as \"" + e.task() + "\"";
            case MERGE -> "merge " + e.otherDataset();
        } + (e.madeAt() == null ? "" : " (" + e.madeAt() + ")");
    }
}
