package dev.demoforge.driver.sim.internal;

import dev.demoforge.driver.sim.SimArmModel;

/**
 * Closed-form inverse kinematics of {@link SimArmModel#DEFAULT}-shaped arms for a tool pointing straight down
 * (pan; two parallel pitch joints solved as a planar two-link arm, elbow up; wrist pitch cancelling them; wrist roll
 * setting the gripper's yaw; the last joint at zero). Pure, thread-safe.
 */
final class ArmIk {

    private ArmIk() {
    }

    /**
     * Joint angles (6, rad) that put the tool point at {@code (x, y, z)} in the base frame with the approach axis
     * pointing down and the finger-opening axis (tool x) at world yaw {@code yaw} modulo pi.
     *
     * @throws IllegalArgumentException when the point is out of reach
     */
    static double[] solveDown(SimArmModel model, double x, double y, double z, double yaw) {
        double d1 = model.links().get(0).d();
        double a2 = model.links().get(1).a();
        double a3 = model.links().get(2).a();
        double below = model.links().get(4).d() + model.links().get(5).d() + model.toolLength();
        double pan = Math.atan2(y, x);
        double r = Math.hypot(x, y);
        double h = z + below - d1;
        double c3 = (r * r + h * h - a2 * a2 - a3 * a3) / (2 * a2 * a3);
        if (c3 < -1 || c3 > 1) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "Tool point (%.3f, %.3f, %.3f) m is out of the arm's reach", x, y, z));
        }
        double elbow = -Math.acos(c3);
        double lift = Math.atan2(h, r) - Math.atan2(a3 * Math.sin(elbow), a2 + a3 * Math.cos(elbow));
        double flex = -(lift + elbow);
        double[] q = {pan, lift, elbow, flex, 0, 0};
        double[] tool = model.frames(q)[model.dof() + 1];
        double yawAtZeroRoll = Math.atan2(tool[4], tool[0]);
        q[4] = wrapHalfPi(yawAtZeroRoll - yaw);
        return q;
    }

    /** Wraps an angle into [-pi/2, pi/2): a parallel gripper is symmetric under a half turn. */
    static double wrapHalfPi(double a) {
        double w = a % Math.PI;
        if (w >= Math.PI / 2) {
            w -= Math.PI;
        } else if (w < -Math.PI / 2) {
            w += Math.PI;
        }
        return w;
    }
}
