package dev.demoforge.export.mcap.internal;

import dev.demoforge.export.api.DatasetExporter;
import dev.demoforge.test.support.export.ExporterServices;

/** The MCAP exporter as the workbench and the CLI find it: a DS service, by format id. */
final class ExporterService {

    private ExporterService() {
    }

    static DatasetExporter mcap() throws Exception {
        return ExporterServices.byFormat(McapExporter.class, McapExporter.FORMAT_ID);
    }
}
