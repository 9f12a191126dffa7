package dev.demoforge.teleop;

import java.util.Arrays;
import java.util.Map;

/**
 * How a leader's joint positions become a follower's goals, element by element:
 * {@code goal[i] = clamp(leader[source[i]] · scale[i] + offset[i], min[i], max[i])}. Each array is empty (the
 * default for every element: identity source, scale 1, offset 0, no limit), holds one value (for every element) or
 * one value per follower element. A gripper is one element like the others; {@link #withGripper} derives its scale,
 * offset and limits from the two ends of each side's range. Immutable (arrays are copied), thread-safe.
 *
 * @param source leader element index of each follower element
 * @param scale  factor, per element
 * @param offset added after scaling, follower units
 * @param min    lower limit, follower units (goals are clamped)
 * @param max    upper limit, follower units
 * @since 0.1
 */
public record TeleopMapping(int[] source, double[] scale, double[] offset, double[] min, double[] max) {

    /** The identity: follower element i takes leader element i unchanged. */
    public static final TeleopMapping IDENTITY = new TeleopMapping(new int[0], new double[0], new double[0],
            new double[0], new double[0]);

    public TeleopMapping {
        source = source.clone();
        scale = scale.clone();
        offset = offset.clone();
        min = min.clone();
        max = max.clone();
    }

