/**
 * Saved datasets in the catalog: a {@link dev.demoforge.catalog.api.dataset.DatasetQuery query} over the episodes,
 * a {@link dev.demoforge.catalog.api.dataset.SplitRule split rule}, an exporter with options, the
 * {@link dev.demoforge.catalog.api.dataset.DatasetEdit edits} made to the dataset (never to the raw files), its
 * builds, and a cache of raw files' content hashes.
 *
 * @since 0.1
 */
@org.osgi.annotation.versioning.Version("0.1.0")
package dev.demoforge.catalog.api.dataset;
