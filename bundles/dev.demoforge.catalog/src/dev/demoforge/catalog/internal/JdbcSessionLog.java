package dev.demoforge.catalog.internal;

import static dev.demoforge.catalog.internal.CatalogDatabase.instant;
import static dev.demoforge.catalog.internal.CatalogDatabase.now;
import static dev.demoforge.catalog.internal.CatalogDatabase.time;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import dev.demoforge.catalog.api.tasks.EpisodeMark;
import dev.demoforge.catalog.api.tasks.SessionEntry;
import dev.demoforge.catalog.api.tasks.SessionEpisode;
import dev.demoforge.catalog.api.tasks.SessionLog;
import dev.demoforge.catalog.api.tasks.TaskSpec;

/**
 * Capture sessions in the {@link CatalogDatabase}: rows of the shared {@code session} table (so
 * {@code Catalog.session} sees them too) with their task and hardware, and {@code session_episode} /
 * {@code episode_scene} rows per episode.
 */
@Component(service = SessionLog.class)
public final class JdbcSessionLog implements SessionLog {

    private static final String COLUMNS = "id, task_id, operator, station_id, hardware, started_at, ended_at";

    private final CatalogDatabase db;
    private final JdbcTaskCatalog tasks;

    @Activate
    public JdbcSessionLog(@Reference CatalogDatabase db) {
        this.db = db;
        this.tasks = new JdbcTaskCatalog(db);
    }

    @Override
    public SessionEntry open(String taskId, String operator, String stationId, String hardware) {
        TaskSpec task = tasks.task(taskId).orElseThrow(() -> new IllegalArgumentException(
                "Cannot open a session: there is no task with id " + taskId + " in the catalog"));
        SessionEntry session = new SessionEntry(UUID.randomUUID().toString(), taskId, operator, stationId, hardware,
                Instant.now(), null);
        db.inTransaction("opening a session of task '" + task.name() + "'", () -> db.update(
                "INSERT INTO session (id, task_id, operator, station_id, hardware, task, scene_notes, started_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                session.id(), taskId, operator, stationId, hardware, task.instruction(), "",
                time(session.startedAt())));
        return session;
    }

    @Override
    public void close(String sessionId) {
        db.inTransaction("closing session " + sessionId,
                () -> db.update("UPDATE session SET ended_at = ? WHERE id = ?", now(), sessionId));
    }

    @Override
    public Optional<SessionEntry> session(String sessionId) {
        return db.query("reading session " + sessionId, "SELECT " + COLUMNS + " FROM session WHERE id = ?",
                JdbcSessionLog::sessionRow, sessionId).stream().findFirst();
    }

    @Override
    public List<SessionEntry> unfinished(String taskId, String stationId) {
        return db.query("listing unfinished sessions", "SELECT " + COLUMNS + " FROM session WHERE task_id = ?"
                + " AND station_id = ? AND ended_at IS NULL ORDER BY started_at DESC", JdbcSessionLog::sessionRow,
                taskId, stationId);
    }

    @Override
    public void episodeStarted(String sessionId, String episodeId, int index, int attempt, Map<String, String> scene) {
        db.inTransaction("recording the scene of episode " + episodeId, () -> {
            db.update("MERGE INTO session_episode (episode_id, session_id, episode_index, attempt, started_at, mark,"
                    + " marked_at) KEY (episode_id) VALUES (?, ?, ?, ?, ?, NULL, NULL)", episodeId, sessionId, index,
                    attempt, now());
            db.update("DELETE FROM episode_scene WHERE episode_id = ?", episodeId);
            int position = 0;
            for (Map.Entry<String, String> level : scene.entrySet()) {
                db.update("INSERT INTO episode_scene (episode_id, position, factor, level) VALUES (?, ?, ?, ?)",
                        episodeId, position++, level.getKey(), level.getValue());
            }
        });
    }

    @Override
    public void mark(String episodeId, EpisodeMark mark) {
        db.inTransaction("marking episode " + episodeId + " " + mark, () -> {
            if (db.update("UPDATE session_episode SET mark = ?, marked_at = ? WHERE episode_id = ?", mark.name(),
                    now(), episodeId) == 0) {
                throw new SQLException("episode " + episodeId + " belongs to no capture session");
            }
        });
    }

    @Override
    public List<SessionEpisode> episodes(String sessionId) {
        record Row(String id, int index, int attempt, String mark, Instant markedAt) {
        }
        List<Row> rows = db.query("listing the episodes of session " + sessionId,
                "SELECT episode_id, episode_index, attempt, mark, marked_at FROM session_episode WHERE session_id = ?"
                        + " ORDER BY started_at, episode_index, attempt",
                rs -> new Row(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getString(4), instant(rs, 5)),
                sessionId);
        List<SessionEpisode> episodes = new ArrayList<>();
        for (Row row : rows) {
            Map<String, String> scene = new LinkedHashMap<>();
            db.query("reading the scene of episode " + row.id(), "SELECT factor, level FROM episode_scene"
                    + " WHERE episode_id = ? ORDER BY position", rs -> scene.put(rs.getString(1), rs.getString(2)),
                    row.id());
            episodes.add(new SessionEpisode(row.id(), sessionId, row.index(), row.attempt(), scene,
                    row.mark() == null ? null : EpisodeMark.valueOf(row.mark()), row.markedAt()));
        }
        return episodes;
    }

    private static SessionEntry sessionRow(ResultSet rs) throws SQLException {
        return new SessionEntry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                instant(rs, 6), instant(rs, 7));
    }
}
