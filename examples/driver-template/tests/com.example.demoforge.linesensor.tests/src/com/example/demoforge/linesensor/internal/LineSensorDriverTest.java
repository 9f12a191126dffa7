package com.example.demoforge.linesensor.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;

import dev.demoforge.device.api.DeviceConfig;
import dev.demoforge.device.api.DeviceDriverFactory;
import dev.demoforge.device.api.DeviceStatus.State;
import dev.demoforge.device.api.VectorSample;
import dev.demoforge.test.support.CollectingDeviceContext;

class LineSensorDriverTest {

    @Test
    void theFactoryIsRegisteredAsAnOsgiServiceByDeclarativeServices() throws Exception {
        BundleContext bc = FrameworkUtil.getBundle(LineSensorDriver.class).getBundleContext();
        long deadline = System.nanoTime() + 5_000_000_000L;
        boolean found = false;
        while (!found && System.nanoTime() < deadline) {
            for (ServiceReference<DeviceDriverFactory> ref : bc.getServiceReferences(DeviceDriverFactory.class, null)) {
                found |= "example.linesensor".equals(bc.getService(ref).driverId());
            }
            Thread.sleep(20);
        }
        assertTrue(found, "no DeviceDriverFactory service with id example.linesensor");
    }

    @Test
    void malformedLinesAreCountedAndSkippedWhileGoodOnesArePublishedWithDeviceTime() throws Exception {
        try (SensorEmulator emulator = new SensorEmulator(100)) {
            emulator.injectLine("garbage 1 2");
            DeviceConfig cfg = new DeviceConfig("ft", "example.linesensor", Map.of("port",
                    Integer.toString(emulator.port())));
            LineSensorDriver driver = new LineSensorDriver(cfg);
            CollectingDeviceContext ctx = new CollectingDeviceContext(cfg);
            driver.start(ctx);
            ctx.awaitState(State.ONLINE, Duration.ofSeconds(5));
            ctx.awaitSamples(LineSensorDriver.STREAM, 50, Duration.ofSeconds(5));
            driver.stop();
            assertEquals(1, driver.malformedLines());
            VectorSample s = (VectorSample) ctx.samples(LineSensorDriver.STREAM).get(10).sample();
            assertEquals(6, s.values().length);
            assertEquals(9.81, s.values()[2], 1e-9);
            assertEquals("ft.clock", s.clockId());
        }
    }
}
