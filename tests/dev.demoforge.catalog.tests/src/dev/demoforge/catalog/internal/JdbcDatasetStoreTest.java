package dev.demoforge.catalog.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.demoforge.catalog.api.CatalogException;
import dev.demoforge.catalog.api.CheckRecord;
import dev.demoforge.catalog.api.EpisodeRecord;
import dev.demoforge.catalog.api.ReviewState;
import dev.demoforge.catalog.api.dataset.DatasetBuild;
import dev.demoforge.catalog.api.dataset.DatasetDefinition;
import dev.demoforge.catalog.api.dataset.DatasetEdit;
import dev.demoforge.catalog.api.dataset.DatasetQuery;
import dev.demoforge.catalog.api.dataset.SplitRule;
import dev.demoforge.device.api.StationConfig;
import dev.demoforge.episode.api.EpisodeStatus;

class JdbcDatasetStoreTest {

    private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");

    @TempDir
    Path dir;
    private CatalogDatabase db;
    private JdbcCatalog catalog;
    private JdbcDatasetStore store;

    @BeforeEach
    void open() {
        db = new CatalogDatabase("jdbc:h2:file:" + dir.resolve("catalog"), "sa");
        catalog = new JdbcCatalog(db);
        store = new JdbcDatasetStore(db);
        catalog.putStation(new StationConfig("lab-a", "so101_follower", List.of()));
        catalog.putStation(new StationConfig("lab-b", "aloha", List.of()));
        put("e1", "lab-a", "pick", "ana", 0, ReviewState.ACCEPTED, EpisodeStatus.FINISHED);
        put("e2", "lab-a", "place", "bo", 1, ReviewState.ACCEPTED, EpisodeStatus.RECOVERED);
        put("e3", "lab-b", "pick", "ana", 2, ReviewState.FLAGGED, EpisodeStatus.FINISHED);
        put("e4", "lab-b", "pick", "bo", 30, ReviewState.ACCEPTED, EpisodeStatus.FAILED);
        put("e5", "lab-a", "pick", "cy", 3, ReviewState.REJECTED, EpisodeStatus.FINISHED);
        catalog.putChecks("e1", List.of(new CheckRecord("smoothness", "PASS", 0.9, "[]"),
                new CheckRecord("success", "PASS", 1, "[]")));
        catalog.putChecks("e2", List.of(new CheckRecord("smoothness", "WARN", 0.4, "[]")));
        catalog.putChecks("e3", List.of(new CheckRecord("smoothness", "FAIL", 0.1, "[]")));
    }

    @AfterEach
    void close() {
        db.close();
    }

    private void put(String id, String station, String task, String operator, int day, ReviewState review,
            EpisodeStatus status) {
        catalog.putEpisode(new EpisodeRecord(id, null, station, task, operator, T0.plusSeconds(day * 86_400L), 8, 240,
                0, status, review, "/ws/episodes/" + id, ""));
    }

    private List<String> ids(DatasetQuery q) {
        return store.episodes(q).stream().map(EpisodeRecord::id).toList();
    }

    private static DatasetQuery query(List<String> tasks, List<String> stations, List<String> operators,
            List<String> robots, Instant from, Instant to, List<ReviewState> review, String verdict,
            Map<String, Double> scores) {
        return new DatasetQuery(tasks, stations, operators, robots, from, to, review, verdict, scores);
    }

    @Test
    void queryFiltersOnEveryFieldAndLeavesOutUnfinishedEpisodes() {
        assertEquals(List.of("e1", "e2", "e3", "e5"), ids(DatasetQuery.all()), "e4 FAILED is never taken");
        assertEquals(List.of("e1", "e3", "e5"), ids(query(List.of("pick"), null, null, null, null, null, null, null,
                null)));
        assertEquals(List.of("e3"), ids(query(null, null, null, List.of("aloha"), null, null, null, null, null)));
        assertEquals(List.of("e1", "e2", "e5"), ids(query(null, List.of("lab-a"), null, null, null, null, null, null,
                null)));
        assertEquals(List.of("e2", "e5"), ids(query(null, null, List.of("bo", "cy"), null, null, null, null, null,
                null)));
        assertEquals(List.of("e2", "e3"), ids(query(null, null, null, null, T0.plusSeconds(86_400),
                T0.plusSeconds(3 * 86_400), null, null, null)), "from inclusive, to exclusive");
        assertEquals(List.of("e1", "e2"), ids(DatasetQuery.accepted()));
        assertEquals(List.of("e1", "e5"), ids(query(null, null, null, null, null, null, null, "PASS", null)),
                "no check results counts as nothing failed");
        assertEquals(List.of("e1", "e2", "e5"), ids(query(null, null, null, null, null, null, null, "WARN", null)));
        assertEquals(List.of("e1"), ids(query(null, null, null, null, null, null, null, null,
                Map.of("smoothness", 0.5))));
        assertEquals(List.of("e1"), ids(query(List.of("pick"), List.of("lab-a"), List.of("ana"), null, null, null,
                List.of(ReviewState.ACCEPTED), "WARN", Map.of("success", 1.0))));
    }

