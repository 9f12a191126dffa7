package dev.demoforge.cli.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.eclipse.core.runtime.NullProgressMonitor;

import dev.demoforge.catalog.api.Catalog;
import dev.demoforge.catalog.api.EpisodeQuery;
import dev.demoforge.catalog.api.EpisodeRecord;
import dev.demoforge.dataset.DatasetService;
import dev.demoforge.episode.api.EpisodeStore;
import dev.demoforge.episode.api.RawEpisode;
import dev.demoforge.export.api.DatasetExporter;
import dev.demoforge.export.api.ExportResult;
import dev.demoforge.export.support.Staging;

/**
 * {@code bench export}: after one untimed single-episode export per format (natives loaded, code compiled), exports
 * one simulated dataset (recorded once into the workspace, reused on later runs)
 * through every registered {@link DatasetExporter} with default options, and reports each format's episodes/s and
 * MB/s of raw episode bytes processed, against copying the same raw files on the same disk in the same run (the
 * baseline: {@code ratio = format MB/s / copy MB/s}). Exporters with a {@code video_remux} option run a second time
 * with it off, which measures packet copy against re-encoding.
 */
final class ExportBenchmark {

    /** One format's figures. */
    record Result(String format, String options, int episodes, long frames, double seconds, long outputBytes,
            double episodesPerSecond, double rawMBps, double ratioToCopy, String error) {
    }

    private final Services services;
    private final Workspace workspace;
    private final PrintStream out;

    ExportBenchmark(Services services, Workspace workspace, PrintStream out) {
        this.services = services;
        this.workspace = workspace;
        this.out = out;
    }

    void run(int episodes, double seconds, boolean json) throws IOException, UsageException, InterruptedException {
        List<RawEpisode> raw = dataset(episodes, seconds, json);
        long rawBytes = 0;
        for (RawEpisode e : raw) {
            rawBytes += Staging.size(e.directory());
        }
        Path scratch = Files.createTempDirectory(workspace.root(), "bench-export-");
        try {
            flushPageCache();
            double copySeconds = copy(raw, scratch.resolve("copy"));
            double copyMBps = rawBytes / 1e6 / copySeconds;
            long frames = 0;
            List<Result> results = new ArrayList<>();
            List<DatasetExporter> exporters = services.all(DatasetExporter.class).stream()
                    .sorted(Comparator.comparing(DatasetExporter::formatId)).toList();
            if (!json) {
                out.printf("Raw episodes: %d x %.1f s, %.1f MB; copy on the same disk: %.2f s = %.0f MB/s%n",
                        raw.size(), seconds, rawBytes / 1e6, copySeconds, copyMBps);
            }
            for (DatasetExporter exporter : exporters) {
                // warm-up, not timed: loads FFmpeg/HDF5 natives and compiles the hot paths for every format
                export(exporter, Map.of(), raw.subList(0, 1), rawBytes, copyMBps, scratch.resolve("warm-up"));
            }
            for (DatasetExporter exporter : exporters) {
                List<Map<String, String>> variants = new ArrayList<>(List.of(Map.of()));
                if (exporter.capabilities().options().stream().anyMatch(o -> o.key().equals("video_remux"))) {
                    variants.add(Map.of("video_remux", "off"));
                }
                for (Map<String, String> options : variants) {
                    Result r = export(exporter, options, raw, rawBytes, copyMBps,
                            scratch.resolve(exporter.formatId() + (options.isEmpty() ? "" : "-" + results.size())));
                    results.add(r);
                    frames = Math.max(frames, r.frames());
                    if (!json) {
                        print(r);
                    }
                }
            }
            if (json) {
                Map<String, Object> o = new LinkedHashMap<>();
                o.put("machine", BenchReport.machine());
                o.put("episodes", raw.size());
                o.put("secondsPerEpisode", seconds);
                o.put("frames", frames);
                o.put("rawBytes", rawBytes);
                o.put("copySeconds", copySeconds);
                o.put("copyMBps", copyMBps);
                o.put("formats", results);
                out.println(Json.GSON.toJson(o));
            }
        } finally {
            Staging.deleteTree(scratch);
        }
    }

