package dev.demoforge.catalog.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

import com.google.gson.Gson;

import dev.demoforge.catalog.api.Catalog;
import dev.demoforge.catalog.api.CatalogException;
import dev.demoforge.catalog.api.CheckRecord;
import dev.demoforge.catalog.api.EpisodeQuery;
import dev.demoforge.catalog.api.EpisodeRecord;
import dev.demoforge.catalog.api.ReviewState;
import dev.demoforge.catalog.api.SessionRecord;
import dev.demoforge.device.api.DeviceConfig;
import dev.demoforge.device.api.StationConfig;
import dev.demoforge.episode.api.EpisodeStatus;

/**
 * The catalog on one JDBC connection, serialised by this object's monitor. Default database: embedded H2 in the
 * workspace ({@code catalog.mv.db}) in auto-server mode, so the workbench and the command line can share it (the
 * second process connects over loopback). {@code demoforge.catalog.url} overrides the JDBC URL.
 */
@Component(service = Catalog.class)
public final class JdbcCatalog implements Catalog {

    private static final Gson GSON = new Gson();
    private static final String EPISODE_COLUMNS = "id, session_id, station_id, task, operator, started_at, duration_s,"
            + " frames, drops, status, review, directory, problem";

    private final Connection connection;
    private final String description;
    private final int schemaVersion;

    @Activate
    public JdbcCatalog(BundleContext context) {
        this(jdbcUrl(context), Optional.ofNullable(context.getProperty("demoforge.catalog.user")).orElse("sa"));
    }

    /** Opens the catalog at a JDBC URL (H2 here; the driver is H2's). */
    JdbcCatalog(String url, String user) {
        this.description = url;
        try {
            Properties props = new Properties();
            props.setProperty("user", user);
            props.setProperty("password", "");
            connection = new org.h2.Driver().connect(url, props);
            if (connection == null) {
                throw new SQLException("Not an H2 JDBC URL: " + url);
            }
            schemaVersion = Migrations.migrate(connection, getClass().getClassLoader()::getResource);
        } catch (SQLException | IOException e) {
            throw new CatalogException("Cannot open the catalog at " + url + ": " + e.getMessage(), e);
        }
    }

    private static String jdbcUrl(BundleContext context) {
        String url = context.getProperty("demoforge.catalog.url");
        if (url != null && !url.isBlank()) {
            return url;
        }
        Path workspace = WorkspaceLocation.resolve(context);
        try {
            Files.createDirectories(workspace);
        } catch (IOException e) {
            throw new CatalogException("Cannot create the workspace directory " + workspace + ": " + e, e);
        }
        return "jdbc:h2:file:" + workspace.resolve("catalog") + ";AUTO_SERVER=TRUE";
    }

