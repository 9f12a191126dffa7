package dev.demoforge.export.hdf5.internal;

import java.nio.file.Path;
import java.util.Map;

import dev.demoforge.export.api.DatasetExporter;
import dev.demoforge.export.api.DatasetSpec;
import dev.demoforge.export.api.ExportResult;
import dev.demoforge.test.support.export.SyntheticEpisode;

/** Runs a synthetic export through an exporter service. */
final class Exports {

    static final String[] TASKS = SyntheticEpisode.TASKS.toArray(String[]::new);

    private Exports() {
    }

    /** Exports synthetic episodes of the given lengths (episode e uses colour e and task e % 2). */
    static ExportResult run(DatasetExporter exporter, Path out, Map<String, String> options, int... lengths)
            throws Exception {
        return run(exporter, out, SyntheticEpisode.spec(), options, lengths);
    }

    /** The same with another spec, e.g. one declaring splits. */
    static ExportResult run(DatasetExporter exporter, Path out, DatasetSpec spec, Map<String, String> options,
            int... lengths) throws Exception {
        return SyntheticEpisode.exportAll(exporter, out, spec, options, lengths);
    }
}
