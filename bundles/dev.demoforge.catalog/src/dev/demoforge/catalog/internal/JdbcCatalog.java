package dev.demoforge.catalog.internal;

import static dev.demoforge.catalog.internal.CatalogDatabase.instant;
import static dev.demoforge.catalog.internal.CatalogDatabase.now;
import static dev.demoforge.catalog.internal.CatalogDatabase.time;

import java.lang.reflect.Type;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.google.gson.Gson;
import com.google.gson.reflect.TypeToken;

import dev.demoforge.catalog.api.Catalog;
import dev.demoforge.catalog.api.CheckRecord;
import dev.demoforge.catalog.api.EpisodeQuery;
import dev.demoforge.catalog.api.EpisodeRecord;
import dev.demoforge.catalog.api.ReviewState;
import dev.demoforge.catalog.api.SessionRecord;
import dev.demoforge.device.api.DeviceConfig;
import dev.demoforge.device.api.StationConfig;
import dev.demoforge.episode.api.EpisodeStatus;

/**
 * Stations, sessions, episodes, review decisions and check results in the {@link CatalogDatabase}.
 */
@Component(service = Catalog.class)
public final class JdbcCatalog implements Catalog {

    private static final Gson GSON = new Gson();
    static final String EPISODE_COLUMNS = "id, session_id, station_id, task, operator, started_at, duration_s,"
            + " frames, drops, status, review, directory, problem";

    private final CatalogDatabase db;

    @Activate
    public JdbcCatalog(@Reference CatalogDatabase db) {
        this.db = db;
    }

    @Override
    public int schemaVersion() {
        return db.schemaVersion();
    }

    @Override
    public void putStation(StationConfig station) {
        db.inTransaction("storing station " + station.id(), () -> {
            db.update("MERGE INTO station (id, robot_type, updated_at) KEY (id) VALUES (?, ?, ?)", station.id(),
                    station.robotType(), now());
            db.update("DELETE FROM device WHERE station_id = ?", station.id());
            int order = 0;
            for (DeviceConfig device : station.devices()) {
                db.update("INSERT INTO device (station_id, device_id, driver_id, properties_json, display_order)"
                        + " VALUES (?, ?, ?, ?, ?)", station.id(), device.deviceId(), device.driverId(),
                        GSON.toJson(device.properties()), order++);
            }
        });
    }

    @Override
    public List<String> stationIds() {
        return db.query("listing stations", "SELECT id FROM station ORDER BY id", rs -> rs.getString(1));
    }

    @Override
    public Optional<StationConfig> station(String id) {
        List<String> robotType = db.query("reading station " + id, "SELECT robot_type FROM station WHERE id = ?",
                rs -> rs.getString(1), id);
        if (robotType.isEmpty()) {
            return Optional.empty();
        }
        Type propertiesType = new TypeToken<Map<String, String>>() { }.getType();
        List<DeviceConfig> devices = db.query("reading the devices of station " + id,
                "SELECT device_id, driver_id, properties_json FROM device WHERE station_id = ?"
                        + " ORDER BY display_order, device_id",
                rs -> new DeviceConfig(rs.getString(1), rs.getString(2),
                        GSON.<Map<String, String>>fromJson(rs.getString(3), propertiesType)), id);
        return Optional.of(new StationConfig(id, robotType.get(0) == null ? "" : robotType.get(0), devices));
    }

    @Override
    public boolean deleteStation(String id) {
        boolean[] found = new boolean[1];
        db.inTransaction("deleting station " + id, () -> {
            db.update("DELETE FROM device WHERE station_id = ?", id);
            found[0] = db.update("DELETE FROM station WHERE id = ?", id) > 0;
        });
        return found[0];
    }

    @Override
    public SessionRecord openSession(String operator, String stationId, String task, String sceneNotes) {
        SessionRecord session = new SessionRecord(UUID.randomUUID().toString(), operator, stationId, task, sceneNotes,
                Instant.now(), null);
        db.inTransaction("opening a session", () -> db.update(
                "INSERT INTO session (id, operator, station_id, task, scene_notes, started_at) VALUES (?, ?, ?, ?, ?, ?)",
                session.id(), operator, stationId, task, sceneNotes, time(session.startedAt())));
        return session;
    }

    @Override
    public void closeSession(String sessionId) {
        db.inTransaction("closing session " + sessionId,
                () -> db.update("UPDATE session SET ended_at = ? WHERE id = ?", now(), sessionId));
    }

