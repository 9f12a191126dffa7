package dev.demoforge.driver.sim.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import dev.demoforge.driver.sim.SimArmModel;

/**
 * One simulated world: an arm, its leader (the operator), an object and a target bin, shared by the devices of one
 * station. Time is the host monotonic clock ({@link System#nanoTime()}): the state is a pure function of the true
 * instant, so each device samples it on its own schedule. Trials are queued (a trial starts when asked, or when the
 * running one ends); between trials the arm rests at home with small, slow noise.
 * <p>
 * The follower follows its trial's script, unless put under position control ({@link #command}: teleoperation
 * through the arm driver), where a {@link ServoFollower} tracks the goals it is sent; the object stays scripted.
 * <p>
 * Thread-safe: {@link #beginTrial} is synchronized, readers see an immutable list of runs through a volatile field
 * and never block.
 */
final class SimWorld {

    /** A trial scheduled at a true instant. */
    record Run(long startNanos, Trial trial) {
        long endNanos() {
            return startNanos + Math.round(trial.duration() * 1e9);
        }

        /** Host instant of a trial time (s from the start). */
        long instant(double trialTimeS) {
            return startNanos + Math.round(trialTimeS * 1e9);
        }
    }

    private static final int KEEP_RUNS = 8;
    private static final double NOISE_RAD = 0.0015;

    private final String id;
    private final SimArmModel model;
    private final double[] home;
    private final double[] firstObject;
    private final double[] firstBin;
    private final double[] noiseHz = new double[7];
    private final double[] noisePhase = new double[7];
    private final long epochNanos = System.nanoTime();
    private volatile List<Run> runs = List.of();
    /** The follower under position control (teleoperation), or null while it follows its script. */
    private volatile ServoFollower servo;

    SimWorld(String id, SimArmModel model, long sceneSeed) {
        this.id = id;
        this.model = model;
        double[] q = ArmIk.solveDown(model, 0.20, 0.0, 0.20, 0.0);
        this.home = new double[] {q[0], q[1], q[2], q[3], q[4], q[5], 0.5};
        SplittableRandom rng = new SplittableRandom(sceneSeed);
        this.firstObject = new double[] {TrialPlanner.uni(rng, 0.22, 0.32), TrialPlanner.uni(rng, -0.2, -0.08),
            TrialPlanner.OBJECT_SIZE / 2, TrialPlanner.uni(rng, -0.7, 0.7)};
        this.firstBin = new double[] {0.19, 0.17, 0.06, 0.06};
        for (int i = 0; i < noiseHz.length; i++) {
            noiseHz[i] = TrialPlanner.uni(rng, 0.13, 0.6);
            noisePhase[i] = TrialPlanner.uni(rng, 0, 2 * Math.PI);
        }
    }

    String id() {
        return id;
    }

    SimArmModel model() {
        return model;
    }

    /** Home posture (7 channels). */
    double[] home() {
        return home.clone();
    }

    /** {@link #beginTrial(long, String)} without an episode. */
    Run beginTrial(long seed) {
        return beginTrial(seed, null);
    }

    /**
     * Draws a trial from {@code seed} and schedules it now, or when the running trial ends.
     *
     * @return the scheduled run
     */
    synchronized Run beginTrial(long seed, String episodeId) {
        Trial trial = TrialPlanner.plan(seed, episodeId, model, home);
        long now = System.nanoTime();
        List<Run> old = runs;
        long start = old.isEmpty() ? now : Math.max(now, old.get(old.size() - 1).endNanos());
        List<Run> next = new ArrayList<>(old);
        next.add(new Run(start, trial));
        while (next.size() > KEEP_RUNS) {
            next.remove(0);
        }
        runs = List.copyOf(next);
        return next.get(next.size() - 1);
    }

    /**
     * Puts the follower under position control from instant {@code t} (holding its posture of that instant) and sets
     * its goal (6 joints rad + gripper 0..1); later calls only set the goal.
     */
    synchronized void command(double[] goal, long t) {
        hold(t);
        servo.command(goal, t);
    }

    /** Puts the follower under position control from instant {@code t}, holding its posture; no-op if it is. */
    synchronized void hold(long t) {
        if (servo == null) {
            servo = new ServoFollower(state(t).follower(), t);
        }
    }

    /** Gives the follower back to its script (torque off: the operator's hand moves it). */
    synchronized void release() {
        servo = null;
    }

    /** Whether the follower is under position control. */
    boolean commanded() {
        return servo != null;
    }

    /** The most recent runs, oldest first (at most eight). */
    List<Run> runs() {
        return runs;
    }

    /** The latest run started at or before {@code t}, or {@code null}. */
    Run runAt(long t) {
        List<Run> r = runs;
        for (int i = r.size() - 1; i >= 0; i--) {
            if (r.get(i).startNanos() <= t) {
                return r.get(i);
            }
        }
        return null;
    }

    /** The world at true instant {@code t} (host monotonic ns). */
    WorldState state(long t) {
        Run run = runAt(t);
        double[] leader;
        double[] follower;
        double[] object;
        double[] bin;
        boolean holding = false;
        double trialTime = Double.NaN;
        if (run == null) {
            leader = home.clone();
            follower = home.clone();
            object = firstObject.clone();
            bin = firstBin.clone();
        } else {
            Trial trial = run.trial();
            double tt = (t - run.startNanos()) * 1e-9;
            if (tt <= trial.duration()) {
                trialTime = tt;
                holding = trial.holding(tt);
            }
            double tc = Math.min(tt, trial.duration());
            leader = trial.leader(tc);
            follower = trial.follower(tc);
            object = trial.object(tt);
            bin = trial.truth().bin().clone();
        }
        addNoise(leader, t);
        ServoFollower s = servo;
        if (s != null) {
            follower = s.state(t);
        } else {
            addNoise(follower, t);
        }
        return new WorldState(leader, follower, object, bin, holding, run, trialTime);
    }

    /**
     * Slow operator noise (sub-Hz sines, about 1.5 mrad) so that the arm never stands perfectly still; the same on
     * leader and follower, which tracks it with a negligible lag at these frequencies.
     */
    private void addNoise(double[] q, long t) {
        double s = (t - epochNanos) * 1e-9;
        for (int j = 0; j < 7; j++) {
            double amp = j == 6 ? 0.002 : NOISE_RAD;
            q[j] += amp * Math.sin(2 * Math.PI * noiseHz[j] * s + noisePhase[j]);
        }
    }
}