    @Test
    void datasetWithEditsAndBuildsSurvivesReopen() {
        DatasetQuery q = query(List.of("pick"), null, null, null, T0, null, List.of(ReviewState.ACCEPTED), "WARN",
                Map.of("smoothness", 0.25));
        SplitRule split = new SplitRule(List.of(new SplitRule.Share("train", 0.8), new SplitRule.Share("val", 0.2)),
                7, SplitRule.Stratify.TASK);
        store.create(new DatasetDefinition("picks", q, split, "lerobot", Map.of("codec", "h264"), null));
        store.addEdit("picks", DatasetEdit.trim("e1", 0.5, 4.25));
        store.addEdit("picks", DatasetEdit.relabel("e1", "pick, the red cube"));
        store.addEdit("picks", DatasetEdit.merge("others"));
        store.addEdit("picks", DatasetEdit.delete("e3"));
        store.putBuild(new DatasetBuild("picks", 1, "/out/picks", "ab".repeat(32), 3, 700, T0));
        db.close();

        db = new CatalogDatabase("jdbc:h2:file:" + dir.resolve("catalog"), "sa");
        store = new JdbcDatasetStore(db);
        DatasetDefinition back = store.dataset("picks").orElseThrow();
        assertEquals(q, back.query());
        assertEquals(split, back.split());
        assertEquals(Map.of("codec", "h264"), back.options());
        assertTrue(back.createdAt() != null);
        List<DatasetEdit> edits = store.edits("picks");
        assertEquals(List.of(DatasetEdit.Kind.TRIM, DatasetEdit.Kind.RELABEL, DatasetEdit.Kind.MERGE,
                DatasetEdit.Kind.DELETE), edits.stream().map(DatasetEdit::kind).toList());
        assertEquals(4.25, edits.get(0).endSeconds());
        assertEquals("pick, the red cube", edits.get(1).task());
        assertEquals("others", edits.get(2).otherDataset());
        assertEquals(List.of(new DatasetBuild("picks", 1, "/out/picks", "ab".repeat(32), 3, 700, T0)),
                store.builds("picks"));
        assertEquals(List.of("picks"), store.datasets().stream().map(DatasetDefinition::name).toList());
    }

    @Test
    void duplicateNamesAndEditsOfUnknownDatasetsAreRefusedByName() {
        store.create(new DatasetDefinition("d", DatasetQuery.all(), SplitRule.none(), "lerobot", Map.of(), null));
        CatalogException dup = assertThrows(CatalogException.class, () -> store.create(new DatasetDefinition("d",
                DatasetQuery.all(), SplitRule.none(), "robomimic", Map.of(), null)));
        assertTrue(dup.getMessage().contains("a dataset named 'd' exists already"), dup.getMessage());
        CatalogException unknown = assertThrows(CatalogException.class,
                () -> store.addEdit("nope", DatasetEdit.delete("e1")));
        assertTrue(unknown.getMessage().contains("no dataset named 'nope'"), unknown.getMessage());
        store.addEdit("d", DatasetEdit.delete("e1"));
        store.delete("d");
        assertTrue(store.dataset("d").isEmpty());
        assertEquals(List.of(), store.edits("d"), "edits go with their dataset");
    }

    @Test
    void hashCacheAnswersOnlyForTheSameSizeAndModificationTime() {
        store.cacheHash("/ws/e1/episode.mcap", 100, 5_000, "aa".repeat(32));
        assertEquals("aa".repeat(32), store.cachedHash("/ws/e1/episode.mcap", 100, 5_000).orElseThrow());
        assertTrue(store.cachedHash("/ws/e1/episode.mcap", 101, 5_000).isEmpty(), "size changed");
        assertTrue(store.cachedHash("/ws/e1/episode.mcap", 100, 5_001).isEmpty(), "modified");
        store.cacheHash("/ws/e1/episode.mcap", 101, 6_000, "bb".repeat(32));
        assertEquals("bb".repeat(32), store.cachedHash("/ws/e1/episode.mcap", 101, 6_000).orElseThrow());
    }
}
