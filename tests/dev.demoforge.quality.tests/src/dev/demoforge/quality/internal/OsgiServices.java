package dev.demoforge.quality.internal;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/** Waits for a real service of the test runtime. */
final class OsgiServices {

    private OsgiServices() {
    }

    static <T> T get(Class<T> type) throws InterruptedException {
        BundleContext context = FrameworkUtil.getBundle(OsgiServices.class).getBundleContext();
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context, type, null);
        tracker.open();
        T service = tracker.waitForService(10_000);
        assertNotNull(service, type.getSimpleName() + " is not registered");
        return service;
    }
}
