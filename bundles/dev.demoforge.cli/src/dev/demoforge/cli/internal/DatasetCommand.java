package dev.demoforge.cli.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.eclipse.core.runtime.NullProgressMonitor;

import dev.demoforge.catalog.api.Catalog;
import dev.demoforge.catalog.api.CheckRecord;
import dev.demoforge.catalog.api.dataset.DatasetBuild;
import dev.demoforge.catalog.api.dataset.DatasetDefinition;
import dev.demoforge.catalog.api.dataset.DatasetEdit;
import dev.demoforge.catalog.api.dataset.DatasetStore;
import dev.demoforge.dataset.BuildResult;
import dev.demoforge.dataset.DatasetBuilder;
import dev.demoforge.dataset.DatasetPlan;
import dev.demoforge.dataset.PlannedEpisode;
import dev.demoforge.export.api.DatasetExporter;
import dev.demoforge.export.api.OptionSpec;

/**
 * {@code dataset create|build|rebuild|list|show|edit}: saved datasets (query, split rule, exporter with options),
 * their edits, builds and manifests. See README.md and docs/datasets.md.
 */
final class DatasetCommand {

    static final Set<String> SUBJECTS = Set.of("create", "build", "rebuild", "list", "show", "edit");
    static final Set<String> VALUED = Stream.of(DatasetOptions.QUERY, DatasetOptions.SPLIT, DatasetOptions.EDITS,
            Set.of("format", "options", "out", "manifest")).flatMap(Set::stream).collect(Collectors.toSet());
    static final Set<String> FLAGS = Set.of("json");

    private final Services services;
    private final PrintStream out;

    DatasetCommand(Services services, PrintStream out) {
        this.services = services;
        this.out = out;
    }

    int run(Arguments a) throws UsageException, IOException {
        String subject = a.subject();
        List<String> operands = a.operands();
        int wanted = subject.equals("list") || subject.equals("rebuild") ? 0 : 1;
        if (operands.size() != wanted) {
            throw new UsageException("dataset " + subject + (wanted == 0 ? " takes no dataset name" : " needs one"
                    + " dataset NAME") + (operands.isEmpty() ? "" : "; got " + operands));
        }
        allowOnly(a, subject);
        DatasetStore store = services.get(DatasetStore.class);
        switch (subject) {
            case "create" -> create(a, operands.get(0), store);
            case "build" -> build(operands.get(0), required(a, "out"));
            case "rebuild" -> rebuild(required(a, "manifest"), required(a, "out"));
            case "list" -> DatasetReport.list(store, services.get(DatasetBuilder.class), a.flag("json"), out);
            case "show" -> DatasetReport.show(operands.get(0), store, services.get(DatasetBuilder.class),
                    services.get(Catalog.class), a.flag("json"), out);
            default -> edit(a, operands.get(0), store);
        }
        return 0;
    }

    /** Refuses options that belong to another subject, naming where they belong. */
    private static void allowOnly(Arguments a, String subject) throws UsageException {
        Set<String> allowed = switch (subject) {
            case "create" -> Stream.of(DatasetOptions.QUERY, DatasetOptions.SPLIT, Set.of("format", "options"))
                    .flatMap(Set::stream).collect(Collectors.toSet());
            case "build" -> Set.of("out");
            case "rebuild" -> Set.of("manifest", "out");
            case "edit" -> DatasetOptions.EDITS;
            default -> Set.of();
        };
        for (String o : VALUED) {
            if (a.text(o, null) != null && !allowed.contains(o)) {
                throw new UsageException("--" + o + " is not an option of dataset " + subject);
            }
        }
        if (a.flag("json") && !subject.equals("list") && !subject.equals("show")) {
            throw new UsageException("--json is for dataset list and dataset show");
        }
    }

    private static Path required(Arguments a, String option) throws UsageException {
        Path p = a.path(option, null);
        if (p == null) {
            throw new UsageException("dataset " + a.subject() + " needs --" + option + (option.equals("out") ? " DIR"
                    : " FILE"));
        }
        return p;
    }