    @Override
    public Optional<SessionRecord> session(String sessionId) {
        return db.query("reading session " + sessionId,
                "SELECT id, operator, station_id, task, scene_notes, started_at, ended_at FROM session WHERE id = ?",
                rs -> new SessionRecord(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), instant(rs, 6), instant(rs, 7)), sessionId).stream().findFirst();
    }

    @Override
    public void putEpisode(EpisodeRecord e) {
        db.inTransaction("storing episode " + e.id(), () -> db.update("MERGE INTO episode (" + EPISODE_COLUMNS
                + ") KEY (id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", e.id(), e.sessionId(), e.stationId(),
                e.task(), e.operator(), time(e.startedAt()), e.durationSeconds(), e.frames(), e.drops(),
                e.status().name(), e.review().name(), e.directory(), e.problem()));
    }

    @Override
    public Optional<EpisodeRecord> episode(String id) {
        return episodes(EpisodeQuery.ids(List.of(id))).stream().findFirst();
    }

    @Override
    public List<EpisodeRecord> episodes(EpisodeQuery q) {
        StringBuilder sql = new StringBuilder("SELECT " + EPISODE_COLUMNS + " FROM episode WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (!q.ids().isEmpty()) {
            sql.append(" AND id IN (").append(String.join(", ", q.ids().stream().map(i -> "?").toList())).append(')');
            args.addAll(q.ids());
        }
        filter(sql, args, "CAST(task AS VARCHAR)", q.task());
        filter(sql, args, "station_id", q.stationId());
        filter(sql, args, "review", q.review() == null ? null : q.review().name());
        sql.append(" ORDER BY started_at, id");
        return db.query("listing episodes", sql.toString(), JdbcCatalog::episodeRow, args.toArray());
    }

    private static void filter(StringBuilder sql, List<Object> args, String column, String value) {
        if (value != null) {
            sql.append(" AND ").append(column).append(" = ?");
            args.add(value);
        }
    }

    static EpisodeRecord episodeRow(ResultSet rs) throws SQLException {
        return new EpisodeRecord(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                instant(rs, 6), rs.getDouble(7), rs.getLong(8), rs.getLong(9), EpisodeStatus.valueOf(rs.getString(10)),
                ReviewState.valueOf(rs.getString(11)), rs.getString(12), rs.getString(13));
    }

    @Override
    public void review(String episodeId, ReviewState state, String reviewer, String reason) {
        db.inTransaction("reviewing episode " + episodeId, () -> {
            if (db.update("UPDATE episode SET review = ? WHERE id = ?", state.name(), episodeId) == 0) {
                throw new SQLException("no episode " + episodeId);
            }
            db.update("INSERT INTO review_decision (episode_id, state, reviewer, reason, decided_at) VALUES (?, ?, ?, ?, ?)",
                    episodeId, state.name(), reviewer, reason, now());
        });
    }

    @Override
    public void putChecks(String episodeId, List<CheckRecord> results) {
        db.inTransaction("storing check results of " + episodeId, () -> {
            db.update("DELETE FROM check_result WHERE episode_id = ?", episodeId);
            for (CheckRecord r : results) {
                db.update("INSERT INTO check_result (episode_id, check_id, verdict, score, reasons_json) VALUES (?, ?, ?, ?, ?)",
                        episodeId, r.checkId(), r.verdict(), r.score(), r.reasonsJson());
            }
        });
    }

    @Override
    public List<CheckRecord> checks(String episodeId) {
        return db.query("reading check results of " + episodeId,
                "SELECT check_id, verdict, score, reasons_json FROM check_result WHERE episode_id = ? ORDER BY check_id",
                rs -> new CheckRecord(rs.getString(1), rs.getString(2), rs.getDouble(3), rs.getString(4)), episodeId);
    }

    /** Review decisions of an episode, oldest first, as (state, reviewer, reason). */
    List<Map<String, String>> reviewHistory(String episodeId) {
        return db.query("reading review history", "SELECT state, reviewer, reason FROM review_decision"
                + " WHERE episode_id = ? ORDER BY id", rs -> Map.of("state", rs.getString(1), "reviewer",
                        String.valueOf(rs.getString(2)), "reason", String.valueOf(rs.getString(3))), episodeId);
    }
}
