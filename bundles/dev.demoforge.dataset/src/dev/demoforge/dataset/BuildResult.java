package dev.demoforge.dataset;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.demoforge.export.api.ExportResult;

/**
 * A finished build. Immutable.
 *
 * @param export           what the exporter wrote
 * @param manifest         the manifest file
 * @param manifestSha256   its SHA-256
 * @param version          the dataset version built (for a rebuild: the version of the manifest rebuilt)
 * @param splits           episodes per split, in export order ({@code {"": n}} without splits)
 * @param rawFiles         raw files hashed
 * @param rawFilesCached   of those, how many hashes came from the catalog's cache (same size and modification time)
 * @param differingOutputs for a rebuild: output files (relative paths) missing or with other bytes than in the
 *                         original manifest; empty for a build
 * @since 0.4
 */
public record BuildResult(ExportResult export, Path manifest, String manifestSha256, int version,
        Map<String, Integer> splits, int rawFiles, int rawFilesCached, List<String> differingOutputs) {

    public BuildResult {
        splits = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(splits));
        differingOutputs = List.copyOf(differingOutputs);
    }
}
