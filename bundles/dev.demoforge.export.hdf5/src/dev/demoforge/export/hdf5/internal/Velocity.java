package dev.demoforge.export.hdf5.internal;

/**
 * Velocities derived from positions sampled at a fixed rate, as {@code numpy.gradient(q, 1 / fps, axis=0)} computes
 * them: central differences inside, one-sided differences at the two ends, zeros for a single row. Units: the
 * positions' units per second.
 */
final class Velocity {

    private Velocity() {
    }

    static float[][] of(float[][] q, int fps) {
        int n = q.length;
        int d = n == 0 ? 0 : q[0].length;
        float[][] v = new float[n][d];
        if (n < 2) {
            return v;
        }
        for (int j = 0; j < d; j++) {
            v[0][j] = (float) (((double) q[1][j] - q[0][j]) * fps);
            v[n - 1][j] = (float) (((double) q[n - 1][j] - q[n - 2][j]) * fps);
            for (int i = 1; i < n - 1; i++) {
                v[i][j] = (float) (((double) q[i + 1][j] - q[i - 1][j]) * fps / 2);
            }
        }
        return v;
    }
}
