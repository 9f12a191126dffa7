package dev.demoforge.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.demoforge.catalog.api.tasks.SceneFactor;

class ScenePlannerTest {

    static final List<SceneFactor> FACTORS = List.of(
            new SceneFactor("region", "move the cup to region {0}", List.of("A", "B", "C")),
            new SceneFactor("distractors", "use {0} distractors", List.of("0", "1")));

    private static List<Scene> follow(ScenePlanner planner, int episodes) {
        Map<Scene, Integer> done = new HashMap<>();
        List<Scene> order = new ArrayList<>();
        for (int i = 0; i < episodes; i++) {
            Scene next = planner.next(done);
            order.add(next);
            done.merge(next, 1, Integer::sum);
        }
        return order;
    }

    private static Scene scene(String region, String distractors) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("region", region);
        m.put("distractors", distractors);
        return new Scene(m);
    }

    @Test
    void combinationsAreTheFullFactorial() {
        ScenePlanner planner = new ScenePlanner(FACTORS, 6, 1);
        assertEquals(List.of(scene("A", "0"), scene("A", "1"), scene("B", "0"), scene("B", "1"), scene("C", "0"),
                scene("C", "1")), planner.combinations());
    }

    @Test
    void aTargetThatIsAMultipleIsPlannedEvenlyAndMetExactly() {
        ScenePlanner planner = new ScenePlanner(FACTORS, 12, 7);
        planner.combinations().forEach(s -> assertEquals(2, planner.planned(s), s.label()));
        List<Scene> order = follow(planner, 12);
        for (Scene s : planner.combinations()) {
            assertEquals(2, order.stream().filter(s::equals).count(), s.label());
        }
        assertEquals(6, order.subList(0, 6).stream().distinct().count(), "every combination once before any twice");
    }

    @Test
    void aRemainderGoesToSeededCombinationsAndPlansSumToTheTarget() {
        ScenePlanner planner = new ScenePlanner(FACTORS, 8, 42);
        List<Integer> plans = planner.combinations().stream().map(planner::planned).toList();
        assertEquals(8, plans.stream().mapToInt(Integer::intValue).sum());
        assertTrue(plans.stream().allMatch(p -> p == 1 || p == 2), plans.toString());
        Map<Scene, Integer> done = new HashMap<>();
        follow(planner, 8).forEach(s -> done.merge(s, 1, Integer::sum));
        planner.combinations().forEach(s -> assertEquals(planner.planned(s), done.get(s), s.label()));
    }

    @Test
    void theSeedDecidesTheOrderAndTheSameSeedRepeatsIt() {
        assertEquals(follow(new ScenePlanner(FACTORS, 6, 3), 6), follow(new ScenePlanner(FACTORS, 6, 3), 6));
        List<List<Scene>> orders = new ArrayList<>();
        for (long seed = 0; seed < 5; seed++) {
            orders.add(follow(new ScenePlanner(FACTORS, 6, seed), 6));
        }
        assertTrue(orders.stream().distinct().count() > 1, "five seeds gave one order");
    }

    @Test
    void theLeastCoveredSceneComesNextAndPastTheTargetCoverageStaysBalanced() {
        ScenePlanner planner = new ScenePlanner(FACTORS, 6, 5);
        Map<Scene, Integer> done = new HashMap<>();
        planner.combinations().forEach(s -> done.put(s, 1));
        done.put(scene("B", "1"), 0);
        assertEquals(scene("B", "1"), planner.next(done));
        done.put(scene("B", "1"), 1);
        List<Scene> extra = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Scene next = planner.next(done);
            extra.add(next);
            done.merge(next, 1, Integer::sum);
        }
        assertEquals(6, extra.stream().distinct().count(), "the 7th..12th episodes cover every combination once");
    }

    @Test
    void promptsSayOnlyWhatChangesAndEverythingAtFirst() {
        ScenePlanner planner = new ScenePlanner(FACTORS, 6, 1);
        assertEquals("Move the cup to region B, use 1 distractors.", planner.prompt(null, scene("B", "1")));
        assertEquals("Use 0 distractors.", planner.prompt(scene("B", "1"), scene("B", "0")));
        assertEquals("Keep the scene as it is.", planner.prompt(scene("B", "1"), scene("B", "1")));
        ScenePlanner plain = new ScenePlanner(List.of(new SceneFactor("lighting", "", List.of("dim"))), 1, 1);
        assertEquals("Set lighting to dim.", plain.prompt(null, plain.combinations().get(0)));
    }

    @Test
    void aTaskWithoutFactorsHasOneEmptyScene() {
        ScenePlanner planner = new ScenePlanner(List.of(), 3, 1);
        assertEquals(List.of(new Scene(Map.of())), planner.combinations());
        assertEquals(3, planner.planned(new Scene(Map.of())));
        assertNotEquals(null, planner.next(Map.of()));
    }

    @Test
    void coverageListsPlannedAndDonePerCombination() {
        ScenePlanner planner = new ScenePlanner(FACTORS, 6, 1);
        List<ScenePlanner.Coverage> rows = planner.coverage(Map.of(scene("A", "1"), 2));
        assertEquals(6, rows.size());
        assertEquals(new ScenePlanner.Coverage(scene("A", "1"), 1, 2), rows.get(1));
        assertEquals(0, rows.get(0).done());
    }
}
