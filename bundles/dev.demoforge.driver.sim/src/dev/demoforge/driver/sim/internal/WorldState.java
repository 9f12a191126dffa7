package dev.demoforge.driver.sim.internal;

/**
 * Snapshot of a simulated world at one true instant (host monotonic ns). Arrays are fresh copies owned by the
 * caller.
 *
 * @param leader    operator's posture (6 joints rad + gripper 0..1)
 * @param follower  follower arm's posture (6 joints rad + gripper 0..1)
 * @param object    object centre and yaw {x, y, z, yaw} in "sim_base", m and rad
 * @param bin       target bin region {x, y, halfX, halfY}, m
 * @param holding   whether the object moves with the tool
 * @param run       the latest trial started at or before the instant, or {@code null} before the first
 * @param trialTime s since that trial's start, or NaN when the arm idles (before the first trial, or after one)
 */
record WorldState(double[] leader, double[] follower, double[] object, double[] bin, boolean holding,
        SimWorld.Run run, double trialTime) {

    boolean inTrial() {
        return !Double.isNaN(trialTime);
    }
}
