package dev.demoforge.teleop.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.demoforge.device.api.DeviceConfig;
import dev.demoforge.teleop.TeleopConfig;
import dev.demoforge.teleop.TeleopMapping;

/** Joint map, scale, offset, limits and the gripper range, as a station's properties declare them. */
class TeleopMappingTest {

    @Test
    void mapsScalesOffsetsAndClampsEachElement() {
        TeleopMapping m = TeleopMapping.parse(Map.of("teleop.map", "2,1,0", "teleop.scale", "1,-1,2",
                "teleop.offset", "0.1", "teleop.min", "-1", "teleop.max", "1,1,0.5"), "Device f", 3);
        m.check(3, 3);
        double[] goal = new double[3];
        int clamped = m.apply(new double[] {0.4, 0.2, -0.3}, goal);
        assertArrayEquals(new double[] {-0.2, -0.1, 0.5}, goal, 1e-12, "0.4 * 2 + 0.1 = 0.9 clamped to 0.5");
        assertEquals(1, clamped);
    }

    @Test
    void theGripperRangeMapsLeaderEndsToFollowerEnds() {
        // a Dynamixel leader's trigger reads 0.2 rad closed and 1.2 rad open; the follower's gripper 0..1
        TeleopMapping m = TeleopMapping.parse(Map.of("teleop.gripper", "1:0.2:1.2:0:1"), "Device f", 2);
        double[] goal = new double[2];
        m.apply(new double[] {0.5, 0.7}, goal);
        assertArrayEquals(new double[] {0.5, 0.5}, goal, 1e-12);
        m.apply(new double[] {0.5, 1.5}, goal);
        assertEquals(1.0, goal[1], 1e-12, "past the open end: clamped");
        m.apply(new double[] {0.5, 0.0}, goal);
        assertEquals(0.0, goal[1], 1e-12);
    }

    @Test
    void badDeclarationsNameThePropertyAndValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TeleopMapping.parse(
                Map.of("teleop.scale", "1,x"), "Device arm", 2));
        assertTrue(e.getMessage().contains("Device arm") && e.getMessage().contains("teleop.scale")
                && e.getMessage().contains("'x'"), e.getMessage());
        TeleopMapping wide = TeleopMapping.parse(Map.of("teleop.map", "0,7"), "Device arm", 2);
        e = assertThrows(IllegalArgumentException.class, () -> wide.check(6, 2));
        assertTrue(e.getMessage().contains("teleop.map[1] = 7"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> TeleopMapping.IDENTITY.check(5, 7));
        assertTrue(e.getMessage().contains("teleop.map"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> TeleopConfig.of(new DeviceConfig("arm", "sim.arm",
                Map.of("teleop.leader", "leader", "teleop.mode", "puppet"))));
        assertTrue(e.getMessage().contains("teleop.mode") && e.getMessage().contains("puppet"), e.getMessage());
        // a list shorter than the follower beside a gripper range: named, not an index out of bounds
        e = assertThrows(IllegalArgumentException.class, () -> TeleopMapping.parse(Map.of("teleop.scale", "1,2",
                "teleop.gripper", "2:0.2:1.2:0:1"), "Device arm", 3));
        assertTrue(e.getMessage().contains("teleop.scale has 2 values for 3"), e.getMessage());
    }

    @Test
    void aDeviceWithoutLeaderDeclaresNoPairing() {
        assertTrue(TeleopConfig.of(new DeviceConfig("arm", "sim.arm", Map.of())).isEmpty());
        TeleopConfig c = TeleopConfig.of(new DeviceConfig("arm", "sim.arm", Map.of("teleop.leader", "leader")))
                .orElseThrow();
        assertEquals("leader", c.leaderId());
        assertEquals(TeleopConfig.DEFAULT_RATE_HZ, c.rateHz());
        assertEquals(TeleopConfig.Mode.FOLLOW, c.mode());
    }
}
