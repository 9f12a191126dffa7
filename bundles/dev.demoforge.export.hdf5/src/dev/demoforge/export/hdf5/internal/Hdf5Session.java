package dev.demoforge.export.hdf5.internal;

import java.nio.file.Path;

import dev.demoforge.export.api.DatasetSpec;
import dev.demoforge.export.support.StagedExportSession;

/**
 * What both HDF5 sessions share beyond {@link StagedExportSession}'s lifecycle: the spec, how its features map onto
 * the HDF5 layouts, and the staging directory. A subclass's {@link #complete} reports one unit of work. One thread.
 */
abstract class Hdf5Session extends StagedExportSession {

    protected final Path staging;
    protected final DatasetSpec spec;
    protected final Mapping mapping;
    private final String format;

    Hdf5Session(String format, Path outputDir, Path staging, DatasetSpec spec) {
        super(format, outputDir, staging);
        this.format = format;
        this.staging = staging;
        this.spec = spec;
        this.mapping = Mapping.of(spec);
    }

    @Override
    protected String completionTask() {
        return "Completing the " + format + " files";
    }
}
