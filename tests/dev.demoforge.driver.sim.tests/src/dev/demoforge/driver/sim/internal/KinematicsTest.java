package dev.demoforge.driver.sim.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.demoforge.driver.sim.SimArmModel;

class KinematicsTest {

    private static final SimArmModel M = SimArmModel.DEFAULT;

    @Test
    void zeroPostureHasToolBelowTheStretchedArm() {
        // pan 0, arm stretched along x (0.28 + 0.25 m) at shoulder height 0.12 m, wrist pointing down 0.05 + 0.12 m
        double[] pose = M.forwardKinematics(new double[6]);
        assertEquals(0.53, pose[0], 1e-12);
        assertEquals(0.0, pose[1], 1e-12);
        assertEquals(-0.05, pose[2], 1e-12);
        double[] tool = M.frames(new double[6])[7];
        assertArrayEquals(new double[] {0, 0, -1}, new double[] {tool[2], tool[6], tool[10]}, 1e-12);
    }

    @Test
    void inverseKinematicsPutsTheToolOnTargetPointingDown() {
        for (double x = 0.15; x <= 0.40; x += 0.05) {
            for (double y = -0.25; y <= 0.25; y += 0.05) {
                for (double z = 0.02; z <= 0.2; z += 0.06) {
                    if (Math.hypot(x, y) > 0.42) {
                        continue;
                    }
                    double yaw = 0.7 * x - y;
                    double[] q = ArmIk.solveDown(M, x, y, z, yaw);
                    double[] tool = M.frames(q)[7];
                    assertArrayEquals(new double[] {x, y, z}, new double[] {tool[3], tool[7], tool[11]}, 1e-9);
                    assertArrayEquals(new double[] {0, 0, -1}, new double[] {tool[2], tool[6], tool[10]}, 1e-9);
                    double fingerYaw = Math.atan2(tool[4], tool[0]);
                    assertEquals(0, ArmIk.wrapHalfPi(fingerYaw - yaw), 1e-9, "finger axis yaw at " + x + "," + y);
                }
            }
        }
    }

    @Test
    void quaternionDescribesTheToolRotation() {
        double[] q = {0.3, 1.1, -1.6, 0.4, -0.7, 0.25};
        double[] pose = M.forwardKinematics(q);
        double[] tool = M.frames(q)[7];
        double x = pose[3], y = pose[4], z = pose[5], w = pose[6];
        assertEquals(1.0, x * x + y * y + z * z + w * w, 1e-12);
        double[] r = {
            1 - 2 * (y * y + z * z), 2 * (x * y - z * w), 2 * (x * z + y * w),
            2 * (x * y + z * w), 1 - 2 * (x * x + z * z), 2 * (y * z - x * w),
            2 * (x * z - y * w), 2 * (y * z + x * w), 1 - 2 * (x * x + y * y)};
        double[] fromFrame = {tool[0], tool[1], tool[2], tool[4], tool[5], tool[6], tool[8], tool[9], tool[10]};
        assertArrayEquals(fromFrame, r, 1e-12);
        assertArrayEquals(new double[] {tool[3], tool[7], tool[11]}, new double[] {pose[0], pose[1], pose[2]}, 0);
    }

    @Test
    void shortJointVectorIsRejectedWithTheExpectedLength() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> M.forwardKinematics(new double[5]));
        assertTrue(e.getMessage().contains("6"), e.getMessage());
    }

    @Test
    void unreachablePointIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ArmIk.solveDown(M, 0.9, 0, 0.02, 0));
        assertTrue(e.getMessage().contains("0.900"), e.getMessage());
    }
}
