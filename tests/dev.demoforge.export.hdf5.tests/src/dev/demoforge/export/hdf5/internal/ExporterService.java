package dev.demoforge.export.hdf5.internal;

import dev.demoforge.export.api.DatasetExporter;
import dev.demoforge.test.support.export.ExporterServices;

/** The HDF5 exporters as the workbench and the CLI find them: DS services, by format id. */
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
        return ExporterServices.byFormat(AlohaExporter.class, formatId);
    }
}
