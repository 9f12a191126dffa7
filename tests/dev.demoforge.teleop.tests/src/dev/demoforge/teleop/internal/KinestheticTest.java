package dev.demoforge.teleop.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.demoforge.device.api.ConnectedStation;
import dev.demoforge.device.api.StationConfig;
import dev.demoforge.device.api.StationManager;
import dev.demoforge.device.api.VectorSample;
import dev.demoforge.teleop.TeleopService;
import dev.demoforge.teleop.TeleopSession;

/** Kinesthetic teaching: the follower's torque is off and its own joints are recorded as the action. */
class KinestheticTest {

    @Test
    void theFollowersOwnJointsAreItsAction() throws Exception {
        TeleopService teleop = OsgiServices.get(TeleopService.class);
        StationConfig config = SimTeleopTest.station("teleop-kinesthetic", Map.of("teleop.mode", "kinesthetic"));
        StreamLog log = new StreamLog();
        try (ConnectedStation station = OsgiServices.get(StationManager.class).connect(config)) {
            station.addSink(log);
            try (TeleopSession session = teleop.start(station, teleop.pairings(config).get(0))) {
                Thread.sleep(1_500);
                assertEquals(0, session.stats().commands(), "nothing is sent in kinesthetic mode");
            }
        }
        List<VectorSample> action = log.get("/arm/action");
        Map<Long, VectorSample> joints = new HashMap<>();
        log.get("/arm/joints").forEach(j -> joints.put(j.hostNanos(), j));
        Map<Long, VectorSample> gripper = new HashMap<>();
        log.get("/arm/gripper").forEach(g -> gripper.put(g.hostNanos(), g));
        assertTrue(action.size() > 200, "action samples " + action.size());
        for (VectorSample a : action) {
            VectorSample j = joints.get(a.hostNanos());
            double[] expected = java.util.Arrays.copyOf(j.values(), 7);
            expected[6] = gripper.get(a.hostNanos()).values()[0];
            assertArrayEquals(expected, a.values(), 0.0);
            assertEquals(j.deviceNanos(), a.deviceNanos(), "the reading's own times");
        }
    }
}
