package dev.demoforge.device.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

import dev.demoforge.device.api.ConnectedStation;
import dev.demoforge.device.api.DeviceHandle;
import dev.demoforge.device.api.DeviceStatus;
import dev.demoforge.device.api.StationConfig;
import dev.demoforge.device.api.StationManager;

/** One device of the real simulated station is disconnected and reconnected while the others go on. */
class PerDeviceConnectTest {

    @Test
    void aDisconnectedDeviceStopsPublishingAndComesBackOnReconnectWhileTheOthersGoOn() throws Exception {
        BundleContext context = FrameworkUtil.getBundle(StationManagerImpl.class).getBundleContext();
        ServiceTracker<StationManager, StationManager> tracker = new ServiceTracker<>(context, StationManager.class,
                null);
        tracker.open();
        StationManager manager = tracker.waitForService(5000);
        assertNotNull(manager, "StationManager component is not active");
        StationConfig sim = waitForSim(manager);
        try (ConnectedStation station = manager.connect(sim)) {
            DeviceHandle ft = station.device("ft").orElseThrow();
            DeviceHandle arm = station.device("arm").orElseThrow();
            Thread.sleep(300);
            station.disconnect("ft");
            assertEquals(DeviceStatus.State.OFFLINE, ft.status().state(), ft.status().toString());
            long ftSamples = ft.stats("wrench").samples();
            long armSamples = arm.stats("joints").samples();
            Thread.sleep(400);
            assertEquals(ftSamples, ft.stats("wrench").samples(), "a disconnected device must not publish");
            assertTrue(arm.stats("joints").samples() > armSamples + 20, "the other devices go on");
            station.reconnect("ft");
            assertEquals(DeviceStatus.State.ONLINE, ft.status().state(), ft.status().toString());
            Thread.sleep(400);
            assertTrue(ft.stats("wrench").samples() > ftSamples + 100, "reconnected device publishes again (1 kHz)");
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> station.disconnect("gripper9"));
            assertTrue(e.getMessage().contains("gripper9"), e.getMessage());
        }
    }

    private static StationConfig waitForSim(StationManager manager) throws InterruptedException {
        for (int i = 0; i < 50; i++) {
            var sim = manager.station("sim");
            if (sim.isPresent()) {
                return sim.get();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the simulated station is not provided: " + manager.stations());
    }
}
