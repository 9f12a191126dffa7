package dev.demoforge.driver.sim.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

import dev.demoforge.device.api.DeviceConfig;
import dev.demoforge.device.api.DeviceDriver;
import dev.demoforge.device.api.DeviceDriverFactory;
import dev.demoforge.device.api.StationConfig;
import dev.demoforge.device.api.StationProvider;
import dev.demoforge.device.api.StreamKind;
import dev.demoforge.device.api.StreamSpec;

/** The bundle's DS services as the workbench sees them. */
class StationTest {

    @Test
    void simStationListsItsFiveDevices() throws Exception {
        StationConfig station = Services.one(StationProvider.class).station();
        assertEquals("sim", station.id());
        assertEquals("demoforge_sim_arm", station.robotType());
        assertEquals(List.of("arm", "leader", "cam_scene", "cam_wrist", "ft"),
                station.devices().stream().map(DeviceConfig::deviceId).toList());
        assertEquals(List.of("sim.arm", "sim.leader", "sim.camera", "sim.camera", "sim.ft"),
                station.devices().stream().map(DeviceConfig::driverId).toList());
        assertEquals("scene", station.devices().get(2).property("view", null));
        assertEquals("wrist", station.devices().get(3).property("view", null));
    }

    @Test
    void everyDeviceIsCreatedByARegisteredFactoryWithTheDeclaredStreams() throws Exception {
        Map<String, DeviceDriverFactory> factories = Services.factories();
        Map<String, DeviceDriver> drivers = new java.util.HashMap<>();
        for (DeviceConfig d : Services.one(StationProvider.class).station().devices()) {
            DeviceDriverFactory f = factories.get(d.driverId());
            assertNotNull(f, "no factory " + d.driverId());
            assertTrue(!f.label().isBlank());
            drivers.put(d.deviceId(), f.create(Services.inWorld(d, "declared")));
        }
        Map<String, StreamSpec> arm = byName(drivers.get("arm").streams());
        assertEquals(List.of("joints", "gripper", "truth", "clock_truth"), List.copyOf(arm.keySet()));
        assertEquals(ArmDriver.JOINTS, arm.get("joints").elementNames());
        assertEquals(List.of("shoulder_pan.pos", "shoulder_lift.pos", "elbow_flex.pos", "wrist_flex.pos",
                "wrist_roll.pos", "wrist_yaw.pos"), arm.get("joints").elementNames());
        assertEquals(StreamKind.JOINT_STATE, arm.get("joints").kind());
        assertEquals("rad", arm.get("joints").units());
        assertEquals(200, arm.get("joints").nominalRateHz());
        assertEquals(List.of("gripper.pos"), arm.get("gripper").elementNames());
        assertEquals(StreamKind.GRIPPER, arm.get("gripper").kind());
        assertEquals(StreamKind.EVENT, arm.get("truth").kind());
        StreamSpec action = byName(drivers.get("leader").streams()).get("action");
        assertEquals(StreamKind.ACTION, action.kind());
        assertEquals(7, action.width());
        assertEquals("gripper.pos", action.elementNames().get(6));
        assertEquals(List.of(480, 640, 3), byName(drivers.get("cam_scene").streams()).get("image").shape());
        assertEquals(List.of(240, 320, 3), byName(drivers.get("cam_wrist").streams()).get("image").shape());
        assertEquals(30, byName(drivers.get("cam_wrist").streams()).get("image").nominalRateHz());
        StreamSpec wrench = byName(drivers.get("ft").streams()).get("wrench");
        assertEquals(StreamKind.WRENCH, wrench.kind());
        assertEquals(List.of("fx", "fy", "fz", "tx", "ty", "tz"), wrench.elementNames());
        assertEquals(1000, wrench.nominalRateHz());
        for (DeviceDriver d : drivers.values()) {
            assertTrue(byName(d.streams()).containsKey("clock_truth"));
        }
    }

    @Test
    void recordingStartedEventBeginsATrialFromTheEpisodeSeedOrItsId() throws Exception {
        SimWorlds worlds = Services.one(SimWorlds.class);
        SimWorld world = worlds.world("events");
        int before = world.runs().size();
        EventAdmin admin = Services.one(EventAdmin.class);
        admin.sendEvent(new Event(SimWorlds.STARTED_TOPIC, Map.of("episode.id", "ep-42", "episode.seed", 42L)));
        admin.sendEvent(new Event(SimWorlds.STARTED_TOPIC, Map.of("episode.id", "ep-43")));
        List<SimWorld.Run> runs = world.runs();
        assertEquals(before + 2, runs.size());
        SimWorld.Run a = runs.get(runs.size() - 2);
        SimWorld.Run b = runs.get(runs.size() - 1);
        assertEquals(42L, a.trial().truth().seed());
        assertEquals("ep-42", a.trial().truth().episodeId());
        assertEquals(SimWorlds.seedOf("ep-43"), b.trial().truth().seed());
        assertEquals(TrialPlanner.plan(SimWorlds.seedOf("ep-43"), "ep-43", world.model(), world.home())
                .truth().toJson(), b.trial().truth().toJson());
        assertTrue(b.startNanos() >= a.endNanos(), "the second trial waits for the first to end");
    }

    private static Map<String, StreamSpec> byName(List<StreamSpec> specs) {
        Map<String, StreamSpec> m = new java.util.LinkedHashMap<>();
        specs.forEach(s -> m.put(s.name(), s));
        return m;
    }
}
