package dev.demoforge.export.rlds.internal;

import dev.demoforge.export.api.DatasetExporter;
import dev.demoforge.test.support.export.ExporterServices;

/** The RLDS exporter as the workbench and the CLI find it: a DS service, by format id. */
final class ExporterService {

    private ExporterService() {
    }

    static DatasetExporter rlds() throws Exception {
        return ExporterServices.byFormat(RldsExporter.class, RldsExporter.FORMAT_ID);
    }
}
