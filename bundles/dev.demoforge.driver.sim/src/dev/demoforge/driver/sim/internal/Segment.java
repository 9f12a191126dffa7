package dev.demoforge.driver.sim.internal;

/**
 * One leg of the operator's (leader's) motion over 7 channels (6 joints + gripper): a minimum-jerk move from
 * {@code from} to {@code to}, optionally as two overlapping sub-movements through {@code via}, optionally with a
 * drift that rises and falls back (sin²) while holding. Times in seconds from the trial start. Immutable.
 *
 * @param t0    start, s
 * @param dur   length, s (&gt; 0)
 * @param from  start posture (7)
 * @param to    end posture (7)
 * @param via   target of the first of two sub-movements, or {@code null} for one smooth move
 * @param drift peak drift added during the segment, or {@code null}
 */
record Segment(double t0, double dur, double[] from, double[] to, double[] via, double[] drift) {

    /** Fraction of the segment after which the corrective sub-movement starts / at which the first one ends. */
    private static final double SECOND_START = 0.45;
    private static final double FIRST_END = 0.75;

    double end() {
        return t0 + dur;
    }

    /** Posture at trial time {@code t} (clamped to the segment), written into {@code out} (7). */
    void eval(double t, double[] out) {
        double u = Math.clamp((t - t0) / dur, 0.0, 1.0);
        if (via == null) {
            double s = minJerk(u);
            for (int j = 0; j < out.length; j++) {
                out[j] = from[j] + (to[j] - from[j]) * s;
            }
        } else {
            double s1 = minJerk(Math.min(1.0, u / FIRST_END));
            double s2 = minJerk(Math.clamp((u - SECOND_START) / (1 - SECOND_START), 0.0, 1.0));
            for (int j = 0; j < out.length; j++) {
                out[j] = from[j] + (via[j] - from[j]) * s1 + (to[j] - via[j]) * s2;
            }
        }
        if (drift != null) {
            double w = Math.sin(Math.PI * u);
            w *= w;
            for (int j = 0; j < out.length; j++) {
                out[j] += drift[j] * w;
            }
        }
    }

    /** Minimum-jerk profile 10u³ − 15u⁴ + 6u⁵ (zero velocity and acceleration at both ends). */
    static double minJerk(double u) {
        double u3 = u * u * u;
        return u3 * (10 - 15 * u + 6 * u * u);
    }
}
