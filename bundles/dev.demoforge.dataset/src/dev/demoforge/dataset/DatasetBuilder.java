package dev.demoforge.dataset;

import java.io.IOException;
import java.nio.file.Path;

import org.eclipse.core.runtime.IProgressMonitor;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Builds the datasets saved in the catalog ({@link dev.demoforge.catalog.api.dataset.DatasetStore}): resolves the
 * query, applies the edits (raw files are never written) and the split rule, exports through the
 * {@link DatasetService}, and writes {@value #MANIFEST} beside the exported files: dataset name and version, every
 * episode with the SHA-256 of each of its raw files, split, trim and task, the exporter and its options, the query,
 * split rule and edits, the DemoForge bundle versions, and the SHA-256 of every output file. A manifest is enough to
 * rebuild the dataset exactly, whatever has been added to the catalog since.
 * <p>
 * Blocking (hashing, decoding, encoding, file I/O): call off the UI thread. Progress and cancellation through the
 * monitor; a cancelled or failed build leaves no dataset behind. Thread-safe.
 *
 * @since 0.4
 */
@ProviderType
public interface DatasetBuilder {

    /** Where the manifest goes, relative to the dataset directory. */
    String MANIFEST = "meta/demoforge_manifest.json";

    /**
     * What a build of the saved dataset would export now: the resolved episodes with their splits, trims and tasks.
     * Blocks for a few catalog queries.
     *
     * @throws IllegalArgumentException if there is no such dataset, or its merges form a cycle
     */
    DatasetPlan plan(String name);

    /**
     * Builds the saved dataset into {@code outputDir} (new or empty), writes the manifest, and records the build
     * (with the next version number) in the catalog.
     *
     * @throws IOException if the dataset selects no episode, a raw file cannot be read, or the export fails
     */
    BuildResult build(String name, Path outputDir, IProgressMonitor monitor) throws IOException;

    /**
     * Rebuilds the dataset a manifest describes into {@code outputDir}, from the same episodes (looked up by id in
     * the catalog) with the same splits, trims, tasks, exporter and options. Every raw file is hashed first and must
     * match the manifest. The new manifest names the one it was rebuilt from; {@link BuildResult#differingOutputs()}
     * lists the output files whose bytes differ from the original build.
     *
     * @throws IOException if the manifest cannot be read, an episode is missing, or a raw file changed (the message
     *                     names the episode and file)
     */
    BuildResult rebuild(Path manifest, Path outputDir, IProgressMonitor monitor) throws IOException;
}
