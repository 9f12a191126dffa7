package dev.demoforge.quality.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.demoforge.quality.api.CheckResult;
import dev.demoforge.quality.api.Reason;
import dev.demoforge.quality.api.Verdict;

/** SPARC and LDLJ on crafted movements, and the smoothness check's verdicts. */
class SmoothnessTest {

    private static final TaskThresholds.SmoothnessLimits LIMITS = TaskThresholds.defaults(TaskThresholds.SIM_ROBOT)
            .smoothness();

    @Test
    void reproducesTheReferenceImplementationsValues() {
        double[] speed = new double[200];
        for (int i = 0; i < speed.length; i++) {
            double t = -1 + i * 0.01;
            speed[i] = Math.exp(-5 * t * t);
        }
        assertEquals(-1.41403, Smoothness.sparc(speed, 100), 5e-5);
        assertEquals(-5.81636, Smoothness.ldlj(new double[][] {speed}, 100), 5e-5);
    }

    @Test
    void minimumJerkSpeedProfileHasTheLiteratureValues() {
        double[] speed = minJerkSpeed(1.5, 100);
        assertEquals(-1.403, Smoothness.sparc(speed, 100), 0.005, "SPARC of a minimum-jerk movement");
        assertEquals(-Math.log(720 / (1.875 * 1.875)), Smoothness.ldlj(new double[][] {speed}, 100), 0.03,
                "LDLJ of a minimum-jerk movement: -ln(720 / 1.875^2)");
        double[] longer = minJerkSpeed(4.0, 100);
        assertEquals(Smoothness.sparc(speed, 100), Smoothness.sparc(longer, 100), 0.01, "independent of duration");
    }

    @Test
    void minimumJerkReachScoresSmooth() {
        TimeSeries joints = Crafted.sample(3.0, true, t -> Crafted.reach(t, 0.5, 1.5));
        CheckResult r = SmoothnessCheck.analyse(Motion.of(joints, null), LIMITS);
        assertEquals(Verdict.PASS, r.verdict(), r.reasons().toString());
        assertEquals(-1.40, r.score(), 0.05, "SPARC of the reach");
        List<SmoothnessCheck.Movement> moves = SmoothnessCheck.movements(Motion.of(joints, null), LIMITS);
        assertEquals(1, moves.size(), moves.toString());
        assertEquals(0.5, moves.get(0).span().start(), 0.15);
        assertEquals(2.0, moves.get(0).span().end(), 0.15);
    }

    @Test
    void tremorLowersSparcAndLdlj() {
        TimeSeries smooth = Crafted.sample(3.0, true, t -> Crafted.reach(t, 0.5, 1.5));
        TimeSeries shaky = Crafted.sample(3.0, true, t -> Crafted.tremor(Crafted.reach(t, 0.5, 1.5), t, 0.5, 2.0,
                8, 0.006));
        SmoothnessCheck.Movement a = SmoothnessCheck.movements(Motion.of(smooth, null), LIMITS).get(0);
        SmoothnessCheck.Movement b = worst(SmoothnessCheck.movements(Motion.of(shaky, null), LIMITS));
        assertTrue(b.sparc() < a.sparc() - 0.3, "SPARC " + a.sparc() + " -> " + b.sparc());
        assertTrue(b.ldlj() < a.ldlj() - 1, "LDLJ " + a.ldlj() + " -> " + b.ldlj());
        CheckResult r = SmoothnessCheck.analyse(Motion.of(shaky, null), LIMITS);
        assertNotEquals(Verdict.PASS, r.verdict());
        assertTrue(r.reasons().stream().anyMatch(x -> x.text().startsWith("jerky movement") && x.startSeconds() < 1.0
                && x.endSeconds() > 1.5), r.reasons().toString());
    }

    @Test
    void subMovementsLowerSparcAndLdlj() {
        TimeSeries smooth = Crafted.sample(3.0, true, t -> Crafted.reach(t, 0.5, 1.5));
        TimeSeries corrected = Crafted.sample(3.0, true, t -> Crafted.subMovements(t, 0.5, 1.5, 0.7, 0.08));
        SmoothnessCheck.Movement a = SmoothnessCheck.movements(Motion.of(smooth, null), LIMITS).get(0);
        List<SmoothnessCheck.Movement> moves = SmoothnessCheck.movements(Motion.of(corrected, null), LIMITS);
        assertEquals(1, moves.size(), "overlapping sub-movements form one movement: " + moves);
        SmoothnessCheck.Movement b = moves.get(0);
        assertTrue(b.sparc() < a.sparc() - 0.05, "SPARC " + a.sparc() + " -> " + b.sparc());
        assertTrue(b.ldlj() < a.ldlj() - 0.5, "LDLJ " + a.ldlj() + " -> " + b.ldlj());
        CheckResult r = SmoothnessCheck.analyse(Motion.of(corrected, null), LIMITS);
        assertEquals(Verdict.WARN, r.verdict(), r.reasons().toString());
        Reason jerky = r.reasons().stream().filter(x -> x.text().startsWith("jerky movement")).findFirst()
                .orElseThrow();
        assertEquals(0.5, jerky.startSeconds(), 0.2);
    }

    @Test
    void toolPointSpeedAlsoDropsWithTremor() {
        TimeSeries smooth = Crafted.sample(3.0, true, t -> Crafted.reach(t, 0.5, 1.5));
        TimeSeries shaky = Crafted.sample(3.0, true, t -> Crafted.tremor(Crafted.reach(t, 0.5, 1.5), t, 0.5, 2.0,
                8, 0.006));
        var model = dev.demoforge.driver.sim.SimArmModel.DEFAULT;
        SmoothnessCheck.Movement a = worst(SmoothnessCheck.movements(Motion.of(smooth, model), LIMITS));
        SmoothnessCheck.Movement b = worst(SmoothnessCheck.movements(Motion.of(shaky, model), LIMITS));
        assertTrue(b.sparc() < a.sparc() - 0.3, "SPARC " + a.sparc() + " -> " + b.sparc());
        assertTrue(SmoothnessCheck.analyse(Motion.of(smooth, model), LIMITS).reasons().get(0).text()
                .contains("tool point"));
    }

    private static SmoothnessCheck.Movement worst(List<SmoothnessCheck.Movement> moves) {
        return moves.stream().min((x, y) -> Double.compare(x.sparc(), y.sparc())).orElseThrow();
    }

    private static double[] minJerkSpeed(double duration, double rate) {
        int n = (int) Math.round(duration * rate) + 1;
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            double u = i / (n - 1.0);
            v[i] = 30 * u * u * (1 - u) * (1 - u) / duration;
        }
        return v;
    }
}