    private void print(Result r) {
        String name = r.format() + (r.options().isEmpty() ? "" : " (" + r.options() + ")");
        if (r.error() != null) {
            out.printf("  %-36s FAILED: %s%n", name, r.error());
            return;
        }
        out.printf(Locale.ROOT, "  %-36s %6.1f s %7.2f episodes/s %7.1f MB/s raw in (%.3fx copy) -> %7.1f MB%n",
                name, r.seconds(), r.episodesPerSecond(), r.rawMBps(), r.ratioToCopy(), r.outputBytes() / 1e6);
    }

    private Result export(DatasetExporter exporter, Map<String, String> options, List<RawEpisode> raw, long rawBytes,
            double copyMBps, Path outDir) {
        String opts = options.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).sorted()
                .reduce((a, b) -> a + "," + b).orElse("");
        try {
            flushPageCache();
            long t0 = System.nanoTime();
            ExportResult r = services.get(DatasetService.class).export(exporter, "bench", raw, outDir, options,
                    new NullProgressMonitor());
            double s = (System.nanoTime() - t0) / 1e9;
            double mbps = rawBytes / 1e6 / s;
            return new Result(exporter.formatId(), opts, r.episodes(), r.frames(), s, r.bytes(), r.episodes() / s,
                    mbps, mbps / copyMBps, null);
        } catch (IOException | RuntimeException e) {
            return new Result(exporter.formatId(), opts, 0, 0, 0, 0, 0, 0, 0, String.valueOf(e.getMessage()));
        } finally {
            Staging.deleteTree(outDir);
        }
    }

    /**
     * Writes dirty pages back ({@code sync}) so that one format's output (gigabytes for raw-frame HDF5) is not
     * flushed while the next format is timed. Reads stay cached: every format reads the same raw files warm, as
     * the copy baseline does.
     */
    private static void flushPageCache() throws IOException {
        try {
            new ProcessBuilder("sync").inheritIO().start().waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while syncing before an export", e);
        }
    }

    /** The benchmark's episodes: those recorded by an earlier run with the same length, else recorded now. */
    private List<RawEpisode> dataset(int count, double seconds, boolean json)
            throws IOException, UsageException, InterruptedException {
        String task = String.format(Locale.ROOT, "DemoForge export benchmark (%.1f s)", seconds);
        Catalog catalog = services.get(Catalog.class);
        List<EpisodeRecord> found = catalog.episodes(EpisodeQuery.all()).stream()
                .filter(e -> task.equals(e.task()) && Files.isDirectory(Path.of(e.directory()))).toList();
        if (found.size() < count) {
            if (!json) {
                out.printf("Recording %d episodes of %.1f s from the simulated station (reused on later runs)%n",
                        count - found.size(), seconds);
            }
            new RecordCommand(services, workspace, json ? new PrintStream(PrintStream.nullOutputStream()) : out)
                    .record("sim", task, "bench", count - found.size(), seconds, 1000L + found.size());
            found = catalog.episodes(EpisodeQuery.all()).stream()
                    .filter(e -> task.equals(e.task()) && Files.isDirectory(Path.of(e.directory()))).toList();
        } else if (!json) {
            out.printf("Reusing %d recorded episodes of %.1f s (task \"%s\")%n", count, seconds, task);
        }
        EpisodeStore store = services.get(EpisodeStore.class);
        List<RawEpisode> raw = new ArrayList<>();
        for (EpisodeRecord e : found.subList(0, count)) {
            raw.add(store.open(Path.of(e.directory())));
        }
        return raw;
    }

    /**
     * Copies every file of the episodes (the same bytes an export reads); returns seconds. Like the exports, the
     * copy is not synced to the device: both measure reading the raw files and writing through the page cache.
     */
    private static double copy(List<RawEpisode> raw, Path target) throws IOException {
        long t0 = System.nanoTime();
        for (RawEpisode e : raw) {
            Path dir = Files.createDirectories(target.resolve(e.directory().getFileName()));
            try (Stream<Path> files = Files.list(e.directory())) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    Files.copy(f, dir.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return (System.nanoTime() - t0) / 1e9;
    }
}
