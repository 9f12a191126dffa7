package dev.demoforge.test.support.export;

import static org.junit.jupiter.api.Assertions.fail;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

import dev.demoforge.export.api.DatasetExporter;

/**
 * Finds an exporter the way the workbench and the CLI do: as a Declarative Services {@link DatasetExporter}
 * service, by format id. Blocks the calling thread (polling every 50 ms) for at most 10 s; thread-safe.
 */
public final class ExporterServices {

    private static final long WAIT_NANOS = 10_000_000_000L;

    private ExporterServices() {
    }

    /**
     * The {@link DatasetExporter} service whose {@code formatId()} is {@code formatId}, looked up from the bundle of
     * {@code classOfExporterBundle} (started first if it is not active); fails the test after 10 s without one.
     */
    public static DatasetExporter byFormat(Class<?> classOfExporterBundle, String formatId)
            throws BundleException, InterruptedException {
        Bundle bundle = FrameworkUtil.getBundle(classOfExporterBundle);
        if (bundle == null) {
            return fail(classOfExporterBundle.getName() + " is not loaded by an OSGi bundle (run the test in Equinox)");
        }
        if (bundle.getState() != Bundle.ACTIVE) {
            bundle.start();
        }
        ServiceTracker<DatasetExporter, DatasetExporter> t = new ServiceTracker<>(bundle.getBundleContext(),
                DatasetExporter.class, null);
        t.open();
        try {
            long deadline = System.nanoTime() + WAIT_NANOS;
            while (System.nanoTime() < deadline) {
                Object[] services = t.getServices();
                if (services != null) {
                    for (Object s : services) {
                        if (s instanceof DatasetExporter e && e.formatId().equals(formatId)) {
                            return e;
                        }
                    }
                }
                Thread.sleep(50);
            }
            return fail("no DatasetExporter service with formatId '" + formatId + "' within 10 s (is SCR running?)");
        } finally {
            t.close();
        }
    }
}
