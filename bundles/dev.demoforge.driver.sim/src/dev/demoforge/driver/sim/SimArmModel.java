package dev.demoforge.driver.sim;

import java.util.List;
import java.util.Objects;

import dev.demoforge.device.api.KinematicModel;

/**
 * Kinematic model of the simulated 6-DoF arm as standard Denavit-Hartenberg links, so that exporters can turn the
 * recorded joint states of the simulated station into end-effector poses; the "sim.arm" driver factory declares it
 * as the arm's {@link KinematicModel}.
 * <p>
 * Convention: each link transform is {@code Rz(q + thetaOffset) · Tz(d) · Tx(a) · Rx(alpha)}; the tool frame is the
 * last link frame translated by {@link #toolLength()} along its z axis (the approach axis; the tool point sits
 * between the gripper fingertips). Lengths in metres, angles in radians, poses in the base frame
 * {@link #baseFrame()} (z up, the table top is z = 0).
 * <p>
 * Immutable and thread-safe; all methods are pure computations that neither block nor allocate beyond their result.
 *
 * @param baseFrame  name of the frame poses are expressed in ("sim_base")
 * @param jointNames one name per joint, in the order of the joint vector ("shoulder_pan", ...)
 * @param links      one DH link per joint, same order
 * @param toolLength distance from the last link frame to the tool point along its z axis, m
 * @since 0.1
 */
public record SimArmModel(String baseFrame, List<String> jointNames, List<Link> links, double toolLength)
        implements KinematicModel {

    /**
     * One Denavit-Hartenberg link.
     *
     * @param a           link length along the new x axis, m
     * @param alpha       link twist about the new x axis, rad
     * @param d           offset along the previous z axis, m
     * @param thetaOffset added to the joint angle, rad
     * @since 0.1
     */
    public record Link(double a, double alpha, double d, double thetaOffset) {
    }

    /** The arm of the simulated station: pan, two parallel pitch joints, then a pitch-roll-bend wrist. */
    public static final SimArmModel DEFAULT = new SimArmModel("sim_base",
            List.of("shoulder_pan", "shoulder_lift", "elbow_flex", "wrist_flex", "wrist_roll", "wrist_yaw"),
            List.of(new Link(0, Math.PI / 2, 0.12, 0),
                    new Link(0.28, 0, 0, 0),
                    new Link(0.25, 0, 0, 0),
                    new Link(0, Math.PI / 2, 0, 0),
                    new Link(0, -Math.PI / 2, 0.05, 0),
                    new Link(0, Math.PI / 2, 0, 0)),
            0.12);

    public SimArmModel {
        Objects.requireNonNull(baseFrame, "baseFrame");
        jointNames = List.copyOf(jointNames);
        links = List.copyOf(links);
        if (jointNames.size() != links.size()) {
            throw new IllegalArgumentException(jointNames.size() + " joint names for " + links.size() + " links");
        }
    }

    /** Number of joints. */
    public int dof() {
        return links.size();
    }

    /**
     * End-effector (tool point) pose for a joint vector.
     *
     * @param q joint angles in rad, in {@link #jointNames()} order; further elements (e.g. a gripper) are ignored
     * @return {@code {x, y, z, qx, qy, qz, qw}}: position in m and unit orientation quaternion (scalar last), both in
     *         {@link #baseFrame()}
     * @throws IllegalArgumentException when {@code q} has fewer elements than joints
     */
    @Override
    public double[] forwardKinematics(double[] q) {
        double[] t = frames(q)[dof() + 1];
        double[] quat = quaternion(t);
        return new double[] {t[3], t[7], t[11], quat[0], quat[1], quat[2], quat[3]};
    }

    /**
     * All frames of the chain for a joint vector: index 0 is the base (identity), index i (1..dof) the frame after
     * joint i, index dof + 1 the tool frame. Each frame is a homogeneous 4x4 transform to the base frame, row-major
     * ({@code m[4 * row + col]}); the translation is {@code m[3], m[7], m[11]}.
     *
     * @throws IllegalArgumentException when {@code q} has fewer elements than joints
     */
    public double[][] frames(double[] q) {
        if (q == null || q.length < dof()) {
            throw new IllegalArgumentException("Joint vector needs " + dof() + " elements, got "
                    + (q == null ? "null" : q.length));
        }
        double[][] out = new double[dof() + 2][];
        double[] t = {1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1};
        out[0] = t;
        for (int i = 0; i < dof(); i++) {
            Link l = links.get(i);
            t = multiply(t, dh(q[i] + l.thetaOffset(), l.d(), l.a(), l.alpha()));
            out[i + 1] = t;
        }
        out[dof() + 1] = multiply(t, dh(0, toolLength, 0, 0));
        return out;
    }

    private static double[] dh(double theta, double d, double a, double alpha) {
        double ct = Math.cos(theta);
        double st = Math.sin(theta);
        double ca = Math.cos(alpha);
        double sa = Math.sin(alpha);
        return new double[] {
            ct, -st * ca, st * sa, a * ct,
            st, ct * ca, -ct * sa, a * st,
            0, sa, ca, d,
            0, 0, 0, 1};
    }

    private static double[] multiply(double[] m, double[] n) {
        double[] r = new double[16];
        for (int row = 0; row < 4; row++) {
            for (int col = 0; col < 4; col++) {
                double s = 0;
                for (int k = 0; k < 4; k++) {
                    s += m[4 * row + k] * n[4 * k + col];
                }
                r[4 * row + col] = s;
            }
        }
        return r;
    }

    /** Quaternion {qx, qy, qz, qw} of the rotation part of a row-major 4x4 transform, with qw &gt;= 0. */
    private static double[] quaternion(double[] m) {
        double m00 = m[0], m01 = m[1], m02 = m[2];
        double m10 = m[4], m11 = m[5], m12 = m[6];
        double m20 = m[8], m21 = m[9], m22 = m[10];
        double trace = m00 + m11 + m22;
        double x, y, z, w;
        if (trace > 0) {
            double s = Math.sqrt(trace + 1.0) * 2;
            w = 0.25 * s;
            x = (m21 - m12) / s;
            y = (m02 - m20) / s;
            z = (m10 - m01) / s;
        } else if (m00 > m11 && m00 > m22) {
            double s = Math.sqrt(1.0 + m00 - m11 - m22) * 2;
            w = (m21 - m12) / s;
            x = 0.25 * s;
            y = (m01 + m10) / s;
            z = (m02 + m20) / s;
        } else if (m11 > m22) {
            double s = Math.sqrt(1.0 + m11 - m00 - m22) * 2;
            w = (m02 - m20) / s;
            x = (m01 + m10) / s;
            y = 0.25 * s;
            z = (m12 + m21) / s;
        } else {
            double s = Math.sqrt(1.0 + m22 - m00 - m11) * 2;
            w = (m10 - m01) / s;
            x = (m02 + m20) / s;
            y = (m12 + m21) / s;
            z = 0.25 * s;
        }
        double n = Math.sqrt(x * x + y * y + z * z + w * w);
        double sign = w < 0 ? -1 : 1;
        return new double[] {sign * x / n, sign * y / n, sign * z / n, sign * w / n};
    }
}
