package dev.demoforge.catalog.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.demoforge.catalog.api.CatalogException;
import dev.demoforge.catalog.api.tasks.EpisodeMark;
import dev.demoforge.catalog.api.tasks.SceneFactor;
import dev.demoforge.catalog.api.tasks.SessionEntry;
import dev.demoforge.catalog.api.tasks.SessionEpisode;
import dev.demoforge.catalog.api.tasks.TaskSpec;

class TaskAndSessionLogTest {

    @TempDir
    Path dir;

    private CatalogDatabase open() {
        return new CatalogDatabase("jdbc:h2:file:" + dir.resolve("catalog") + ";AUTO_SERVER=TRUE", "sa");
    }

    static TaskSpec cupTask() {
        return new TaskSpec(null, "cup", "Put the cup in the bin.", "success", "{\"bin\":{\"x\":0.2}}", 30, 10, 6,
                List.of(new SceneFactor("region", "move the cup to region {0}", List.of("A", "B", "C")),
                        new SceneFactor("distractors", "{0} distractors", List.of("0", "1"))), 42);
    }

    private static Map<String, String> scene(String region, String distractors) {
        Map<String, String> scene = new LinkedHashMap<>();
        scene.put("region", region);
        scene.put("distractors", distractors);
        return scene;
    }

    @Test
    void aTaskWithItsFactorsSurvivesReopenAndReplacing() {
        CatalogDatabase db = open();
        TaskSpec stored = new JdbcTaskCatalog(db).putTask(cupTask());
        assertNotNull(stored.id());
        db.close();

        CatalogDatabase again = open();
        JdbcTaskCatalog tasks = new JdbcTaskCatalog(again);
        assertEquals(stored, tasks.task(stored.id()).orElseThrow());
        assertEquals(stored, tasks.taskNamed("cup").orElseThrow());

        TaskSpec fewer = new TaskSpec(stored.id(), "cup", "Put the cup in the bin.", "", "", 0, 5, 2,
                List.of(new SceneFactor("lighting", "", List.of("dim", "bright"))), 7);
        tasks.putTask(fewer);
        assertEquals(List.of(fewer), tasks.tasks());
        again.close();
    }

    @Test
    void twoTasksCannotShareAName() {
        CatalogDatabase db = open();
        JdbcTaskCatalog tasks = new JdbcTaskCatalog(db);
        tasks.putTask(cupTask());
        CatalogException e = assertThrows(CatalogException.class, () -> tasks.putTask(cupTask()));
        assertTrue(e.getMessage().contains("storing task 'cup'"), e.getMessage());
        db.close();
    }

    @Test
    void aSessionKeepsScenesAndMarksAndIsFoundUnfinishedAfterACrash() {
        CatalogDatabase db = open();
        TaskSpec task = new JdbcTaskCatalog(db).putTask(cupTask());
        JdbcSessionLog log = new JdbcSessionLog(db);
        SessionEntry session = log.open(task.id(), "ana", "sim", "{\"arm\":\"sim-arm\"}");
        log.episodeStarted(session.id(), "e1", 1, 1, scene("A", "0"));
        log.mark("e1", EpisodeMark.FAILURE);
        log.episodeStarted(session.id(), "e2", 2, 1, scene("B", "1"));
        log.mark("e2", EpisodeMark.DISCARDED);
        log.episodeStarted(session.id(), "e3", 2, 2, scene("B", "1"));
        db.close();

        CatalogDatabase again = open();
        JdbcSessionLog reopened = new JdbcSessionLog(again);
        assertEquals(List.of(reopened.session(session.id()).orElseThrow()), reopened.unfinished(task.id(), "sim"));
        List<SessionEpisode> episodes = reopened.episodes(session.id());
        assertEquals(List.of("e1", "e2", "e3"), episodes.stream().map(SessionEpisode::episodeId).toList());
        assertEquals(List.of(EpisodeMark.FAILURE, EpisodeMark.DISCARDED), episodes.stream().limit(2)
                .map(SessionEpisode::mark).toList());
        assertNull(episodes.get(2).mark(), "the episode the crash interrupted is unmarked");
        assertEquals(scene("B", "1"), episodes.get(2).scene());
        assertEquals(List.of("region", "distractors"), List.copyOf(episodes.get(2).scene().keySet()));
        assertEquals(2, episodes.get(2).attempt());
        assertTrue(episodes.get(0).kept() && !episodes.get(1).kept());

        reopened.mark("e3", EpisodeMark.INTERRUPTED);
        reopened.close(session.id());
        assertEquals(List.of(), reopened.unfinished(task.id(), "sim"));
        assertNotNull(reopened.session(session.id()).orElseThrow().endedAt());
        assertEquals("Put the cup in the bin.", new JdbcCatalog(again).session(session.id()).orElseThrow().task());
        again.close();
    }

    @Test
    void markingAnEpisodeOutsideASessionNamesIt() {
        CatalogDatabase db = open();
        CatalogException e = assertThrows(CatalogException.class,
                () -> new JdbcSessionLog(db).mark("nope", EpisodeMark.SUCCESS));
        assertTrue(e.getMessage().contains("nope"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new JdbcSessionLog(db).open("no-task", "ana", "sim", ""));
        db.close();
    }
}
