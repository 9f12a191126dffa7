package dev.demoforge.driver.sim.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.demoforge.device.api.DeviceConfig;
import dev.demoforge.device.api.DeviceDriverFactory;
import dev.demoforge.device.api.EventSample;
import dev.demoforge.device.api.StationProvider;

/** The whole station for ten seconds with a trial running: CPU cost, periodic clock truth, the trial's events. */
class StationLoadTest {

    @Test
    void stationRunsTenSecondsOnAFractionOfOneCoreAndReportsTheWholeTrial() throws Exception {
        Map<String, DeviceDriverFactory> factories = Services.factories();
        Map<String, SimDevice> drivers = new LinkedHashMap<>();
        Map<String, Collector> got = new LinkedHashMap<>();
        for (DeviceConfig device : Services.one(StationProvider.class).station().devices()) {
            DeviceConfig cfg = Services.inWorld(device, "load");
            SimDevice d = (SimDevice) factories.get(device.driverId()).create(cfg);
            Collector c = new Collector(cfg, false);
            d.tap(c);
            drivers.put(device.deviceId(), d);
            got.put(device.deviceId(), c);
        }
        SimWorld world = Services.one(SimWorlds.class).world("load");
        long seed = 0;
        while (TrialPlanner.plan(seed, null, world.model(), world.home()).duration() > 8.5) {
            seed++;
        }
        SimWorld.Run run = world.beginTrial(seed, "load-episode");
        drivers.forEach((id, d) -> d.start(got.get(id)));
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Thread.sleep(200);
        List<Thread> threads = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("demoforge-sim-")).toList();
        List<Long> cpu0 = new ArrayList<>();
        threads.forEach(t -> cpu0.add(mx.getThreadCpuTime(t.threadId())));
        long wall0 = System.nanoTime();
        Thread.sleep(10_000);
        long cpu = 0;
        for (int i = 0; i < threads.size(); i++) {
            long now = mx.getThreadCpuTime(threads.get(i).threadId());
            cpu += now - cpu0.get(i);
        }
        double percent = 100.0 * cpu / (System.nanoTime() - wall0);
        for (SimDevice d : drivers.values()) {
            d.stop();
        }
        System.out.printf("Sim station (%d device threads): %.1f %% of one core over 10 s%n", threads.size(), percent);
        System.out.printf("Mean render: scene %.3f ms, wrist %.3f ms per frame%n",
                ((CameraDriver) drivers.get("cam_scene")).meanRenderMillis(),
                ((CameraDriver) drivers.get("cam_wrist")).meanRenderMillis());
        assertEquals(5, threads.size());
        assertTrue(percent < 60, percent + " % of a core");
        for (Map.Entry<String, Collector> e : got.entrySet()) {
            int truths = e.getValue().count(SimDevice.CLOCK_TRUTH);
            assertTrue(truths >= 3, e.getKey() + ": clock_truth " + truths + " times in 10.2 s");
            assertEquals(0, drivers.get(e.getKey()).skipped(), e.getKey() + " fell behind");
        }
        List<String> events = new ArrayList<>();
        long lastDevice = Long.MIN_VALUE;
        for (Collector.Got g : got.get("arm").got("truth")) {
            String json = ((EventSample) g.sample()).text();
            String type = JsonText.text(json, "type");
            events.add(type.equals("phase") ? JsonText.text(json, "phase") : type);
            assertTrue(g.deviceNanos() >= lastDevice, "truth device times ordered");
            lastDevice = g.deviceNanos();
        }
        assertEquals(ArmDriver.truthSequence(run.trial().truth()), events);
        assertEquals(List.of("trial", "reach", "grasp", "lift", "place", "release", "home", "end"), events);
    }
}
