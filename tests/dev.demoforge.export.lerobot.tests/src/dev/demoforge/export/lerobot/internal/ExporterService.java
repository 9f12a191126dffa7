package dev.demoforge.export.lerobot.internal;

import dev.demoforge.export.api.DatasetExporter;
import dev.demoforge.test.support.export.ExporterServices;

/** The LeRobot exporters as the workbench finds them: DS services, by format id. */
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
        return ExporterServices.byFormat(LeRobotExporter.class, formatId);
    }
}
