package dev.demoforge.export.hdf5.internal;

import java.nio.file.Path;
import java.util.Map;

import org.eclipse.core.runtime.NullProgressMonitor;

import dev.demoforge.export.api.DatasetExporter;
import dev.demoforge.export.api.ExportResult;
import dev.demoforge.export.api.ExportSession;
import dev.demoforge.test.support.export.SyntheticEpisode;

/** Runs a synthetic export through an exporter service. */
final class Exports {

    static final String[] TASKS = {"pick the red cube", "open the drawer"};

    private Exports() {
    }

    /** Exports synthetic episodes of the given lengths (episode e uses colour e and task e % 2). */
    static ExportResult run(DatasetExporter exporter, Path out, Map<String, String> options, int... lengths)
            throws Exception {
        try (ExportSession s = exporter.begin(out, SyntheticEpisode.spec(), options)) {
            for (int e = 0; e < lengths.length; e++) {
                s.writeEpisode(new SyntheticEpisode(e, lengths[e], TASKS[e % 2]), new NullProgressMonitor());
            }
            return s.finish(new NullProgressMonitor());
        }
    }
}
