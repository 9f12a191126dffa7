package dev.demoforge.cli.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;

import dev.demoforge.catalog.api.Catalog;
import dev.demoforge.catalog.api.ReviewState;
import dev.demoforge.device.api.StationManager;
import dev.demoforge.episode.api.EpisodeStore;
import dev.demoforge.export.api.ExportResult;
import dev.demoforge.quality.api.Verdict;

/**
 * The headless application behind {@code ./demoforge VERB}: demo, record, episodes, export, quality, bench,
 * calibrate, devices, dataset. Exit codes: 0 done, 1 failed (the message says what; a probe that found nothing), 2
 * bad command line.
 */
public final class CliApplication implements IApplication {

    private static final Map<String, Set<String>> VALUED = Map.of(
            "demo", Set.of("episodes", "out", "seconds"),
            "record", Set.of("station", "episodes", "task", "seconds", "operator", "seed"),
            "episodes", Set.of(),
            "export", Set.of("format", "out", "episodes", "name", "options"),
            "bench", Set.of("cameras", "seconds", "episodes"),
            "quality", Set.of("episodes", "record", "seed", "parallel", "operator"),
            "calibrate", Set.of("station", "seconds", "joints"),
            "devices", DevicesCommand.VALUED,
            "dataset", DatasetCommand.VALUED,
            "stations", Set.of());
    private static final Map<String, Set<String>> FLAGS = Map.of("episodes", Set.of("json"), "bench", Set.of("json"),
            "quality", Set.of("json", "report", "operators"), "calibrate", Set.of("json", "save"), "devices", DevicesCommand.FLAGS,
            "stations", StationsCommand.FLAGS,
            "dataset", DatasetCommand.FLAGS);
    private static final Map<String, Set<String>> SUBJECTS = Map.of("bench", Set.of("recorder", "sync", "export"),
            "calibrate", Set.of("latency"), "devices", DevicesCommand.SUBJECTS, "dataset", DatasetCommand.SUBJECTS,
            "stations", StationsCommand.SUBJECTS);
    private static final Set<String> WITH_OPERANDS = Set.of("dataset", "stations");
    private static final String DEMO_TASK = "Pick up the cube and place it in the bin.";

    private final PrintStream out = System.out;

    @Override
    public Object start(IApplicationContext context) {
        String[] args = (String[]) context.getArguments().getOrDefault(IApplicationContext.APPLICATION_ARGS,
                new String[0]);
        context.applicationRunning();
        try (Services services = new Services()) {
            return run(Arguments.parse(args, VALUED, FLAGS, SUBJECTS, WITH_OPERANDS), services);
        } catch (UsageException e) {
            System.err.println("demoforge: " + e.getMessage());
            System.err.println("Usage: demoforge demo|record|episodes|export|quality|bench recorder|sync|export"
                    + "|calibrate latency|devices list|probe|dataset create|build|rebuild|list|show|edit"
                    + "|stations list|show|revert [options]"
                    + "   (see README.md)");
            return 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            System.err.println("demoforge: interrupted");
            return 1;
        } catch (IOException | RuntimeException e) {
            System.err.println("demoforge: " + e.getMessage());
            return 1;
        }
    }

