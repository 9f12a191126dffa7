package dev.demoforge.driver.sim.internal;

/**
 * The simulated follower under position control: each joint tracks its goal as a first-order servo of time constant
 * {@value #TAU_S} s, its speed limited to {@value #MAX_SPEED} rad/s (the gripper: {@value #GRIPPER_SPEED} of its
 * range per second). The state is integrated lazily in 1 ms steps up to each instant asked for; the last
 * {@value #KEEP} steps are kept so that devices sampling the world a latency in the past (cameras, the arm's own
 * encoders) see the state at their true instant. Goals take effect at the instant they are given.
 * <p>
 * Thread-safe: synchronized; every call is short (at most a few hundred steps after a long pause).
 */
final class ServoFollower {

    static final double TAU_S = 0.015;
    static final double MAX_SPEED = 6.0;
    static final double GRIPPER_SPEED = 4.0;
    private static final long STEP_NS = 1_000_000;
    private static final int KEEP = 4096;

    private final long[] times = new long[KEEP];
    private final double[][] states = new double[KEEP][];
    private final double[] q;
    private double[] goal;
    private long now;
    private long steps;

    /** A servo holding {@code start} from instant {@code t}. */
    ServoFollower(double[] start, long t) {
        this.q = start.clone();
        this.goal = start.clone();
        this.now = t;
        record();
    }

    /** Sets the goal from instant {@code t} on (the state is brought up to {@code t} first). */
    synchronized void command(double[] newGoal, long t) {
        advance(t);
        goal = newGoal.clone();
    }

    /** The state at true instant {@code t}: integrated up to it, or interpolated from the kept steps. */
    synchronized double[] state(long t) {
        if (t >= now) {
            advance(t);
            return q.clone();
        }
        long n = Math.min(steps, KEEP);
        long oldest = steps - n;
        for (long k = steps - 1; k > oldest; k--) {
            int i = (int) (k % KEEP);
            int p = (int) ((k - 1) % KEEP);
            if (times[p] <= t) {
                double f = (double) (t - times[p]) / Math.max(1, times[i] - times[p]);
                double[] out = new double[q.length];
                for (int j = 0; j < q.length; j++) {
                    out[j] = states[p][j] + f * (states[i][j] - states[p][j]);
                }
                return out;
            }
        }
        return states[(int) (oldest % KEEP)].clone();
    }

    private void advance(long t) {
        if (t - now > KEEP * STEP_NS) {
            now = t - KEEP * STEP_NS;
        }
        while (now < t) {
            long dtNs = Math.min(STEP_NS, t - now);
            double dt = dtNs / 1e9;
            double gain = 1 - Math.exp(-dt / TAU_S);
            for (int j = 0; j < q.length; j++) {
                double limit = (j == q.length - 1 ? GRIPPER_SPEED : MAX_SPEED) * dt;
                q[j] += Math.clamp((goal[j] - q[j]) * gain, -limit, limit);
            }
            now += dtNs;
            if (dtNs == STEP_NS) {
                record();
            }
        }
    }

    private void record() {
        int i = (int) (steps % KEEP);
        times[i] = now;
        states[i] = q.clone();
        steps++;
    }
}
