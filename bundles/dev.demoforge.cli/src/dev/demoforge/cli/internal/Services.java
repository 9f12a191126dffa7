package dev.demoforge.cli.internal;

import java.util.List;

import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/** Looks up OSGi services for the command line, waiting a bounded time for DS components to come up. */
final class Services implements AutoCloseable {

    private static final long WAIT_MILLIS = 15_000;

    private final BundleContext context = FrameworkUtil.getBundle(Services.class).getBundleContext();
    private final List<ServiceTracker<?, ?>> trackers = new java.util.ArrayList<>();

    <T> T get(Class<T> type) {
        ServiceTracker<T, T> tracker = track(type);
        try {
            T service = tracker.waitForService(WAIT_MILLIS);
            if (service == null) {
                throw new IllegalStateException("Service " + type.getSimpleName() + " is not available (is its bundle "
                        + "installed and started?)");
            }
            return service;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for " + type.getSimpleName(), e);
        }
    }

    /** Every registered service of a type (after the first one appeared). */
    <T> List<T> all(Class<T> type) {
        get(type);
        ServiceTracker<T, T> tracker = track(type);
        return tracker.getTracked().values().stream().toList();
    }

    private <T> ServiceTracker<T, T> track(Class<T> type) {
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context, type, null);
        tracker.open();
        trackers.add(tracker);
        return tracker;
    }

    @Override
    public void close() {
        trackers.forEach(ServiceTracker::close);
    }
}
