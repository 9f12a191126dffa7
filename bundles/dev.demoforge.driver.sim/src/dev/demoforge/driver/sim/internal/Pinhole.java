package dev.demoforge.driver.sim.internal;

/**
 * An ideal pinhole camera: position and orthonormal axes in "sim_base" (right, down, forward: x right and y down in
 * the image), focal length in pixels, principal point at the image centre. Immutable.
 */
record Pinhole(double[] pos, double[] right, double[] down, double[] fwd, double f, double cx, double cy) {

    /** Nearest depth drawn, m. */
    static final double NEAR = 0.02;

    /** A camera at {@code eye} looking at {@code target}, z up, with the given horizontal field of view. */
    static Pinhole lookAt(double[] eye, double[] target, double hfovDeg, int width, int height) {
        double[] fwd = normalize(sub(target, eye));
        double[] right = normalize(cross(fwd, new double[] {0, 0, 1}));
        double[] down = cross(fwd, right);
        double f = (width / 2.0) / Math.tan(Math.toRadians(hfovDeg) / 2);
        return new Pinhole(eye, right, down, fwd, f, width / 2.0, height / 2.0);
    }

    /** Depth of a world point along the optical axis, m (negative behind the camera). */
    double depth(double x, double y, double z) {
        return (x - pos[0]) * fwd[0] + (y - pos[1]) * fwd[1] + (z - pos[2]) * fwd[2];
    }

    /**
     * Projects a world point into {@code out} = {u, v, depth}.
     *
     * @return false when the point is closer than {@link #NEAR} or behind the camera (out then holds no pixel)
     */
    boolean project(double x, double y, double z, double[] out) {
        double px = x - pos[0];
        double py = y - pos[1];
        double pz = z - pos[2];
        double d = px * fwd[0] + py * fwd[1] + pz * fwd[2];
        out[2] = d;
        if (d < NEAR) {
            return false;
        }
        out[0] = cx + f * (px * right[0] + py * right[1] + pz * right[2]) / d;
        out[1] = cy + f * (px * down[0] + py * down[1] + pz * down[2]) / d;
        return true;
    }

    static double[] sub(double[] a, double[] b) {
        return new double[] {a[0] - b[0], a[1] - b[1], a[2] - b[2]};
    }

    static double[] cross(double[] a, double[] b) {
        return new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
    }

    static double[] normalize(double[] a) {
        double n = Math.sqrt(a[0] * a[0] + a[1] * a[1] + a[2] * a[2]);
        return new double[] {a[0] / n, a[1] / n, a[2] / n};
    }
}
