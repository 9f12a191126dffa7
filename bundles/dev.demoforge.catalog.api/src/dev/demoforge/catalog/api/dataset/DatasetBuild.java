package dev.demoforge.catalog.api.dataset;

import java.time.Instant;

/**
 * One build of a dataset. Immutable.
 *
 * @param dataset        dataset name
 * @param version        build number, 1 for the first build of the dataset
 * @param outputDir      where it was written (absolute path)
 * @param manifestSha256 SHA-256 of the manifest written with it
 * @param episodes       episodes exported
 * @param frames         rows exported
 * @param builtAt        when the build finished
 * @since 0.1
 */
public record DatasetBuild(String dataset, int version, String outputDir, String manifestSha256, int episodes,
        long frames, Instant builtAt) {
}