    /**
     * Checks the mapping against the two devices' widths.
     *
     * @throws IllegalArgumentException naming the list and index that does not fit
     */
    public void check(int leaderWidth, int followerWidth) {
        if (source.length == 0 && leaderWidth < followerWidth) {
            throw new IllegalArgumentException("the leader has " + leaderWidth + " elements, the follower "
                    + followerWidth + ": give teleop.map");
        }
        width("map", source.length, followerWidth);
        width("scale", scale.length, followerWidth);
        width("offset", offset.length, followerWidth);
        width("min", min.length, followerWidth);
        width("max", max.length, followerWidth);
        for (int i = 0; i < source.length; i++) {
            if (source[i] < 0 || source[i] >= leaderWidth) {
                throw new IllegalArgumentException("teleop.map[" + i + "] = " + source[i] + " is not a leader element"
                        + " (0.." + (leaderWidth - 1) + ")");
            }
        }
        for (int i = 0; i < followerWidth; i++) {
            if (at(min, i, Double.NEGATIVE_INFINITY) > at(max, i, Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException("teleop.min[" + i + "] is above teleop.max[" + i + "]");
            }
        }
    }

    private static void width(String name, int n, int followerWidth) {
        if (n > 1 && n != followerWidth) {
            throw new IllegalArgumentException("teleop." + name + " has " + n + " values for " + followerWidth
                    + " follower elements (give one, or one per element)");
        }
    }

    /** Maps one leader reading into {@code goal} (no allocation); returns how many elements were clamped. */
    public int apply(double[] leader, double[] goal) {
        int clamped = 0;
        for (int i = 0; i < goal.length; i++) {
            int from = source.length == 0 ? i : source.length == 1 ? source[0] : source[i];
            double v = leader[from] * at(scale, i, 1) + at(offset, i, 0);
            double lo = at(min, i, Double.NEGATIVE_INFINITY);
            double hi = at(max, i, Double.POSITIVE_INFINITY);
            if (v < lo || v > hi) {
                v = Math.clamp(v, lo, hi);
                clamped++;
            }
            goal[i] = v;
        }
        return clamped;
    }

    /**
     * This mapping with follower element {@code index} (of {@code followerWidth}) mapped linearly so that the leader's
     * closed and open readings give the follower's closed and open goals, clamped between them.
     */
    public TeleopMapping withGripper(int followerWidth, int index, double leaderClosed, double leaderOpen,
            double followerClosed, double followerOpen) {
        if (index < 0 || index >= followerWidth || leaderClosed == leaderOpen) {
            throw new IllegalArgumentException("teleop.gripper: element " + index + " of " + followerWidth
                    + " with leader range " + leaderClosed + ".." + leaderOpen + " cannot be mapped");
        }
        width("scale", scale.length, followerWidth);
        width("offset", offset.length, followerWidth);
        width("min", min.length, followerWidth);
        width("max", max.length, followerWidth);
        double k = (followerOpen - followerClosed) / (leaderOpen - leaderClosed);
        double[] s = expand(scale, followerWidth, 1);
        double[] o = expand(offset, followerWidth, 0);
        double[] lo = expand(min, followerWidth, Double.NEGATIVE_INFINITY);
        double[] hi = expand(max, followerWidth, Double.POSITIVE_INFINITY);
        s[index] = k;
        o[index] = followerClosed - k * leaderClosed;
        lo[index] = Math.min(followerClosed, followerOpen);
        hi[index] = Math.max(followerClosed, followerOpen);
        return new TeleopMapping(source, s, o, lo, hi);
    }

    /**
     * Reads a mapping from device properties: {@code teleop.map} (leader element per follower element),
     * {@code teleop.scale}, {@code teleop.offset}, {@code teleop.min}, {@code teleop.max} (comma-separated numbers,
     * one for all or one per element) and {@code teleop.gripper}
     * ({@code INDEX:LEADER_CLOSED:LEADER_OPEN:FOLLOWER_CLOSED:FOLLOWER_OPEN}).
     *
     * @param who names the device in error messages
     * @throws IllegalArgumentException naming the property and the value that is not understood
     */
    public static TeleopMapping parse(Map<String, String> properties, String who, int followerWidth) {
        TeleopMapping m = new TeleopMapping(ints(properties, "teleop.map", who), numbers(properties, "teleop.scale",
                who), numbers(properties, "teleop.offset", who), numbers(properties, "teleop.min", who),
                numbers(properties, "teleop.max", who));
        String g = properties.getOrDefault("teleop.gripper", "").strip();
        if (!g.isEmpty()) {
            String[] p = g.split(":");
            double[] v = new double[5];
            try {
                if (p.length != 5) {
                    throw new NumberFormatException("5 fields expected");
                }
                for (int i = 0; i < 5; i++) {
                    v[i] = Double.parseDouble(p[i].strip());
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(who + ": property 'teleop.gripper' must be INDEX:LEADER_CLOSED:"
                        + "LEADER_OPEN:FOLLOWER_CLOSED:FOLLOWER_OPEN, was '" + g + "'", e);
            }
            m = m.withGripper(followerWidth, (int) v[0], v[1], v[2], v[3], v[4]);
        }
        return m;
    }

    private static int[] ints(Map<String, String> p, String key, String who) {
        double[] d = numbers(p, key, who);
        int[] out = new int[d.length];
        for (int i = 0; i < d.length; i++) {
            if (d[i] != Math.rint(d[i])) {
                throw new IllegalArgumentException(who + ": property '" + key + "' must list whole numbers");
            }
            out[i] = (int) d[i];
        }
        return out;
    }

    private static double[] numbers(Map<String, String> p, String key, String who) {
        String v = p.getOrDefault(key, "").strip();
        if (v.isEmpty()) {
            return new double[0];
        }
        String[] parts = v.split(",");
        double[] out = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                out[i] = Double.parseDouble(parts[i].strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(who + ": property '" + key + "' value " + (i + 1) + " is not a"
                        + " number: '" + parts[i].strip() + "'", e);
            }
            if (Double.isNaN(out[i])) {
                throw new IllegalArgumentException(who + ": property '" + key + "' value " + (i + 1) + " is NaN");
            }
        }
        return out;
    }

    private static double at(double[] a, int i, double fallback) {
        return a.length == 0 ? fallback : a.length == 1 ? a[0] : a[i];
    }

    private static double[] expand(double[] a, int n, double fallback) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = at(a, i, fallback);
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TeleopMapping m && Arrays.equals(source, m.source) && Arrays.equals(scale, m.scale)
                && Arrays.equals(offset, m.offset) && Arrays.equals(min, m.min) && Arrays.equals(max, m.max);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(source) * 31 + Arrays.hashCode(scale) + Arrays.hashCode(offset) * 7;
    }

    @Override
    public String toString() {
        return "TeleopMapping[map=" + Arrays.toString(source) + ", scale=" + Arrays.toString(scale) + ", offset="
                + Arrays.toString(offset) + ", min=" + Arrays.toString(min) + ", max=" + Arrays.toString(max) + "]";
    }
}
