package dev.demoforge.timesync.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.demoforge.timesync.Quaternions;

/** SLERP of orientations stored as (qx, qy, qz, qw). */
class QuaternionsTest {

    private static double[] aboutZ(double angle) {
        return new double[] {0, 0, Math.sin(angle / 2), Math.cos(angle / 2)};
    }

    private static double[] slerp(double[] a, double[] b, double t) {
        double[] out = new double[4];
        Quaternions.slerp(a, 0, b, 0, t, out, 0);
        return out;
    }

    @Test
    void rotatesAtConstantAngularVelocity() {
        double[] a = aboutZ(0);
        double[] b = aboutZ(Math.toRadians(120));
        for (double t = 0; t <= 1.0001; t += 0.125) {
            assertArrayEquals(aboutZ(Math.toRadians(120 * t)), slerp(a, b, t), 1e-12, "t=" + t);
        }
    }

    @Test
    void takesTheShortArcWhenTheSecondQuaternionHasTheOppositeSign() {
        double[] a = aboutZ(Math.toRadians(10));
        double[] b = aboutZ(Math.toRadians(50));
        double[] negB = {-b[0], -b[1], -b[2], -b[3]};
        assertArrayEquals(aboutZ(Math.toRadians(30)), slerp(a, negB, 0.5), 1e-12);
    }

    @Test
    void normalisesItsInputsAndHandlesNearlyEqualOrientations() {
        double[] a = {0, 0, 0, 2};
        double[] b = {0, 0, Math.sin(1e-9), Math.cos(1e-9)};
        double[] mid = slerp(a, b, 0.5);
        assertEquals(1, Math.sqrt(mid[0] * mid[0] + mid[1] * mid[1] + mid[2] * mid[2] + mid[3] * mid[3]), 1e-15);
        assertEquals(Math.sin(0.5e-9), mid[2], 1e-15);
        assertThrows(IllegalArgumentException.class, () -> slerp(new double[4], b, 0.5));
    }

    @Test
    void interpolatesAnArbitraryAxisLikeTheAxisAngleForm() {
        double[] axis = {1 / Math.sqrt(3), 1 / Math.sqrt(3), 1 / Math.sqrt(3)};
        double angle = Math.toRadians(170);
        double s = Math.sin(angle / 2);
        double[] b = {axis[0] * s, axis[1] * s, axis[2] * s, Math.cos(angle / 2)};
        double[] q = slerp(new double[] {0, 0, 0, 1}, b, 0.3);
        double s3 = Math.sin(0.3 * angle / 2);
        assertArrayEquals(new double[] {axis[0] * s3, axis[1] * s3, axis[2] * s3, Math.cos(0.3 * angle / 2)}, q, 1e-12);
    }

    @Test
    void findsQuaternionGroupsByElementName() {
        assertArrayEquals(new int[] {3}, Quaternions.groups(List.of("x", "y", "z", "qx", "qy", "qz", "qw")));
        assertArrayEquals(new int[] {1, 5}, Quaternions.groups(List.of("g", "tool.qx", "tool.qy", "tool.qz",
                "tool.qw", "cam.qx", "cam.qy", "cam.qz", "cam.qw")));
        assertArrayEquals(new int[0], Quaternions.groups(List.of("a.qx", "b.qy", "a.qz", "a.qw")));
        assertArrayEquals(new int[0], Quaternions.groups(List.of("fx", "fy", "fz", "tx", "ty", "tz")));
    }
}