    private void create(Arguments a, String name, DatasetStore store) throws UsageException {
        String format = a.text("format", null);
        if (format == null) {
            throw new UsageException("dataset create needs --format FORMAT (e.g. lerobot, robomimic)");
        }
        List<DatasetExporter> exporters = services.all(DatasetExporter.class);
        DatasetExporter exporter = exporters.stream().filter(e -> e.formatId().equals(format)).findFirst()
                .orElseThrow(() -> new UsageException("Unknown format '" + format + "'. Formats: "
                        + exporters.stream().map(DatasetExporter::formatId).sorted().toList()));
        Map<String, String> options = a.keyValues("options");
        List<String> keys = exporter.capabilities().options().stream().map(OptionSpec::key).toList();
        for (String k : options.keySet()) {
            if (!keys.contains(k)) {
                throw new UsageException("Format " + format + " has no option '" + k + "'. Options: " + keys);
            }
        }
        if (store.dataset(name).isPresent()) {
            throw new UsageException("A dataset named '" + name + "' exists already (dataset show " + name + ")");
        }
        DatasetDefinition d;
        try {
            d = new DatasetDefinition(name, DatasetOptions.query(a), DatasetOptions.split(a), format, options, null);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        store.create(d);
        DatasetPlan plan = services.get(DatasetBuilder.class).plan(name);
        out.printf("Saved dataset %s (%s): %d episodes match now %s%n", name, exporter.label(),
                plan.episodes().size(), DatasetReport.splits(plan.splitCounts()));
    }

    private void edit(Arguments a, String name, DatasetStore store) throws UsageException {
        DatasetBuilder builder = services.get(DatasetBuilder.class);
        if (store.dataset(name).isEmpty()) {
            throw new UsageException("No dataset named '" + name + "'");
        }
        DatasetEdit edit = DatasetOptions.edit(a);
        if (edit.kind() == DatasetEdit.Kind.MERGE) {
            if (store.dataset(edit.otherDataset()).isEmpty()) {
                throw new UsageException("No dataset named '" + edit.otherDataset() + "' to merge");
            }
            if (reaches(store, edit.otherDataset(), name)) {
                throw new UsageException("Merging " + edit.otherDataset() + " into " + name + " would make a cycle ("
                        + edit.otherDataset() + " already includes " + name + ")");
            }
        } else {
            DatasetPlan plan = builder.plan(name);
            PlannedEpisode p = plan.episodes().stream().filter(e -> e.episode().id().equals(edit.episodeId()))
                    .findFirst().orElseThrow(() -> new UsageException("Episode " + edit.episodeId() + " is not in"
                            + " dataset " + name + " (dataset show " + name + " lists its episodes)"));
            if (edit.kind() == DatasetEdit.Kind.TRIM && edit.startSeconds() >= p.episode().durationSeconds()) {
                throw new UsageException("Trim start " + edit.startSeconds() + " s is past the end of episode "
                        + edit.episodeId() + " (" + String.format("%.1f", p.episode().durationSeconds()) + " s)");
            }
        }
        store.addEdit(name, edit);
        DatasetPlan plan = builder.plan(name);
        out.printf("Edited dataset %s (%s): %d episodes %s; raw files untouched%n", name,
                edit.kind().name().toLowerCase(), plan.episodes().size(), DatasetReport.splits(plan.splitCounts()));
    }

    /** Whether dataset {@code from} includes {@code target} through its merges (directly or not). */
    private static boolean reaches(DatasetStore store, String from, String target) {
        Deque<String> todo = new ArrayDeque<>(List.of(from));
        Set<String> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            String d = todo.pop();
            if (d.equals(target)) {
                return true;
            }
            if (seen.add(d)) {
                store.edits(d).stream().filter(e -> e.kind() == DatasetEdit.Kind.MERGE)
                        .forEach(e -> todo.push(e.otherDataset()));
            }
        }
        return false;
    }

    private void build(String name, Path outDir) throws IOException, UsageException {
        DatasetStore store = services.get(DatasetStore.class);
        if (store.dataset(name).isEmpty()) {
            throw new UsageException("No dataset named '" + name + "'");
        }
        out.printf("Building dataset %s into %s%n", name, outDir);
        BuildResult r = services.get(DatasetBuilder.class).build(name, outDir, new PrintingMonitor(out));
        print(r);
    }

    private void rebuild(Path manifest, Path outDir) throws IOException {
        out.printf("Rebuilding from %s into %s%n", manifest, outDir);
        BuildResult r = services.get(DatasetBuilder.class).rebuild(manifest, outDir, new PrintingMonitor(out));
        print(r);
        if (r.differingOutputs().isEmpty()) {
            out.println("Every output file is byte-identical to the original build");
        } else {
            out.printf("%d output files differ from the original build: %s%n", r.differingOutputs().size(),
                    r.differingOutputs());
        }
    }

    private void print(BuildResult r) {
        out.printf("Dataset version %d: %d episodes %s, %d frames, %.1f MB in %.1f s -> %s%n", r.version(),
                r.export().episodes(), DatasetReport.splits(r.splits()), r.export().frames(),
                r.export().bytes() / 1e6, r.export().elapsed().toMillis() / 1e3, r.export().outputDir());
        out.printf("Manifest %s (sha256 %s); %d raw files hashed, %d from the cache%n", r.manifest(),
                r.manifestSha256(), r.rawFiles(), r.rawFilesCached());
    }

    /** Prints each step as the build reaches it. */
    private static final class PrintingMonitor extends NullProgressMonitor {
        private final PrintStream out;

        PrintingMonitor(PrintStream out) {
            this.out = out;
        }

        @Override
        public void subTask(String name) {
            out.println("  " + name);
        }
    }

    static Map<String, Object> buildJson(DatasetBuild b) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", b.version());
        m.put("output_dir", b.outputDir());
        m.put("manifest_sha256", b.manifestSha256());
        m.put("episodes", b.episodes());
        m.put("frames", b.frames());
        m.put("built_at", b.builtAt());
        return m;
    }

    static String verdicts(List<CheckRecord> checks) {
        return checks.isEmpty() ? "-" : checks.stream().map(c -> c.checkId() + ":" + c.verdict())
                .collect(Collectors.joining(","));
    }
}
