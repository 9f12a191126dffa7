package dev.demoforge.catalog.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.demoforge.catalog.api.CatalogException;
import dev.demoforge.catalog.api.CheckRecord;
import dev.demoforge.catalog.api.EpisodeQuery;
import dev.demoforge.catalog.api.EpisodeRecord;
import dev.demoforge.catalog.api.ReviewState;
import dev.demoforge.catalog.api.SessionRecord;
import dev.demoforge.device.api.DeviceConfig;
import dev.demoforge.device.api.StationConfig;
import dev.demoforge.episode.api.EpisodeStatus;

class JdbcCatalogTest {

    @TempDir
    Path dir;

    private String url() {
        return "jdbc:h2:file:" + dir.resolve("catalog") + ";AUTO_SERVER=TRUE";
    }

    private final Map<JdbcCatalog, CatalogDatabase> databases = new java.util.IdentityHashMap<>();

    /** A catalog on its own connection, as one process's components would have it. */
    private JdbcCatalog open() {
        CatalogDatabase db = new CatalogDatabase(url(), "sa");
        JdbcCatalog catalog = new JdbcCatalog(db);
        databases.put(catalog, db);
        return catalog;
    }

    /** Closes the database under a catalog, as deactivation would. */
    private void close(JdbcCatalog catalog) {
        databases.remove(catalog).close();
    }

    private static EpisodeRecord episode(String id, Instant start, ReviewState review) {
        return new EpisodeRecord(id, null, "sim", "pick the cube", "ana", start, 8.5, 255, 2, EpisodeStatus.FINISHED,
                review, "/ws/episodes/" + id, "");
    }

    @Test
    void episodesSurviveReopenAndFilterByReview() {
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        JdbcCatalog catalog = open();
        assertEquals(Migrations.SCRIPTS.size(), catalog.schemaVersion());
        catalog.putEpisode(episode("e2", t0.plusSeconds(10), ReviewState.PENDING));
        catalog.putEpisode(episode("e1", t0, ReviewState.ACCEPTED));
        close(catalog);

        JdbcCatalog reopened = open();
        List<EpisodeRecord> all = reopened.episodes(EpisodeQuery.all());
        assertEquals(List.of("e1", "e2"), all.stream().map(EpisodeRecord::id).toList(), "ordered by start");
        assertEquals(episode("e1", t0, ReviewState.ACCEPTED), all.get(0));
        assertEquals(List.of("e2"),
                reopened.episodes(EpisodeQuery.review(ReviewState.PENDING)).stream().map(EpisodeRecord::id).toList());
        close(reopened);
    }

    @Test
    void reviewKeepsHistoryAndRejectsUnknownEpisode() {
        JdbcCatalog catalog = open();
        catalog.putEpisode(episode("e1", Instant.now(), ReviewState.PENDING));
        catalog.review("e1", ReviewState.REJECTED, "bo", "gripper slipped");
        catalog.review("e1", ReviewState.ACCEPTED, "cy", "re-checked");
        assertEquals(ReviewState.ACCEPTED, catalog.episode("e1").orElseThrow().review());
        assertEquals(List.of(Map.of("state", "REJECTED", "reviewer", "bo", "reason", "gripper slipped"),
                Map.of("state", "ACCEPTED", "reviewer", "cy", "reason", "re-checked")), catalog.reviewHistory("e1"));
        CatalogException e = assertThrows(CatalogException.class,
                () -> catalog.review("nope", ReviewState.ACCEPTED, "bo", ""));
        assertTrue(e.getMessage().contains("no episode nope"), e.getMessage());
        close(catalog);
    }

    @Test
    void stationsSessionsAndChecksRoundTrip() {
        JdbcCatalog catalog = open();
        catalog.putStation(new StationConfig("sim", "demoforge_sim_arm",
                List.of(new DeviceConfig("arm", "sim.arm", Map.of("seed", "1")))));
        catalog.putStation(new StationConfig("sim", "demoforge_sim_arm", List.of()));
        assertEquals(List.of("sim"), catalog.stationIds());
        SessionRecord s = catalog.openSession("ana", "sim", "pick", "cup in region B");
        catalog.closeSession(s.id());
        SessionRecord stored = catalog.session(s.id()).orElseThrow();
        assertEquals("cup in region B", stored.sceneNotes());
        assertTrue(stored.endedAt() != null);
        catalog.putEpisode(episode("e1", Instant.now(), ReviewState.PENDING));
        List<CheckRecord> checks = List.of(new CheckRecord("health", "WARN", 0.9, "[]"),
                new CheckRecord("success", "PASS", 1, "[]"));
        catalog.putChecks("e1", checks);
        assertEquals(checks, catalog.checks("e1"));
        close(catalog);
    }

    @Test
    void twoClientsShareOneWorkspaceCatalog() {
        JdbcCatalog first = open();
        JdbcCatalog second = open();
        first.putEpisode(episode("shared", Instant.now(), ReviewState.PENDING));
        assertTrue(second.episode("shared").isPresent());
        close(second);
        close(first);
    }

    @Test
    void refusesSchemaNewerThanThisCode() throws Exception {
        new CatalogDatabase(url(), "sa").close();
        try (var c = new org.h2.Driver().connect(url(), new java.util.Properties() {
            private static final long serialVersionUID = 1L;
            {
                setProperty("user", "sa");
                setProperty("password", "");
            }
        }); var st = c.createStatement()) {
            st.executeUpdate("UPDATE schema_version SET version = 99");
        }
        CatalogException e = assertThrows(CatalogException.class, () -> new CatalogDatabase(url(), "sa"));
        assertTrue(e.getMessage().contains("schema version 99 is newer"), e.getMessage());
    }

    @Test
    void unusableDatabaseGivesErrorNamingIt() {
        CatalogException e = assertThrows(CatalogException.class,
                () -> new CatalogDatabase("jdbc:h2:file:/proc/no-such-dir/catalog", "sa"));
        assertTrue(e.getMessage().contains("/proc/no-such-dir/catalog"), e.getMessage());
    }
}
