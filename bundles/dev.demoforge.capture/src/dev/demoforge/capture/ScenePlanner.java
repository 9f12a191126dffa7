package dev.demoforge.capture;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import dev.demoforge.catalog.api.tasks.SceneFactor;

/**
 * Plans which scene each episode of a session uses so that the factor combinations are covered evenly.
 * <p>
 * The rule: the combinations are the full factorial of the factors' levels (N of them). A target of T episodes
 * plans {@code floor(T / N)} episodes for every combination, plus one more for the first {@code T mod N}
 * combinations of a permutation drawn from the task's seed (balanced full factorial; when T is a multiple of N every
 * combination gets T / N). The next scene is the combination with the most planned episodes still missing; ties go
 * to the one with fewer episodes done, then to the earlier one in the seeded permutation. Past the target the same
 * rule spreads extra episodes least-covered-first. Only kept episodes (marked success or failure) count as done, so a
 * discarded episode's scene comes up again at once.
 * <p>
 * Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class ScenePlanner {

    /** One row of the coverage view. */
    public record Coverage(Scene scene, int planned, int done) {
    }

    private final List<SceneFactor> factors;
    private final List<Scene> combinations;
    private final Map<Scene, Integer> rank = new LinkedHashMap<>();
    private final Map<Scene, Integer> planned = new LinkedHashMap<>();
    private final int target;

    public ScenePlanner(List<SceneFactor> factors, int target, long seed) {
        this.factors = List.copyOf(factors);
        this.target = target;
        this.combinations = fullFactorial(this.factors);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < combinations.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(seed));
        int n = combinations.size();
        for (int r = 0; r < n; r++) {
            Scene scene = combinations.get(order.get(r));
            rank.put(scene, r);
            planned.put(scene, target / n + (r < target % n ? 1 : 0));
        }
    }

    /** Every combination, in factorial order (the last factor varies fastest). */
    public List<Scene> combinations() {
        return combinations;
    }

    public int target() {
        return target;
    }

    /** Episodes planned for a combination (0 for a scene that is not one). */
    public int planned(Scene scene) {
        return planned.getOrDefault(scene, 0);
    }

    /** The scene of the next episode, given the kept episodes per scene so far. */
    public Scene next(Map<Scene, Integer> done) {
        Scene best = null;
        for (Scene s : combinations) {
            if (best == null || better(s, best, done)) {
                best = s;
            }
        }
        return best;
    }

    private boolean better(Scene a, Scene b, Map<Scene, Integer> done) {
        int doneA = done.getOrDefault(a, 0);
        int doneB = done.getOrDefault(b, 0);
        int missingA = planned(a) - doneA;
        int missingB = planned(b) - doneB;
        if (missingA != missingB) {
            return missingA > missingB;
        }
        if (doneA != doneB) {
            return doneA < doneB;
        }
        return rank.get(a) < rank.get(b);
    }

    /** Planned and done per combination, in factorial order. */
    public List<Coverage> coverage(Map<Scene, Integer> done) {
        return combinations.stream().map(s -> new Coverage(s, planned(s), done.getOrDefault(s, 0))).toList();
    }

    /**
     * What to tell the operator before an episode: the factors whose level differs from the previous scene, each
     * through its prompt pattern ("move the cup to region B, 1 distractors"); every factor when there is no previous
     * scene; "Keep the scene as it is." when nothing changes.
     */
    public String prompt(Scene previous, Scene next) {
        List<String> changes = new ArrayList<>();
        for (SceneFactor f : factors) {
            String level = next.levels().get(f.name());
            if (level == null || previous != null && level.equals(previous.levels().get(f.name()))) {
                continue;
            }
            changes.add(f.prompt().isBlank() ? "set " + f.name() + " to " + level
                    : new MessageFormat(f.prompt(), Locale.ROOT).format(new Object[] { level }));
        }
        if (changes.isEmpty()) {
            return "Keep the scene as it is.";
        }
        String text = String.join(", ", changes);
        return Character.toUpperCase(text.charAt(0)) + text.substring(1) + ".";
    }

    private static List<Scene> fullFactorial(List<SceneFactor> factors) {
        List<Map<String, String>> partial = new ArrayList<>();
        partial.add(new LinkedHashMap<>());
        for (SceneFactor f : factors) {
            List<Map<String, String>> extended = new ArrayList<>();
            for (Map<String, String> p : partial) {
                for (String level : f.levels()) {
                    Map<String, String> m = new LinkedHashMap<>(p);
                    m.put(f.name(), level);
                    extended.add(m);
                }
            }
            partial = extended;
        }
        return partial.stream().map(Scene::new).toList();
    }
}
