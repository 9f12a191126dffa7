package dev.demoforge.catalog.api.tasks;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Capture sessions in the catalog: their task, operator, station and hardware, and per episode the scene used and
 * the operator's mark. A session left open (no end) by a crash can be found again and resumed. Thread-safe; every
 * call is a short blocking database transaction, so call it off the UI thread. Failures throw
 * {@link dev.demoforge.catalog.api.CatalogException}.
 *
 * @since 0.1
 */
@ProviderType
public interface SessionLog {

    /** Opens a session of a stored task (its instruction becomes the session's task text). */
    SessionEntry open(String taskId, String operator, String stationId, String hardware);

    /** Sets the session's end time. */
    void close(String sessionId);

    Optional<SessionEntry> session(String sessionId);

    /** Sessions of a task on a station never closed (the workbench died), newest first. */
    List<SessionEntry> unfinished(String taskId, String stationId);

    /**
     * Records that an episode of the session started, with the scene used; call once the episode id is known and
     * before samples matter, so that a crash leaves the scene behind.
     */
    void episodeStarted(String sessionId, String episodeId, int index, int attempt, Map<String, String> scene);

    /** Sets (or replaces) the operator's mark on an episode. */
    void mark(String episodeId, EpisodeMark mark);

    /** The session's episodes in recording order. */
    List<SessionEpisode> episodes(String sessionId);
}
