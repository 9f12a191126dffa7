package dev.demoforge.catalog.api;

import java.util.List;
import java.util.Optional;

import dev.demoforge.device.api.StationConfig;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The catalog of one workspace. Thread-safe; every call is a short blocking database transaction, so call it off
 * the UI thread. Failures throw {@link CatalogException}.
 *
 * @since 0.1
 */
@ProviderType
public interface Catalog {

    /** Schema version after migrations. */
    int schemaVersion();

    /** Inserts or replaces a station with its devices (their order is kept). */
    void putStation(StationConfig station);

    List<String> stationIds();

    /** A saved station with its devices in the order they were saved, empty when there is none with that id. */
    Optional<StationConfig> station(String id);

    /**
     * Deletes a saved station and its devices; sessions and episodes that name it keep the id.
     *
     * @return whether there was one
     */
    boolean deleteStation(String id);

    SessionRecord openSession(String operator, String stationId, String task, String sceneNotes);

    void closeSession(String sessionId);

    Optional<SessionRecord> session(String sessionId);

    /** Inserts or replaces an episode row. */
    void putEpisode(EpisodeRecord episode);

    Optional<EpisodeRecord> episode(String id);

    List<EpisodeRecord> episodes(EpisodeQuery query);

    /** Records a review decision with who made it; the history is kept. */
    void review(String episodeId, ReviewState state, String reviewer, String reason);

    /** Replaces the stored check results of an episode. */
    void putChecks(String episodeId, List<CheckRecord> results);

    List<CheckRecord> checks(String episodeId);
}
