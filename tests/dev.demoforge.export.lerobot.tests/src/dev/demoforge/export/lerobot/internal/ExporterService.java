package dev.demoforge.export.lerobot.internal;

import static org.junit.jupiter.api.Assertions.fail;

import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

import dev.demoforge.export.api.DatasetExporter;

/** Finds the LeRobot exporters the way the workbench does: as DS services. */
final class ExporterService {

    private ExporterService() {
    }

    static DatasetExporter lerobot() throws Exception {
        return byId(LeRobotExporter.FORMAT_ID);
    }

    static DatasetExporter lerobotV21() throws Exception {
        return byId(LeRobotV21Exporter.FORMAT_ID);
    }

    static DatasetExporter byId(String formatId) throws Exception {
        Bundle bundle = FrameworkUtil.getBundle(LeRobotExporter.class);
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
