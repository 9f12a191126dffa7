package dev.demoforge.timesync;

import java.util.ArrayList;
import java.util.List;

/**
 * Interpolation of orientations stored as unit quaternions {@code (qx, qy, qz, qw)} inside vector samples. Pure
 * functions, thread-safe, no allocation.
 *
 * @since 0.1
 */
public final class Quaternions {

    private static final double LINEAR_BELOW = 1e-6;

    private Quaternions() {
    }

    /**
     * Spherical linear interpolation along the shorter arc: writes the unit quaternion at fraction {@code t} from
     * {@code a} to {@code b} into {@code out}. Inputs need not be normalised; {@code q} and {@code -q} are the
     * same orientation, so the result never takes the long way round.
     *
     * @param a    array holding the first quaternion at {@code aOff} as x, y, z, w
     * @param b    array holding the second at {@code bOff}
     * @param t    fraction, 0 gives a, 1 gives b
     * @param out  receives the result at {@code outOff} (may be a or b)
     */
    public static void slerp(double[] a, int aOff, double[] b, int bOff, double t, double[] out, int outOff) {
        double na = norm(a, aOff);
        double nb = norm(b, bOff);
        double ax = a[aOff] / na, ay = a[aOff + 1] / na, az = a[aOff + 2] / na, aw = a[aOff + 3] / na;
        double bx = b[bOff] / nb, by = b[bOff + 1] / nb, bz = b[bOff + 2] / nb, bw = b[bOff + 3] / nb;
        double dot = ax * bx + ay * by + az * bz + aw * bw;
        if (dot < 0) {
            dot = -dot;
            bx = -bx;
            by = -by;
            bz = -bz;
            bw = -bw;
        }
        double wa;
        double wb;
        if (1 - dot < LINEAR_BELOW) {
            wa = 1 - t;
            wb = t;
        } else {
            double theta = Math.acos(Math.min(1, dot));
            double sin = Math.sin(theta);
            wa = Math.sin((1 - t) * theta) / sin;
            wb = Math.sin(t * theta) / sin;
        }
        double x = wa * ax + wb * bx, y = wa * ay + wb * by, z = wa * az + wb * bz, w = wa * aw + wb * bw;
        double n = Math.sqrt(x * x + y * y + z * z + w * w);
        out[outOff] = x / n;
        out[outOff + 1] = y / n;
        out[outOff + 2] = z / n;
        out[outOff + 3] = w / n;
    }

    private static double norm(double[] q, int off) {
        double n = Math.sqrt(q[off] * q[off] + q[off + 1] * q[off + 1] + q[off + 2] * q[off + 2]
                + q[off + 3] * q[off + 3]);
        if (!(n > 0)) {
            throw new IllegalArgumentException("Quaternion at index " + off + " has zero or undefined length");
        }
        return n;
    }

    /**
     * Where a vector stream holds quaternions: the index of each run of four consecutive elements named
     * {@code <p>qx, <p>qy, <p>qz, <p>qw} with the same prefix {@code <p>} (e.g. {@code tool.qx … tool.qw}, as
     * {@code SimArmModel.forwardKinematics} orders them).
     */
    public static int[] groups(List<String> elementNames) {
        List<Integer> starts = new ArrayList<>();
        for (int i = 0; i + 3 < elementNames.size(); i++) {
            String n = elementNames.get(i);
            if (!n.endsWith("qx")) {
                continue;
            }
            String prefix = n.substring(0, n.length() - 2);
            if (elementNames.get(i + 1).equals(prefix + "qy") && elementNames.get(i + 2).equals(prefix + "qz")
                    && elementNames.get(i + 3).equals(prefix + "qw")) {
                starts.add(i);
                i += 3;
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }
}
