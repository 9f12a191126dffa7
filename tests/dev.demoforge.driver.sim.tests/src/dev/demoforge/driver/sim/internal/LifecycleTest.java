package dev.demoforge.driver.sim.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.demoforge.device.api.DeviceConfig;
import dev.demoforge.device.api.DeviceDriverFactory;
import dev.demoforge.device.api.DeviceStatus;
import dev.demoforge.device.api.StationProvider;

class LifecycleTest {

    private static final String PREFIX = "demoforge-sim-";

    @Test
    void startReturnsFastReportsOnlineAndStopIsIdempotentAndReleasesThreads() throws Exception {
        Map<String, DeviceDriverFactory> factories = Services.factories();
        long before = simThreads();
        List<SimDevice> drivers = new ArrayList<>();
        List<Collector> collectors = new ArrayList<>();
        for (DeviceConfig device : Services.one(StationProvider.class).station().devices()) {
            DeviceConfig cfg = Services.inWorld(device, "lifecycle");
            SimDevice d = (SimDevice) factories.get(device.driverId()).create(cfg);
            d.stop();
            Collector c = new Collector(cfg, false);
            long t0 = System.nanoTime();
            d.start(c);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(ms < 100, device.deviceId() + " start took " + ms + " ms");
            d.start(c);
            assertEquals(List.of(DeviceStatus.online()), c.statuses, device.deviceId());
            drivers.add(d);
            collectors.add(c);
        }
        assertEquals(before + drivers.size(), simThreads(), "one thread per device");
        Thread.sleep(300);
        for (int i = 0; i < drivers.size(); i++) {
            long t0 = System.nanoTime();
            drivers.get(i).stop();
            drivers.get(i).stop();
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(ms < 2_000, "stop took " + ms + " ms");
            List<DeviceStatus> st = collectors.get(i).statuses;
            assertEquals(2, st.size(), st.toString());
            assertEquals(DeviceStatus.State.OFFLINE, st.get(1).state(), st.toString());
        }
        assertEquals(before, simThreads(), "threads left behind");
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < drivers.size(); i++) {
            Collector c = collectors.get(i);
            c.streams.keySet().forEach(s -> counts.put(c.config().deviceId() + "/" + s, c.count(s)));
        }
        Thread.sleep(100);
        for (int i = 0; i < drivers.size(); i++) {
            Collector c = collectors.get(i);
            for (String s : c.streams.keySet()) {
                assertEquals(counts.get(c.config().deviceId() + "/" + s), c.count(s), "published after stop: " + s);
            }
        }
    }

    @Test
    void restartedDriverPublishesAgain() throws Exception {
        SimWorlds worlds = new SimWorlds();
        SimDevice arm = new ArmDriver(new DeviceConfig("arm", "sim.arm", Map.of()), worlds.world("restart"));
        Collector first = new Collector(arm.config, false);
        arm.start(first);
        Thread.sleep(100);
        arm.stop();
        Collector second = new Collector(arm.config, false);
        arm.start(second);
        Thread.sleep(100);
        arm.stop();
        assertTrue(first.count("joints") > 5 && second.count("joints") > 5,
                first.count("joints") + " then " + second.count("joints"));
    }

    @Test
    void unusablePropertiesAreNamed() {
        SimWorlds worlds = new SimWorlds();
        SimCameraFactory cameras = new SimCameraFactory(worlds);
        assertMessage(() -> cameras.create(new DeviceConfig("c", "sim.camera", Map.of("view", "fisheye"))),
                "view", "fisheye");
        assertMessage(() -> cameras.create(new DeviceConfig("c", "sim.camera", Map.of("fps", "fast"))),
                "fps", "fast");
        assertMessage(() -> cameras.create(new DeviceConfig("c", "sim.camera", Map.of("fps", "0"))), "fps", "0");
        SimArmFactory arms = new SimArmFactory(worlds);
        assertMessage(() -> arms.create(new DeviceConfig("a", "sim.arm", Map.of("clock.drift_ppm", "x"))),
                "clock.drift_ppm", "'x'");
        assertMessage(() -> arms.create(new DeviceConfig("a", "sim.arm", Map.of("clock.offset_ns", "1.5"))),
                "clock.offset_ns", "1.5");
    }

    @Test
    void clockPropertiesOverrideTheDrawnClock() {
        SimWorlds worlds = new SimWorlds();
        SimDevice ft = (SimDevice) new SimFtFactory(worlds).create(new DeviceConfig("ft", "sim.ft",
                Map.of("clock.offset_ns", "-123456789", "clock.drift_ppm", "12.5", "clock.id", "ft.clock")));
        assertEquals(-123456789L, ft.clock().offsetNs());
        assertEquals(12.5, ft.clock().driftPpm());
        assertEquals("ft.clock", ft.clock().clockId());
        long t = ft.clock().refHostNs() + 8_000_000_000L;
        assertEquals(t - 123456789L + 100_000L, ft.clock().deviceNanos(t));
    }

    private static void assertMessage(org.junit.jupiter.api.function.Executable e, String... parts) {
        IllegalArgumentException x = assertThrows(IllegalArgumentException.class, e);
        for (String p : parts) {
            assertTrue(x.getMessage().contains(p), x.getMessage() + " should name " + p);
        }
    }

    private static long simThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith(PREFIX)).count();
    }
}
