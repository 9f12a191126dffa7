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
import java.util.Optional;
import java.util.Properties;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

import dev.demoforge.catalog.api.CatalogException;

/**
 * The catalog database: one JDBC connection, migrated on open, shared by every catalog service of this bundle
 * (they reference this component). Calls are serialised by this object's monitor and block for one short
 * transaction. Default database: embedded H2 in the workspace ({@code catalog.mv.db}) in auto-server mode, so the
 * workbench and the command line can share it (the second process connects over loopback).
 * {@code demoforge.catalog.url} overrides the JDBC URL.
 */
@Component(service = CatalogDatabase.class)
public final class CatalogDatabase {

    /** Work inside a transaction. */
    @FunctionalInterface
    public interface Work {
        void run() throws SQLException;
    }

    /** Maps the current row of a result set. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private final Connection connection;
    private final String description;
    private final int schemaVersion;

    @Activate
    public CatalogDatabase(BundleContext context) {
        this(jdbcUrl(context), Optional.ofNullable(context.getProperty("demoforge.catalog.user")).orElse("sa"));
    }

    /** Opens the catalog at a JDBC URL (H2 here; the driver is H2's) and migrates it. */
    CatalogDatabase(String url, String user) {
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

    int schemaVersion() {
        return schemaVersion;
    }

    /** Runs work in one transaction; a failure rolls it back and becomes a {@link CatalogException} naming what. */
    public synchronized void inTransaction(String what, Work work) {
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

    /** One statement; call it inside {@link #inTransaction}. Returns the update count. */
    public synchronized int update(String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = prepare(sql, args)) {
            return ps.executeUpdate();
        }
    }

    /** One INSERT into a table with an auto-increment key; call it inside {@link #inTransaction}. Returns the key. */
    public synchronized long insert(String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql, java.sql.Statement.RETURN_GENERATED_KEYS)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new SQLException("no generated key for: " + sql);
                }
                return keys.getLong(1);
            }
        }
    }

    /** One query; a failure becomes a {@link CatalogException} naming what. */
    public synchronized <T> List<T> query(String what, String sql, RowMapper<T> mapper, Object... args) {
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

    /** Now, as the catalog stores times (UTC). */
    public static OffsetDateTime now() {
        return time(Instant.now());
    }

    /** An instant as the catalog stores it (UTC), or null. */
    public static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    /** A stored time column as an instant, or null. */
    public static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
