package dev.demoforge.driver.sim.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;

import dev.demoforge.device.api.DeviceConfig;
import dev.demoforge.device.api.DeviceDriverFactory;

/** Looks up the bundle's live DS services, waiting up to five seconds for SCR to register them. */
final class Services {

    private Services() {
    }

    static BundleContext context() {
        BundleContext ctx = FrameworkUtil.getBundle(SimWorlds.class).getBundleContext();
        if (ctx == null) {
            throw new AssertionError("Bundle dev.demoforge.driver.sim is not started");
        }
        return ctx;
    }

    static <T> List<T> all(Class<T> type) throws Exception {
        BundleContext ctx = context();
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (true) {
            List<T> found = new ArrayList<>();
            for (ServiceReference<T> ref : ctx.getServiceReferences(type, null)) {
                T s = ctx.getService(ref);
                if (s != null) {
                    found.add(s);
                }
            }
            if (!found.isEmpty() || System.nanoTime() > deadline) {
                return found;
            }
            Thread.sleep(20);
        }
    }

    static <T> T one(Class<T> type) throws Exception {
        List<T> all = all(type);
        if (all.isEmpty()) {
            throw new AssertionError("No " + type.getSimpleName() + " service registered");
        }
        return all.get(0);
    }

    static Map<String, DeviceDriverFactory> factories() throws Exception {
        Map<String, DeviceDriverFactory> byId = new HashMap<>();
        for (DeviceDriverFactory f : all(DeviceDriverFactory.class)) {
            byId.put(f.driverId(), f);
        }
        return byId;
    }

    /** The same device placed in another world, so that tests do not share one. */
    static DeviceConfig inWorld(DeviceConfig device, String world) {
        Map<String, String> props = new HashMap<>(device.properties());
        props.put("world", world);
        return new DeviceConfig(device.deviceId(), device.driverId(), props);
    }
}
