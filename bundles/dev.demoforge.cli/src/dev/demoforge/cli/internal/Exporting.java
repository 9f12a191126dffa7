package dev.demoforge.cli.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.eclipse.core.runtime.NullProgressMonitor;

import dev.demoforge.catalog.api.Catalog;
import dev.demoforge.catalog.api.EpisodeQuery;
import dev.demoforge.catalog.api.EpisodeRecord;
import dev.demoforge.catalog.api.ReviewState;
import dev.demoforge.dataset.DatasetService;
import dev.demoforge.episode.api.EpisodeStore;
import dev.demoforge.episode.api.RawEpisode;
import dev.demoforge.export.api.DatasetExporter;
import dev.demoforge.export.api.ExportResult;

/** Exports catalog episodes through an exporter chosen by format id. */
final class Exporting {

    private final Services services;
    private final PrintStream out;

    Exporting(Services services, PrintStream out) {
        this.services = services;
        this.out = out;
    }

    ExportResult export(String format, Path outputDir, List<String> ids, String name, Map<String, String> options)
            throws IOException, UsageException {
        List<DatasetExporter> exporters = services.all(DatasetExporter.class);
        DatasetExporter exporter = exporters.stream().filter(e -> e.formatId().equals(format)).findFirst()
                .orElseThrow(() -> new UsageException("Unknown format '" + format + "'. Formats: "
                        + exporters.stream().map(DatasetExporter::formatId).sorted().toList()));
        Catalog catalog = services.get(Catalog.class);
        List<EpisodeRecord> selected = ids.isEmpty() ? catalog.episodes(EpisodeQuery.review(ReviewState.ACCEPTED))
                : catalog.episodes(EpisodeQuery.ids(ids));
        if (!ids.isEmpty()) {
            Set<String> found = selected.stream().map(EpisodeRecord::id).collect(Collectors.toSet());
            List<String> missing = ids.stream().filter(id -> !found.contains(id)).toList();
            if (!missing.isEmpty()) {
                throw new UsageException("No such episodes in the catalog: " + missing);
            }
        }
        if (selected.isEmpty()) {
            throw new UsageException("No accepted episodes to export: review some, or name them with --episodes");
        }
        EpisodeStore store = services.get(EpisodeStore.class);
        List<RawEpisode> raw = new ArrayList<>();
        for (EpisodeRecord e : selected) {
            raw.add(store.open(Path.of(e.directory())));
        }
        out.printf("Exporting %d episodes as %s to %s%n", raw.size(), exporter.label(), outputDir);
        try {
            return services.get(DatasetService.class).export(exporter, name, raw, outputDir, options,
                    new PrintingMonitor(out));
        } catch (IllegalArgumentException e) {
            String msg = e.getMessage();
            if (msg != null && msg.contains("option")) {
                msg += ". Options of " + format + ": " + exporter.capabilities().options().stream()
                        .map(o -> o.key() + " (default " + o.defaultValue() + ")").toList();
            }
            throw new UsageException(msg);
        }
    }

    /** Prints each episode as the export reaches it. */
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
}
