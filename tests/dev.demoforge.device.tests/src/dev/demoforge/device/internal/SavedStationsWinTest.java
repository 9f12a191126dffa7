package dev.demoforge.device.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.osgi.util.tracker.ServiceTracker;

import dev.demoforge.device.api.ConnectedStation;
import dev.demoforge.device.api.DeviceConfig;
import dev.demoforge.device.api.SavedStationSource;
import dev.demoforge.device.api.StationConfig;
import dev.demoforge.device.api.StationManager;

/**
 * A saved copy of the real simulated station, offered through the {@link SavedStationSource} SPI, is what the real
 * station manager lists, returns and connects; the built-in original stays reachable; a source that cannot read
 * its stations is an error naming why, not a silent fall-back to the original.
 */
class SavedStationsWinTest {

    @Test
    void aSavedCopyWinsOverTheBuiltInStationAndIsWhatConnects() throws Exception {
        BundleContext context = FrameworkUtil.getBundle(StationManagerImpl.class).getBundleContext();
        StationManager manager = manager(context);
        StationConfig builtIn = waitForSim(manager);
        List<DeviceConfig> devices = new ArrayList<>(builtIn.devices());
        devices.removeIf(d -> d.deviceId().equals("cam_wrist"));
        Map<String, String> arm = new HashMap<>(builtIn.device("arm").orElseThrow().properties());
        arm.put("rate_hz", "1000");
        devices.replaceAll(d -> d.deviceId().equals("arm") ? new DeviceConfig("arm", d.driverId(), arm) : d);
        StationConfig copy = new StationConfig("sim", builtIn.robotType(), devices);
        StationConfig own = new StationConfig("bench-2", "demoforge_sim_arm", List.of(builtIn.device("arm")
                .orElseThrow()));

        ServiceRegistration<SavedStationSource> reg = register(context, () -> List.of(copy, own), 10);
        try {
            assertEquals(copy, manager.station("sim").orElseThrow(), "the saved copy wins");
            assertEquals(builtIn, manager.builtIn("sim").orElseThrow(), "the built-in original stays reachable");
            List<StationConfig> listed = manager.stations();
            assertEquals(List.of("bench-2", "sim", "sim-teleop"), listed.stream().map(StationConfig::id).toList(),
                    "each id once, sorted, saved-only stations included");
            assertEquals(copy, listed.get(1));
            assertTrue(manager.builtIn("bench-2").isEmpty());
            assertEquals(List.of("device arm: rate_hz set to 1000", "device cam_wrist removed (sim.camera)"),
                    copy.differencesFrom(builtIn));
            try (ConnectedStation station = manager.connect(manager.station("sim").orElseThrow())) {
                assertTrue(station.device("cam_wrist").isEmpty(), "the removed camera is not connected");
                Thread.sleep(500);
                long joints = station.device("arm").orElseThrow().stats("joints").samples();
                assertTrue(joints > 300, "the arm runs at the saved 1 kHz, not the built-in 200 Hz: " + joints
                        + " joint samples in 0.5 s");
            }
        } finally {
            reg.unregister();
        }
        assertEquals(builtIn, manager.station("sim").orElseThrow(), "without saved stations the built-in is back");
    }

    @Test
    void anUnreadableSourceIsAnErrorNamingItsCause() throws Exception {
        BundleContext context = FrameworkUtil.getBundle(StationManagerImpl.class).getBundleContext();
        StationManager manager = manager(context);
        waitForSim(manager);
        ServiceRegistration<SavedStationSource> reg = register(context, () -> {
            throw new IllegalStateException("catalog file locked by another process");
        }, 10);
        try {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> manager.station("sim"));
            assertTrue(e.getMessage().contains("saved stations") && e.getMessage().contains("locked"),
                    e.getMessage());
            assertEquals("sim", manager.builtIn("sim").orElseThrow().id(), "built-in stations still listed");
        } finally {
            reg.unregister();
        }
    }

    private static ServiceRegistration<SavedStationSource> register(BundleContext context,
            Supplier<List<StationConfig>> stations, int ranking) {
        Dictionary<String, Object> props = new Hashtable<>();
        props.put(Constants.SERVICE_RANKING, ranking);
        return context.registerService(SavedStationSource.class, stations::get, props);
    }

    private static StationManager manager(BundleContext context) throws InterruptedException {
        ServiceTracker<StationManager, StationManager> tracker = new ServiceTracker<>(context, StationManager.class,
                null);
        tracker.open();
        StationManager manager = tracker.waitForService(5000);
        assertNotNull(manager, "StationManager component is not active");
        return manager;
    }

    private static StationConfig waitForSim(StationManager manager) throws InterruptedException {
        for (int i = 0; i < 50; i++) {
            var sim = manager.builtIn("sim");
            if (sim.isPresent()) {
                return sim.get();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the simulated station is not provided: " + manager.stations());
    }
}
