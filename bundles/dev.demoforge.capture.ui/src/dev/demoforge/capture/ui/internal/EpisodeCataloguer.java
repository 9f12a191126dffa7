package dev.demoforge.capture.ui.internal;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import com.google.gson.Gson;

import dev.demoforge.catalog.api.Catalog;
import dev.demoforge.catalog.api.CheckRecord;
import dev.demoforge.catalog.api.EpisodeRecord;
import dev.demoforge.catalog.api.ReviewState;
import dev.demoforge.device.api.StationConfig;
import dev.demoforge.episode.api.EpisodeStatus;
import dev.demoforge.episode.api.EpisodeStore;
import dev.demoforge.episode.api.EpisodeSummary;
import dev.demoforge.episode.api.Recording;
import dev.demoforge.quality.api.CheckResult;
import dev.demoforge.quality.api.QualityService;
import dev.demoforge.quality.api.Verdict;

/**
 * Puts recorded episodes into the catalog the way the command line does: one catalog session per
 * operator and task, a RECORDING row when an episode starts (so a crash leaves a trace), the final row from the
 * episode's summary with review PENDING when it stops, then the quality checks' results.
 * <p>
 * Threading: called from the capture session's jobs (blocking database calls); synchronized. Services may be
 * absent: without a catalog nothing is written, without quality checks none are run.
 */
final class EpisodeCataloguer {

    private static final Gson GSON = new Gson();

    private volatile Catalog catalog;
    private volatile QualityService quality;
    private volatile EpisodeStore store;
    private String sessionId;
    private String sessionKey;

    void setCatalog(Catalog catalog) {
        this.catalog = catalog;
    }

    void setQuality(QualityService quality) {
        this.quality = quality;
    }

    void setStore(EpisodeStore store) {
        this.store = store;
    }

    boolean hasCatalog() {
        return catalog != null;
    }

    /** The catalog session for this operator and task (opened on first use), or null without a catalog. */
    synchronized String session(StationConfig station, String operator, String task) {
        Catalog theCatalog = catalog;
        if (theCatalog == null) {
            return null;
        }
        String key = station.id() + '\n' + operator + '\n' + task;
        if (sessionId == null || !key.equals(sessionKey)) {
            closeSession(theCatalog);
            sessionId = theCatalog.openSession(operator, station.id(), task, "").id();
            sessionKey = key;
        }
        return sessionId;
    }

    /** Keeps an episode the operator discarded out of datasets: review REJECTED with the operator as reviewer. */
    synchronized void discarded(String episodeId, String operator) {
        Catalog theCatalog = catalog;
        if (theCatalog != null) {
            theCatalog.review(episodeId, ReviewState.REJECTED, operator, "discarded by the operator; recorded again");
        }
    }

    /** Records that an episode started. */
    synchronized void started(Recording recording, String sessionOfEpisode, StationConfig station, String operator,
            String task) {
        Catalog theCatalog = catalog;
        if (theCatalog != null) {
            theCatalog.putEpisode(new EpisodeRecord(recording.episodeId(), sessionOfEpisode, station.id(), task,
                    operator, Instant.now(), 0, 0, 0, EpisodeStatus.RECORDING, ReviewState.PENDING,
                    recording.directory().toAbsolutePath().toString(), ""));
        }
    }

    /**
     * Records a finished episode and its quality checks; returns the checks' overall verdict, or null when no
     * checks ran.
     *
     * @throws IllegalStateException when there is no catalog
     */
    synchronized Verdict finished(EpisodeSummary summary, String sessionOfEpisode, StationConfig station,
            String operator, String task) throws IOException {
        Catalog theCatalog = Objects.requireNonNull(catalog, "catalog");
        theCatalog.putEpisode(new EpisodeRecord(summary.episodeId(), sessionOfEpisode, station.id(), task, operator,
                summary.startedAt(), summary.durationSeconds(), summary.cameraFrames(), summary.drops(),
                summary.status(), ReviewState.PENDING, summary.directory().toAbsolutePath().toString(),
                summary.problem()));
        QualityService checks = quality;
        EpisodeStore episodes = store;
        if (checks == null || episodes == null) {
            return null;
        }
        List<CheckResult> results = checks.evaluate(episodes.open(summary.directory()));
        theCatalog.putChecks(summary.episodeId(), results.stream().map(r -> new CheckRecord(r.checkId(),
                r.verdict().name(), r.score(), GSON.toJson(r.reasons()))).toList());
        return QualityService.overall(results);
    }

    /** Closes the open catalog session, if any. */
    synchronized void close() {
        Catalog theCatalog = catalog;
        if (theCatalog != null) {
            closeSession(theCatalog);
        }
    }

    private void closeSession(Catalog theCatalog) {
        if (sessionId != null) {
            theCatalog.closeSession(sessionId);
            sessionId = null;
            sessionKey = null;
        }
    }
}
