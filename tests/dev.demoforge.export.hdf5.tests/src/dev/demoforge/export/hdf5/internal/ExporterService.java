package dev.demoforge.export.hdf5.internal;

import static org.junit.jupiter.api.Assertions.fail;

import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

import dev.demoforge.export.api.DatasetExporter;

/** Finds an exporter the way the workbench and the CLI do: as a DS service, by format id. */
final class ExporterService {

    private ExporterService() {
    }

    static DatasetExporter aloha() throws Exception {
        return byFormat(AlohaExporter.FORMAT_ID);
    }

    static DatasetExporter robomimic() throws Exception {
        return byFormat(RobomimicExporter.FORMAT_ID);
    }

    static DatasetExporter byFormat(String formatId) throws Exception {
        Bundle bundle = FrameworkUtil.getBundle(AlohaExporter.class);
        if (bundle.getState() != Bundle.ACTIVE) {
            bundle.start();
        }
        ServiceTracker<DatasetExporter, DatasetExporter> t = new ServiceTracker<>(bundle.getBundleContext(),
                DatasetExporter.class, null);
        t.open();
        try {
            long deadline = System.nanoTime() + 10_000_000_000L;
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