    @Deactivate
    synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            System.getLogger(getClass().getName()).log(System.Logger.Level.WARNING, "Closing catalog " + description, e);
        }
    }

    @Override
    public int schemaVersion() {
        return schemaVersion;
    }

    @Override
    public synchronized void putStation(StationConfig station) {
        inTransaction("storing station " + station.id(), () -> {
            update("MERGE INTO station (id, robot_type, updated_at) KEY (id) VALUES (?, ?, ?)", station.id(),
                    station.robotType(), now());
            update("DELETE FROM device WHERE station_id = ?", station.id());
            for (DeviceConfig device : station.devices()) {
                update("INSERT INTO device (station_id, device_id, driver_id, properties_json) VALUES (?, ?, ?, ?)",
                        station.id(), device.deviceId(), device.driverId(), GSON.toJson(device.properties()));
            }
        });
    }

    @Override
    public synchronized List<String> stationIds() {
        return query("listing stations", "SELECT id FROM station ORDER BY id", rs -> rs.getString(1));
    }

    @Override
    public synchronized SessionRecord openSession(String operator, String stationId, String task, String sceneNotes) {
        SessionRecord session = new SessionRecord(UUID.randomUUID().toString(), operator, stationId, task, sceneNotes,
                Instant.now(), null);
        inTransaction("opening a session", () -> update(
                "INSERT INTO session (id, operator, station_id, task, scene_notes, started_at) VALUES (?, ?, ?, ?, ?, ?)",
                session.id(), operator, stationId, task, sceneNotes, time(session.startedAt())));
        return session;
    }

    @Override
    public synchronized void closeSession(String sessionId) {
        inTransaction("closing session " + sessionId,
                () -> update("UPDATE session SET ended_at = ? WHERE id = ?", now(), sessionId));
    }

    @Override
    public synchronized Optional<SessionRecord> session(String sessionId) {
        return query("reading session " + sessionId,
                "SELECT id, operator, station_id, task, scene_notes, started_at, ended_at FROM session WHERE id = ?",
                rs -> new SessionRecord(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), instant(rs, 6), instant(rs, 7)), sessionId).stream().findFirst();
    }

    @Override
    public synchronized void putEpisode(EpisodeRecord e) {
        inTransaction("storing episode " + e.id(), () -> update("MERGE INTO episode (" + EPISODE_COLUMNS
                + ") KEY (id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", e.id(), e.sessionId(), e.stationId(),
                e.task(), e.operator(), time(e.startedAt()), e.durationSeconds(), e.frames(), e.drops(),
                e.status().name(), e.review().name(), e.directory(), e.problem()));
    }

    @Override
    public synchronized Optional<EpisodeRecord> episode(String id) {
        return episodes(EpisodeQuery.ids(List.of(id))).stream().findFirst();
    }

    @Override
    public synchronized List<EpisodeRecord> episodes(EpisodeQuery q) {
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
        return query("listing episodes", sql.toString(), JdbcCatalog::episodeRow, args.toArray());
    }

    private static void filter(StringBuilder sql, List<Object> args, String column, String value) {
        if (value != null) {
            sql.append(" AND ").append(column).append(" = ?");
            args.add(value);
        }
    }

    private static EpisodeRecord episodeRow(ResultSet rs) throws SQLException {
        return new EpisodeRecord(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                instant(rs, 6), rs.getDouble(7), rs.getLong(8), rs.getLong(9), EpisodeStatus.valueOf(rs.getString(10)),
                ReviewState.valueOf(rs.getString(11)), rs.getString(12), rs.getString(13));
    }

    @Override
    public synchronized void review(String episodeId, ReviewState state, String reviewer, String reason) {
        inTransaction("reviewing episode " + episodeId, () -> {
            if (update("UPDATE episode SET review = ? WHERE id = ?", state.name(), episodeId) == 0) {
                throw new SQLException("no episode " + episodeId);
            }
            update("INSERT INTO review_decision (episode_id, state, reviewer, reason, decided_at) VALUES (?, ?, ?, ?, ?)",
                    episodeId, state.name(), reviewer, reason, now());
        });
    }

    @Override
    public synchronized void putChecks(String episodeId, List<CheckRecord> results) {
        inTransaction("storing check results of " + episodeId, () -> {
            update("DELETE FROM check_result WHERE episode_id = ?", episodeId);
            for (CheckRecord r : results) {
                update("INSERT INTO check_result (episode_id, check_id, verdict, score, reasons_json) VALUES (?, ?, ?, ?, ?)",
                        episodeId, r.checkId(), r.verdict(), r.score(), r.reasonsJson());
            }
        });
    }

    @Override
    public synchronized List<CheckRecord> checks(String episodeId) {
        return query("reading check results of " + episodeId,
                "SELECT check_id, verdict, score, reasons_json FROM check_result WHERE episode_id = ? ORDER BY check_id",
                rs -> new CheckRecord(rs.getString(1), rs.getString(2), rs.getDouble(3), rs.getString(4)), episodeId);
    }

    /** Review decisions of an episode, oldest first, as (state, reviewer, reason). */
    synchronized List<Map<String, String>> reviewHistory(String episodeId) {
        return query("reading review history", "SELECT state, reviewer, reason FROM review_decision"
                + " WHERE episode_id = ? ORDER BY id", rs -> Map.of("state", rs.getString(1), "reviewer",
                        String.valueOf(rs.getString(2)), "reason", String.valueOf(rs.getString(3))), episodeId);
    }

    // --- JDBC plumbing -------------------------------------------------------------------------------------------

    @FunctionalInterface
    private interface Work {
        void run() throws SQLException;
    }

    @FunctionalInterface
    private interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private void inTransaction(String what, Work work) {
        try {
            connection.setAutoCommit(false);
            try {
                work.run();
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new CatalogException("Catalog " + description + ": " + what + " failed: " + e.getMessage(), e);
        }
    }

    private int update(String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = prepare(sql, args)) {
            return ps.executeUpdate();
        }
    }

    private <T> List<T> query(String what, String sql, RowMapper<T> mapper, Object... args) {
        try (PreparedStatement ps = prepare(sql, args); ResultSet rs = ps.executeQuery()) {
            List<T> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(mapper.map(rs));
            }
            return rows;
        } catch (SQLException e) {
            throw new CatalogException("Catalog " + description + ": " + what + " failed: " + e.getMessage(), e);
        }
    }

    private PreparedStatement prepare(String sql, Object... args) throws SQLException {
        PreparedStatement ps = connection.prepareStatement(sql);
        for (int i = 0; i < args.length; i++) {
            ps.setObject(i + 1, args[i]);
        }
        return ps;
    }

    private static OffsetDateTime now() {
        return time(Instant.now());
    }

    private static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
