package dev.demoforge.catalog.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.demoforge.catalog.api.AnnotationKind;
import dev.demoforge.catalog.api.CatalogException;
import dev.demoforge.catalog.api.DecisionRecord;
import dev.demoforge.catalog.api.EpisodeRecord;
import dev.demoforge.catalog.api.RejectReason;
import dev.demoforge.catalog.api.ReviewAction;
import dev.demoforge.catalog.api.ReviewState;
import dev.demoforge.catalog.api.Trim;
import dev.demoforge.episode.api.EpisodeStatus;

class JdbcReviewLogTest {

    @TempDir
    Path dir;

    private CatalogDatabase db;
    private JdbcCatalog catalog;
    private JdbcReviewLog log;

    @BeforeEach
    void open() {
        db = new CatalogDatabase("jdbc:h2:file:" + dir.resolve("catalog"), "sa");
        catalog = new JdbcCatalog(db);
        log = new JdbcReviewLog(db);
        for (String id : List.of("e1", "e2")) {
            catalog.putEpisode(new EpisodeRecord(id, null, "sim", "pick", "ana", Instant.now(), 10.0, 300, 0,
                    EpisodeStatus.FINISHED, ReviewState.PENDING, "/ws/" + id, ""));
        }
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void decisionsAreStoredWithReviewerReasonAndTimeAndUndoRestoresThePreviousState() {
        Instant before = Instant.now().minusSeconds(1);
        ReviewAction accepted = log.decide("e1", ReviewState.ACCEPTED, null, "", "rita");
        ReviewAction rejected = log.decide("e1", ReviewState.REJECTED, RejectReason.JERKY, "shaky wrist", "rita");
        assertEquals(ReviewState.REJECTED, catalog.episode("e1").orElseThrow().review());
        assertEquals("REJECTED (jerky)", rejected.summary());

        log.undo(rejected.id(), "rita");
        assertEquals(ReviewState.ACCEPTED, catalog.episode("e1").orElseThrow().review());
        log.undo(accepted.id(), "rita");
        assertEquals(ReviewState.PENDING, catalog.episode("e1").orElseThrow().review());

        List<DecisionRecord> decisions = log.decisions("e1");
        assertEquals(2, decisions.size(), "history is kept");
        DecisionRecord jerky = decisions.get(1);
        assertEquals(RejectReason.JERKY, jerky.reason());
        assertEquals("shaky wrist", jerky.note());
        assertEquals("rita", jerky.reviewer());
        assertTrue(jerky.decidedAt().isAfter(before));
        assertTrue(decisions.stream().allMatch(d -> d.undoneAt() != null));
        assertTrue(log.history("e1").stream().allMatch(a -> a.undone() && "rita".equals(a.undoneBy())));
    }

    @Test
    void undoIsRefusedTwiceAndOutOfOrder() {
        ReviewAction first = log.decide("e1", ReviewState.ACCEPTED, null, "", "rita");
        log.decide("e1", ReviewState.FLAGGED, null, "", "rita");
        CatalogException outOfOrder = assertThrows(CatalogException.class, () -> log.undo(first.id(), "rita"));
        assertTrue(outOfOrder.getMessage().contains("still in effect"), outOfOrder.getMessage());
        ReviewAction other = log.decide("e2", ReviewState.ACCEPTED, null, "", "rita");
        log.undo(other.id(), "rita");
        CatalogException twice = assertThrows(CatalogException.class, () -> log.undo(other.id(), "rita"));
        assertTrue(twice.getMessage().contains("already undone"), twice.getMessage());
    }

    @Test
    void aRejectionNeedsAReasonAndAnUnknownEpisodeIsNamed() {
        assertThrows(CatalogException.class, () -> log.decide("e1", ReviewState.REJECTED, null, "", "rita"));
        CatalogException unknown = assertThrows(CatalogException.class,
                () -> log.decide("nope", ReviewState.ACCEPTED, null, "", "rita"));
        assertTrue(unknown.getMessage().contains("no episode nope"), unknown.getMessage());
    }

    @Test
    void trimsFillTheOpenEndFromTheDurationAndUndoStepByStep() {
        assertTrue(log.trim("e1").isEmpty());
        ReviewAction start = log.trimStart("e1", 1.5, "rita");
        assertEquals(new Trim(1.5, 10.0), log.trim("e1").orElseThrow());
        log.trimEnd("e1", 8.25, "rita");
        ReviewAction moved = log.trimStart("e1", 2.0, "rita");
        assertEquals(new Trim(2.0, 8.25), log.trim("e1").orElseThrow());
        assertThrows(CatalogException.class, () -> log.trimStart("e1", 9.0, "rita"), "start after end");

        log.undo(moved.id(), "rita");
        assertEquals(new Trim(1.5, 8.25), log.trim("e1").orElseThrow());
        log.undo(start.id(), "rita");
        assertEquals(new Trim(0.0, 8.25), log.trim("e1").orElseThrow(), "only the end is left");
    }

    @Test
    void flagsAndAnnotationsAreUndoable() {
        ReviewAction flag = log.flag("e2", true, "check the wrist camera", "rita");
        assertTrue(log.flagged("e2"));
        log.undo(flag.id(), "rita");
        assertFalse(log.flagged("e2"));

        ReviewAction grasp = log.annotate("e2", 1.0, 2.5, AnnotationKind.SUBTASK, "grasp", "rita");
        log.annotate("e2", 0.0, 9.0, AnnotationKind.INSTRUCTION, "put the cube in the bin", "rita");
        assertEquals(List.of("put the cube in the bin", "grasp"),
                log.annotations("e2").stream().map(a -> a.text()).toList());
        log.undo(grasp.id(), "rita");
        assertEquals(1, log.annotations("e2").size());
        assertThrows(CatalogException.class, () -> log.annotate("e2", 3, 2, AnnotationKind.SUBTASK, "x", "rita"));
        assertNull(log.history("e2").get(2).undoneAt(), "the instruction stays");
    }
}
