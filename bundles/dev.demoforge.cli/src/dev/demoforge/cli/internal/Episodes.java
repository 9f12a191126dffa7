package dev.demoforge.cli.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

import dev.demoforge.catalog.api.Catalog;
import dev.demoforge.catalog.api.EpisodeQuery;
import dev.demoforge.catalog.api.EpisodeRecord;
import dev.demoforge.catalog.api.ReviewState;
import dev.demoforge.episode.api.EpisodeStore;
import dev.demoforge.episode.api.EpisodeSummary;

/** Listing episodes, and bringing the catalog up to date with episodes a crash left behind. */
final class Episodes {

    private Episodes() {
    }

    static EpisodeRecord record(EpisodeSummary s, String sessionId, String stationId, String task, String operator) {
        return new EpisodeRecord(s.episodeId(), sessionId, stationId, task, operator, s.startedAt(),
                s.durationSeconds(), s.cameraFrames(), s.drops(), s.status(), ReviewState.PENDING,
                s.directory().toString(), s.problem());
    }

    /** Repairs episodes whose recorder died and records them in the catalog as RECOVERED. */
    static List<EpisodeSummary> recover(EpisodeStore store, Catalog catalog, Path episodesRoot, PrintStream out)
            throws IOException {
        List<EpisodeSummary> recovered = store.recoverUnfinished(episodesRoot);
        for (EpisodeSummary s : recovered) {
            var manifest = store.open(s.directory()).manifest();
            EpisodeRecord existing = catalog.episode(s.episodeId()).orElse(null);
            catalog.putEpisode(record(s, manifest.sessionId(), manifest.stationId(), manifest.task(),
                    manifest.operator()).withReview(existing == null ? ReviewState.PENDING : existing.review()));
            out.printf("Recovered episode %s: %.1f s, %d frames (%s)%n", s.episodeId(), s.durationSeconds(),
                    s.cameraFrames(), s.problem());
        }
        return recovered;
    }

    static void list(Catalog catalog, boolean json, PrintStream out) {
        List<EpisodeRecord> all = catalog.episodes(EpisodeQuery.all());
        if (json) {
            out.println(Json.GSON.toJson(all));
            return;
        }
        out.printf("%-32s %-10s %-8s %7s %6s %5s  %s%n", "EPISODE", "STATUS", "REVIEW", "SECONDS", "FRAMES", "DROPS",
                "TASK");
        for (EpisodeRecord e : all) {
            out.printf("%-32s %-10s %-8s %7.1f %6d %5d  %s%n", e.id(), e.status(), e.review(), e.durationSeconds(),
                    e.frames(), e.drops(), e.task());
        }
        out.printf("%d episodes%n", all.size());
    }
}
