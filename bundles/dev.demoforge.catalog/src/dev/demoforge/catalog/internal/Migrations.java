package dev.demoforge.catalog.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.function.Function;

/**
 * Versioned schema migrations: {@code db/V<n>__<name>.sql} scripts applied in order inside one transaction each,
 * the reached version kept in {@code schema_version}. A database newer than this code is refused.
 */
final class Migrations {

    /** The scripts, in order; version = position + 1. */
    static final List<String> SCRIPTS = List.of("db/V1__initial.sql", "db/V2__review.sql", "db/V3__capture.sql",
            "db/V4__datasets.sql", "db/V5__stations.sql");

    private Migrations() {
    }

    /** Brings the schema up to date and returns the version reached. */
    static int migrate(Connection connection, Function<String, URL> resources) throws SQLException, IOException {
        try (Statement st = connection.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS schema_version (version INT NOT NULL)");
        }
        int current = currentVersion(connection);
        if (current > SCRIPTS.size()) {
            throw new SQLException("Catalog schema version " + current + " is newer than this DemoForge ("
                    + SCRIPTS.size() + "); use a newer DemoForge for this workspace");
        }
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            for (int v = current + 1; v <= SCRIPTS.size(); v++) {
                String script = SCRIPTS.get(v - 1);
                try (Statement st = connection.createStatement()) {
                    for (String sql : statements(read(resources, script))) {
                        st.execute(sql);
                    }
                    st.executeUpdate("DELETE FROM schema_version");
                    st.executeUpdate("INSERT INTO schema_version (version) VALUES (" + v + ")");
                }
                connection.commit();
            }
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
        return SCRIPTS.size();
    }

    private static int currentVersion(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("SELECT MAX(version) FROM schema_version")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static String read(Function<String, URL> resources, String script) throws IOException {
        URL url = resources.apply(script);
        if (url == null) {
            throw new IOException("Migration script " + script + " is missing from the catalog bundle");
        }
        try (InputStream in = url.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static List<String> statements(String script) {
        return java.util.Arrays.stream(script.split(";\\s*(\\r?\\n|$)")).map(String::strip).filter(s -> !s.isEmpty())
                .toList();
    }
}
