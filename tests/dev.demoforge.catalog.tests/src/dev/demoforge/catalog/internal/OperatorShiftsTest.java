package dev.demoforge.catalog.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.IntFunction;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.demoforge.catalog.api.CheckRecord;
import dev.demoforge.catalog.api.EpisodeRecord;
import dev.demoforge.catalog.api.OperatorShift;
import dev.demoforge.catalog.api.ReviewState;
import dev.demoforge.episode.api.EpisodeStatus;

/** Operator shifts from crafted catalog rows: one episode every 6 minutes over a 3-hour shift. */
class OperatorShiftsTest {

    private static final Instant SHIFT_START = Instant.parse("2026-11-20T06:00:00Z");

    @TempDir
    Path dir;

    private CatalogDatabase db;
    private JdbcCatalog catalog;
    private JdbcOperatorShifts shifts;

    @BeforeEach
    void open() {
        db = new CatalogDatabase("jdbc:h2:file:" + dir.resolve("catalog"), "sa");
        catalog = new JdbcCatalog(db);
        shifts = new JdbcOperatorShifts(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    /** 30 episodes 6 min apart; smoothness and pass/fail per index. */
    private void shift(String operator, Instant start, IntFunction<Double> smoothness, IntFunction<Boolean> passes) {
        for (int i = 0; i < 30; i++) {
            String id = operator + "-" + start.getEpochSecond() % 100_000 + "-" + i;
            catalog.putEpisode(new EpisodeRecord(id, null, "sim", "pick", operator, start.plusSeconds(360L * i), 40,
                    1200, 0, EpisodeStatus.FINISHED, ReviewState.PENDING, "/ws/" + id, ""));
            catalog.putChecks(id, List.of(new CheckRecord("smoothness", "PASS", smoothness.apply(i), "[]"),
                    new CheckRecord("success", passes.apply(i) ? "PASS" : "FAIL", 1, "[]")));
        }
    }

    /** Deterministic jitter of ±0.05 so the groups have a spread. */
    private static double jitter(int i) {
        return 0.05 * Math.sin(i * 2.3);
    }

    @Test
    void aSteadyOperatorGetsNoWarningAndTheRatesAreRight() {
        shift("steady", SHIFT_START, i -> -1.45 + jitter(i), i -> i % 5 != 0);
        List<OperatorShift> found = shifts.shifts("steady");
        assertEquals(1, found.size());
        OperatorShift s = found.get(0);
        assertEquals(30, s.episodes().size());
        assertEquals(0.8, s.passRate(), 1e-9);
        assertEquals(-1.45, s.meanSmoothness(), 0.02);
        double hours = (29 * 360 + 40) / 3600.0;
        assertEquals(30 / hours, s.episodesPerHour(), 1e-6);
        assertEquals(3, s.hours().size());
        assertEquals(10, s.hours().get(0).episodes());
        assertFalse(s.fatigued(), s.fatigue());
    }

    @Test
    void fallingSmoothnessLateInTheShiftIsAFatigueWarning() {
        shift("tired", SHIFT_START, i -> -1.45 - (i >= 20 ? 0.4 : 0) + jitter(i), i -> true);
        OperatorShift s = shifts.shifts("tired").get(0);
        assertTrue(s.fatigued(), "no warning");
        assertTrue(s.fatigue().startsWith("smoothness fell from -1.4"), s.fatigue());
    }

    @Test
    void fallingPassRateIsAFatigueWarningButOneBadEpisodeIsNot() {
        shift("failing", SHIFT_START, i -> -1.45 + jitter(i), i -> i < 20 || i % 3 == 0);
        OperatorShift failing = shifts.shifts("failing").get(0);
        assertTrue(failing.fatigue().contains("pass rate fell from 100 %"), failing.fatigue());

        shift("unlucky", SHIFT_START, i -> -1.45 + jitter(i), i -> i != 25);
        assertFalse(shifts.shifts("unlucky").get(0).fatigued(), shifts.shifts("unlucky").get(0).fatigue());
    }

    @Test
    void aLongBreakOrAnotherOperatorStartsANewShiftAndRejectionsCountAsFailures() {
        shift("ana", SHIFT_START, i -> -1.45, i -> true);
        shift("ana", SHIFT_START.plusSeconds(6 * 3600), i -> -1.45, i -> true);
        shift("bo", SHIFT_START, i -> -1.45, i -> true);
        catalog.review("bo-" + SHIFT_START.getEpochSecond() % 100_000 + "-3", ReviewState.REJECTED, "rita", "jerky");
        List<OperatorShift> all = shifts.shifts(null);
        assertEquals(List.of("ana", "ana", "bo"), all.stream().map(OperatorShift::operator).toList());
        assertEquals(29 / 30.0, all.get(2).passRate(), 1e-9);
    }
}
