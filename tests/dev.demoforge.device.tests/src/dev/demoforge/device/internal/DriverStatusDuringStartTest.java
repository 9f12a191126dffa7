package dev.demoforge.device.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Hashtable;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.osgi.util.tracker.ServiceTracker;

import dev.demoforge.device.api.ConnectedStation;
import dev.demoforge.device.api.DeviceConfig;
import dev.demoforge.device.api.DeviceContext;
import dev.demoforge.device.api.DeviceDriver;
import dev.demoforge.device.api.DeviceDriverFactory;
import dev.demoforge.device.api.DeviceHandle;
import dev.demoforge.device.api.DeviceStatus;
import dev.demoforge.device.api.StationConfig;
import dev.demoforge.device.api.StationManager;
import dev.demoforge.device.api.StreamKind;
import dev.demoforge.device.api.StreamSpec;

/**
 * A driver that connects on a thread of its own reports its status itself: the status it gave during start is
 * kept (not replaced by ONLINE when start returns), and a later ONLINE from its thread shows.
 */
class DriverStatusDuringStartTest {

    @Test
    void statusReportedDuringStartIsKeptAndLaterChangesShow() throws Exception {
        BundleContext ctx = FrameworkUtil.getBundle(StationManagerImpl.class).getBundleContext();
        ServiceRegistration<DeviceDriverFactory> reg = ctx.registerService(DeviceDriverFactory.class,
                new AsyncFactory(), new Hashtable<>());
        ServiceTracker<StationManager, StationManager> tracker = new ServiceTracker<>(ctx, StationManager.class, null);
        tracker.open();
        try {
            StationManager manager = tracker.waitForService(5000);
            StationConfig station = new StationConfig("async", "test", List.of(
                    new DeviceConfig("absent", "test.async", Map.of("port", "missing")),
                    new DeviceConfig("slow", "test.async", Map.of("port", "present"))));
            try (ConnectedStation connected = manager.connect(station)) {
                DeviceHandle absent = connected.device("absent").orElseThrow();
                DeviceHandle slow = connected.device("slow").orElseThrow();
                assertEquals(DeviceStatus.offline("port missing not found"), absent.status());
                assertEquals(DeviceStatus.State.CONNECTING, slow.status().state(), slow.status().toString());
                long deadline = System.nanoTime() + 3_000_000_000L;
                while (slow.status().state() != DeviceStatus.State.ONLINE && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
                assertEquals(DeviceStatus.online(), slow.status());
                assertTrue(absent.status().state() == DeviceStatus.State.OFFLINE, absent.status().toString());
            }
        } finally {
            tracker.close();
            reg.unregister();
        }
    }

    /** Reports "not found" for port=missing; otherwise CONNECTING at once and ONLINE a second later from a thread. */
    private static final class AsyncFactory implements DeviceDriverFactory {
        @Override
        public String driverId() {
            return "test.async";
        }

        @Override
        public String label() {
            return "asynchronous test driver";
        }

        @Override
        public DeviceDriver create(DeviceConfig config) {
            return new DeviceDriver() {
                private Thread thread;

                @Override
                public List<StreamSpec> streams() {
                    return List.of(StreamSpec.vector("v", StreamKind.JOINT_STATE, "rad", 10, List.of("a.pos")));
                }

                @Override
                public void start(DeviceContext context) {
                    String port = config.property("port", "");
                    if (port.equals("missing")) {
                        context.status(DeviceStatus.offline("port missing not found"));
                        return;
                    }
                    context.status(new DeviceStatus(DeviceStatus.State.CONNECTING, "opening " + port));
                    thread = new Thread(() -> {
                        try {
                            Thread.sleep(1000);
                            context.status(DeviceStatus.online());
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    });
                    thread.setDaemon(true);
                    thread.start();
                }

                @Override
                public void stop() throws InterruptedException {
                    if (thread != null) {
                        thread.interrupt();
                        thread.join(1000);
                    }
                }
            };
        }
    }
}
