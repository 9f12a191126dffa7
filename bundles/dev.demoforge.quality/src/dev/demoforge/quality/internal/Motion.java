package dev.demoforge.quality.internal;

import dev.demoforge.driver.sim.SimArmModel;

/**
 * The arm's path on a uniform {@value #RATE_HZ} Hz grid: the tool point's position (m, by forward kinematics of the
 * recorded joints) when a kinematic model is known, otherwise the joint positions themselves (rad). Speeds derive
 * from positions low-passed at a chosen frequency. Immutable.
 */
final class Motion {

    static final double RATE_HZ = 100;

    private final Grid path;
    private final boolean cartesian;

    private Motion(Grid path, boolean cartesian) {
        this.path = path;
        this.cartesian = cartesian;
    }

    /** The path of an episode's joints; {@code model} may be null (joint space). Null without joint samples. */
    static Motion of(TimeSeries joints, SimArmModel model) {
        if (joints.size() < 2) {
            return null;
        }
        Grid q = Dsp.resample(joints, RATE_HZ);
        if (q.size() < 2) {
            return null;
        }
        if (model == null || q.channels().length < model.dof()) {
            return new Motion(q, false);
        }
        int n = q.size();
        double[][] xyz = new double[3][n];
        double[] row = new double[model.dof()];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < row.length; j++) {
                row[j] = q.channels()[j][i];
            }
            double[] pose = model.forwardKinematics(row);
            xyz[0][i] = pose[0];
            xyz[1][i] = pose[1];
            xyz[2][i] = pose[2];
        }
        return new Motion(q.with(xyz), true);
    }

    /** Whether the path is the tool point in metres (true) or joint angles in radians (false). */
    boolean cartesian() {
        return cartesian;
    }

    Grid path() {
        return path;
    }

    /** The unit of speeds: "m/s" or "rad/s". */
    String speedUnit() {
        return cartesian ? "m/s" : "rad/s";
    }

    /** Velocity per axis after a zero-phase low-pass of the positions at {@code filterHz}. */
    Grid velocity(double filterHz) {
        double[][] v = new double[path.channels().length][];
        for (int c = 0; c < v.length; c++) {
            v[c] = Dsp.derivative(Dsp.lowPass(path.channels()[c], RATE_HZ, filterHz), path.dt());
        }
        return path.with(v);
    }

    /** Speed (norm of {@link #velocity}) on the grid. */
    Grid speed(double filterHz) {
        return path.with(new double[][] {Dsp.norm(velocity(filterHz).channels())});
    }

    /** Position on the grid nearest to {@code t}. */
    double[] positionAt(double t) {
        int i = path.index(t);
        double[] p = new double[path.channels().length];
        for (int c = 0; c < p.length; c++) {
            p[c] = path.channels()[c][i];
        }
        return p;
    }
}