    private int run(Arguments args, Services services) throws UsageException, IOException, InterruptedException {
        if (args.verb().equals("devices")) {
            return new DevicesCommand(services, out).run(args);
        }
        Path home = Path.of(System.getProperty("user.home"), "demoforge-workspace");
        Workspace workspace = Workspace.select(args.path("workspace", home));
        Catalog catalog = services.get(Catalog.class);
        Episodes.recover(services.get(EpisodeStore.class), catalog, workspace.episodes(), out);
        switch (args.verb()) {
            case "episodes" -> Episodes.list(catalog, args.flag("json"), out);
            case "record" -> {
                String task = args.text("task", null);
                if (task == null || task.isBlank()) {
                    throw new UsageException("record needs --task \"TEXT\" (the task / language instruction)");
                }
                Long seed = args.text("seed", null) == null ? null : (long) args.positiveInt("seed", 1);
                new RecordCommand(services, workspace, out).record(args.text("station", "sim"), task,
                        args.text("operator", System.getProperty("user.name")), args.positiveInt("episodes", 1),
                        args.positiveDouble("seconds", 10), seed);
            }
            case "export" -> {
                String format = args.text("format", null);
                if (format == null) {
                    throw new UsageException("export needs --format FORMAT (e.g. lerobot)");
                }
                Path outDir = args.path("out", null);
                if (outDir == null) {
                    throw new UsageException("export needs --out DIR");
                }
                ExportResult r = new Exporting(services, out).export(format, outDir,
                        args.list("episodes"), args.text("name", "demoforge_dataset"), args.keyValues("options"));
                printExport(r);
            }
            case "demo" -> demo(args, services, workspace, catalog);
            case "bench" -> bench(args, services, workspace);
            case "quality" -> {
                return new QualityCommand(services, workspace, out).run(args);
            }
            case "calibrate" -> new CalibrateCommand(services, workspace, out).latency(args.text("station", "sim"),
                    args.positiveDouble("seconds", 10), args.text("joints", null), args.flag("json"),
                    args.flag("save"));
            case "stations" -> new StationsCommand(catalog, services.get(StationManager.class), out).run(args);
            case "dataset" -> {
                return new DatasetCommand(services, out).run(args);
            }
            default -> throw new UsageException("Unknown verb " + args.verb());
        }
        return 0;
    }

    private void bench(Arguments args, Services services, Workspace workspace)
            throws UsageException, IOException, InterruptedException {
        if (args.subject().equals("export")) {
            new ExportBenchmark(services, workspace, out).run(args.positiveInt("episodes", 50),
                    args.positiveDouble("seconds", 2), args.flag("json"));
            return;
        }
        if (args.subject().equals("sync")) {
            if (args.text("cameras", null) != null) {
                throw new UsageException("bench sync runs the simulated station as configured; --cameras is for"
                        + " bench recorder");
            }
            new SyncBenchCommand(services, out).run(args.positiveDouble("seconds", 30), args.flag("json"));
            return;
        }
        new RecorderBenchmark(services, workspace, out).run(
                args.text("cameras", null) == null ? 0 : args.positiveInt("cameras", 1),
                args.positiveDouble("seconds", 20), args.flag("json"));
    }

    private void demo(Arguments args, Services services, Workspace workspace, Catalog catalog)
            throws UsageException, IOException, InterruptedException {
        int count = args.positiveInt("episodes", 5);
        double seconds = args.positiveDouble("seconds", 10);
        Path outDir = args.path("out", Path.of("demo-output", "lerobot").toAbsolutePath());
        out.printf("DemoForge demo: recording %d episodes of %.0f s from the simulated station into %s%n", count,
                seconds, workspace.root());
        List<RecordCommand.Recorded> recorded = new RecordCommand(services, workspace, out).record("sim", DEMO_TASK,
                "demo-operator", count, seconds, 1L);
        for (RecordCommand.Recorded r : recorded) {
            ReviewState state = r.verdict() == Verdict.FAIL ? ReviewState.REJECTED : ReviewState.ACCEPTED;
            catalog.review(r.episode().id(), state, "demo-auto-gate", "quality checks: " + r.verdict());
        }
        List<String> accepted = recorded.stream().filter(r -> r.verdict() != Verdict.FAIL)
                .map(r -> r.episode().id()).toList();
        long frames = recorded.stream().mapToLong(r -> r.episode().frames()).sum();
        long drops = recorded.stream().mapToLong(r -> r.episode().drops()).sum();
        double duration = recorded.stream().mapToDouble(r -> r.episode().durationSeconds()).sum();
        out.printf("Recorded %d episodes: %.1f s, %d frames, %d drops; %d accepted by the quality checks%n",
                recorded.size(), duration, frames, drops, accepted.size());
        if (accepted.isEmpty()) {
            throw new IOException("No episode passed the quality checks; nothing to export");
        }
        printExport(new Exporting(services, out).export("lerobot", outDir, accepted, "demoforge_demo",
                Map.of()));
    }

    private void printExport(ExportResult r) {
        out.printf("Dataset: %d episodes, %d frames, %.1f MB in %.1f s -> %s%n", r.episodes(), r.frames(),
                r.bytes() / 1e6, r.elapsed().toMillis() / 1e3, r.outputDir());
    }

    @Override
    public void stop() {
        // the verbs finish on their own; nothing to interrupt
    }
}
