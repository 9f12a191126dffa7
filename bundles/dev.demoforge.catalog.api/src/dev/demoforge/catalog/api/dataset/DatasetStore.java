package dev.demoforge.catalog.api.dataset;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

import dev.demoforge.catalog.api.EpisodeRecord;

/**
 * Saved datasets, their edits and builds, in the workspace catalog. Thread-safe; every call is a short blocking
 * database transaction, so call it off the UI thread. Failures throw {@link dev.demoforge.catalog.api.CatalogException}
 * naming the dataset.
 *
 * @since 0.1
 */
@ProviderType
public interface DatasetStore {

    /** Saves a new dataset. @throws dev.demoforge.catalog.api.CatalogException if the name is taken */
    void create(DatasetDefinition dataset);

    Optional<DatasetDefinition> dataset(String name);

    /** Every saved dataset, by name. */
    List<DatasetDefinition> datasets();

    /** Deletes a dataset with its edits and build records (never its built files nor any raw file). */
    void delete(String name);

    /** The episodes a query selects, ordered by start time then id. */
    List<EpisodeRecord> episodes(DatasetQuery query);

    /** Appends an edit. @throws dev.demoforge.catalog.api.CatalogException if there is no such dataset */
    void addEdit(String dataset, DatasetEdit edit);

    /** A dataset's edits, oldest first, with {@link DatasetEdit#madeAt()} set. */
    List<DatasetEdit> edits(String dataset);

    /** Records a build. */
    void putBuild(DatasetBuild build);

    /** A dataset's builds, oldest first. */
    List<DatasetBuild> builds(String dataset);

    /**
     * The SHA-256 (lower-case hex) cached for a file, if it was hashed at this size and modification time.
     *
     * @param path           absolute path
     * @param size           size in bytes now
     * @param modifiedMillis modification time now, ms since the Unix epoch
     */
    Optional<String> cachedHash(String path, long size, long modifiedMillis);

    /** Caches a file's SHA-256 for its size and modification time (replacing what was cached for the path). */
    void cacheHash(String path, long size, long modifiedMillis, String sha256);
}
