package dev.demoforge.export.mcap.internal;

import static org.junit.jupiter.api.Assertions.fail;

import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

import dev.demoforge.export.api.DatasetExporter;

/** Finds the exporter the way the workbench and the CLI do: as a DS service, by format id. */
final class ExporterService {

    private ExporterService() {
    }

    static DatasetExporter mcap() throws Exception {
        Bundle bundle = FrameworkUtil.getBundle(McapExporter.class);
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
                        if (s instanceof DatasetExporter e && e.formatId().equals(McapExporter.FORMAT_ID)) {
                            return e;
                        }
                    }
                }
                Thread.sleep(50);
            }
            return fail("no DatasetExporter service with formatId 'mcap' within 10 s (is SCR running?)");
        } finally {
            t.close();
        }
    }
}
