package dev.demoforge.teleop.internal;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.function.Predicate;

import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/** Waits for a real service of the test runtime. */
final class OsgiServices {

    private OsgiServices() {
    }

    static <T> T get(Class<T> type) throws InterruptedException {
        return get(type, s -> true);
    }

    static <T> T get(Class<T> type, Predicate<T> which) throws InterruptedException {
        BundleContext context = FrameworkUtil.getBundle(OsgiServices.class).getBundleContext();
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context, type, null);
        tracker.open();
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (System.nanoTime() < deadline) {
            for (T s : tracker.getTracked().values()) {
                if (which.test(s)) {
                    return s;
                }
            }
            Thread.sleep(50);
        }
        assertNotNull(null, "No matching " + type.getSimpleName() + " within 15 s");
        return null;
    }
}
