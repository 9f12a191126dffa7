package dev.demoforge.dataset;

import java.util.concurrent.locks.LockSupport;

import dev.demoforge.device.api.JointCommandable;

/**
 * A motion for {@link LatencyCalibration} with sharp onsets, which pin down the delay far better than smooth
 * demonstrations do: one joint stepped back and forth by ± {@code amplitudeRad} around its start, each position held
 * {@code holdSeconds}, the other joints held. Driven through the arm's {@link JointCommandable} capability (the arm
 * moves as fast as its servos allow), so the joint stream records the motion the cameras see. Immutable.
 *
 * @param joint        index of the stepped element in the arm's command order
 * @param amplitudeRad step half-height, rad
 * @param holdSeconds  time at each end, s
 * @since 0.3
 */
public record CalibrationSteps(int joint, double amplitudeRad, double holdSeconds) {

    /** Shoulder pan, ±0.3 rad, 0.5 s at each end: the whole arm sweeps across the view. */
    public static final CalibrationSteps DEFAULT = new CalibrationSteps(0, 0.3, 0.5);

    /**
     * Commands the steps until {@code untilNanos} (host {@link System#nanoTime()}), re-sending the goal every 10 ms;
     * blocks the calling thread meanwhile. Torque is turned on first.
     *
     * @param start the pose to step around, in command order
     * @throws IllegalArgumentException if {@code start} does not fit the arm's commands
     */
    public void drive(JointCommandable arm, double[] start, long untilNanos) throws InterruptedException {
        if (start.length != arm.commandNames().size() || joint < 0 || joint >= start.length) {
            throw new IllegalArgumentException("Calibration steps of element " + joint + " around a pose of "
                    + start.length + " elements, the arm takes " + arm.commandNames().size());
        }
        arm.setTorque(true);
        double[] goal = start.clone();
        long t0 = System.nanoTime();
        long next = t0;
        while (System.nanoTime() < untilNanos) {
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            long step = (long) ((System.nanoTime() - t0) / (holdSeconds * 1e9));
            goal[joint] = start[joint] + (step % 2 == 0 ? amplitudeRad : -amplitudeRad);
            arm.commandPositions(goal.clone());
            next += 10_000_000L;
            LockSupport.parkNanos(Math.max(0, next - System.nanoTime()));
        }
    }
}
