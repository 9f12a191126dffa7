package dev.demoforge.device.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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
import dev.demoforge.device.api.Sample;
import dev.demoforge.device.api.StationConfig;
import dev.demoforge.device.api.StationManager;
import dev.demoforge.device.api.StreamKind;
import dev.demoforge.device.api.StreamSpec;
import dev.demoforge.device.api.VectorSample;

/** Runs the real StationManager component in Equinox with drivers that behave well and badly. */
class StationManagerGuardTest {

    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();
    private StationManager manager;

    @BeforeEach
    void setUp() throws InterruptedException {
        BundleContext context = FrameworkUtil.getBundle(StationManagerImpl.class).getBundleContext();
        register(context, "test.ticker", Behaviour.TICK);
        register(context, "test.throws", Behaviour.THROW_ON_START);
        register(context, "test.blocks", Behaviour.BLOCK_ON_START);
        register(context, "test.badcreate", Behaviour.THROW_ON_CREATE);
        ServiceTracker<StationManager, StationManager> tracker = new ServiceTracker<>(context, StationManager.class, null);
        tracker.open();
        manager = tracker.waitForService(5000);
        assertTrue(manager != null, "StationManager component is not active");
    }

    @AfterEach
    void tearDown() {
        registrations.forEach(ServiceRegistration::unregister);
    }

    @Test
    void failingDriversAreIsolatedAndTheOthersKeepPublishing() throws Exception {
        StationConfig station = new StationConfig("guard-test", "test", List.of(
                new DeviceConfig("good", "test.ticker", Map.of()),
                new DeviceConfig("thrower", "test.throws", Map.of()),
                new DeviceConfig("blocker", "test.blocks", Map.of()),
                new DeviceConfig("badconfig", "test.badcreate", Map.of()),
                new DeviceConfig("missing", "no.such.driver", Map.of())));
        AtomicLong delivered = new AtomicLong();
        long before = System.nanoTime();
        try (ConnectedStation connected = manager.connect(station)) {
            connected.addSink((device, spec, sample) -> {
                if (device.equals("good")) {
                    delivered.incrementAndGet();
                }
            });
            assertTrue(System.nanoTime() - before < 6_000_000_000L, "connect must not hang on a blocking driver");
            Thread.sleep(1500);
            DeviceHandle good = connected.device("good").orElseThrow();
            assertEquals(DeviceStatus.State.ONLINE, good.status().state());
            assertTrue(delivered.get() > 50, "healthy device delivered " + delivered.get());
            double rate = good.stats("value").rateHz();
            assertTrue(rate > 20 && rate < 150, "the ~100 Hz ticker's measured rate was " + rate);

            assertFailed(connected, "thrower", "start of thrower failed: IllegalStateException: port gone");
            assertFailed(connected, "blocker", "start of blocker did not return within 2000 ms");
            assertFailed(connected, "badconfig", "IllegalArgumentException: property 'port' is missing");
            DeviceHandle missing = connected.device("missing").orElseThrow();
            assertEquals(DeviceStatus.State.OFFLINE, missing.status().state());
            assertTrue(missing.status().reason().contains("no driver 'no.such.driver'"), missing.status().reason());
        }
    }

    @Test
    void samplesOfUndeclaredStreamsAreCountedNotDelivered() throws Exception {
        StationConfig station = new StationConfig("s", "test", List.of(new DeviceConfig("good", "test.ticker", Map.of())));
        try (ConnectedStation connected = manager.connect(station)) {
            DeviceHandle good = connected.device("good").orElseThrow();
            ((DeviceContext) good).publish("nope", new VectorSample(1, Sample.NO_DEVICE_TIME, null, new double[1]));
            assertEquals(1, good.guardFailures());
        }
    }

    private static void assertFailed(ConnectedStation station, String deviceId, String reasonPart) {
        DeviceStatus status = station.device(deviceId).orElseThrow().status();
        assertEquals(DeviceStatus.State.FAILED, status.state(), deviceId + ": " + status);
        assertTrue(status.reason().contains(reasonPart), deviceId + ": " + status.reason());
    }

    private void register(BundleContext context, String id, Behaviour behaviour) {
        Hashtable<String, Object> props = new Hashtable<>();
        registrations.add(context.registerService(DeviceDriverFactory.class, new TestFactory(id, behaviour), props));
    }

    private enum Behaviour { TICK, THROW_ON_START, BLOCK_ON_START, THROW_ON_CREATE }

    private record TestFactory(String driverId, Behaviour behaviour) implements DeviceDriverFactory {
        @Override
        public String label() {
            return driverId;
        }

        @Override
        public DeviceDriver create(DeviceConfig config) {
            if (behaviour == Behaviour.THROW_ON_CREATE) {
                throw new IllegalArgumentException("property 'port' is missing");
            }
            return new TestDriver(behaviour);
        }
    }

    private static final class TestDriver implements DeviceDriver {
        private final Behaviour behaviour;
        private volatile Thread thread;

        TestDriver(Behaviour behaviour) {
            this.behaviour = behaviour;
        }

        @Override
        public List<StreamSpec> streams() {
            return List.of(StreamSpec.vector("value", StreamKind.JOINT_STATE, "rad", 100, List.of("q")));
        }

        @Override
        public void start(DeviceContext context) throws Exception {
            switch (behaviour) {
                case THROW_ON_START -> throw new IllegalStateException("port gone");
                case BLOCK_ON_START -> Thread.sleep(60_000);
                default -> {
                    thread = new Thread(() -> {
                        while (!Thread.currentThread().isInterrupted()) {
                            context.publish("value", new VectorSample(context.hostNanos(), Sample.NO_DEVICE_TIME,
                                    null, new double[] {1}));
                            try {
                                Thread.sleep(10);
                            } catch (InterruptedException e) {
                                return;
                            }
                        }
                    }, "test-ticker");
                    thread.start();
                }
            }
        }

        @Override
        public void stop() throws Exception {
            if (thread != null) {
                thread.interrupt();
                thread.join(1000);
            }
        }
    }
}
