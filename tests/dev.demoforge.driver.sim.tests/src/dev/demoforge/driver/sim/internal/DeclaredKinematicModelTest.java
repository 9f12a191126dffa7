package dev.demoforge.driver.sim.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.demoforge.device.api.DeviceConfig;
import dev.demoforge.device.api.DeviceDriverFactory;
import dev.demoforge.device.api.KinematicModel;

/**
 * The kinematic model the "sim.arm" factory declares, against poses worked out by hand from the arm's geometry
 * (shoulder 0.12 m up, upper arm 0.28 m, forearm 0.25 m, wrist offset 0.05 m, tool 0.12 m): the expected values
 * come from that geometry, not from the model's DH code.
 */
class DeclaredKinematicModelTest {

    private static final double S = Math.sqrt(0.5);

    private static KinematicModel model() throws Exception {
        DeviceDriverFactory arm = Services.factories().get("sim.arm");
        return arm.kinematicModel(new DeviceConfig("arm", "sim.arm", Map.of())).orElseThrow();
    }

    @Test
    void theSimArmFactoryDeclaresItsModelAndTheOtherSimDevicesNone() throws Exception {
        KinematicModel m = model();
        assertEquals("sim_base", m.baseFrame());
        assertEquals(List.of("shoulder_pan", "shoulder_lift", "elbow_flex", "wrist_flex", "wrist_roll", "wrist_yaw"),
                m.jointNames());
        DeviceDriverFactory camera = Services.factories().get("sim.camera");
        assertFalse(camera.kinematicModel(new DeviceConfig("cam", "sim.camera", Map.of())).isPresent());
    }

    @Test
    void stretchedArmPutsTheToolAtTheReachBelowShoulderHeightPointingDown() throws Exception {
        // arm along +x: 0.28 + 0.25 = 0.53 m; wrist and tool hang down: 0.12 - 0.05 - 0.12 = -0.05 m;
        // tool frame = base rotated 180 degrees about x (x kept, y and z flipped)
        assertPose(model().forwardKinematics(new double[6]), 0.53, 0, -0.05, 1, 0, 0, 0);
    }

    @Test
    void panningByAQuarterTurnSwingsTheToolOntoY() throws Exception {
        // Rz(90) · Rx(180): quaternion (0,0,s,s) ⊗ (1,0,0,0) = (s, s, 0, 0)
        assertPose(model().forwardKinematics(new double[] {Math.PI / 2, 0, 0, 0, 0, 0}), 0, 0.53, -0.05, S, S, 0, 0);
    }

    @Test
    void liftingTheShoulderAQuarterTurnPointsTheArmUpAndTheToolForward() throws Exception {
        // the shoulder axis is -y: upper arm and forearm point up (0.12 + 0.53 = 0.65 m), and the wrist offset and
        // tool (0.05 + 0.12 m), which hung down, now point along +x; R = R_{-y}(90) · Rx(180) = (s, 0, s, 0)
        assertPose(model().forwardKinematics(new double[] {0, Math.PI / 2, 0, 0, 0, 0, 0.5}), 0.17, 0, 0.65, S, 0,
                S, 0);
    }

    /** Position to 1e-12 m; orientation as the same rotation (q and -q are one rotation). */
    private static void assertPose(double[] pose, double x, double y, double z, double qx, double qy, double qz,
            double qw) {
        assertEquals(7, pose.length);
        assertEquals(x, pose[0], 1e-12, "x");
        assertEquals(y, pose[1], 1e-12, "y");
        assertEquals(z, pose[2], 1e-12, "z");
        double dot = pose[3] * qx + pose[4] * qy + pose[5] * qz + pose[6] * qw;
        assertEquals(1.0, Math.abs(dot), 1e-12, "orientation " + List.of(pose[3], pose[4], pose[5], pose[6]));
        assertTrue(pose[6] >= 0, "qw >= 0");
    }
}
