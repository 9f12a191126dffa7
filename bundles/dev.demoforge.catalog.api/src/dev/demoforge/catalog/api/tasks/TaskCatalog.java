package dev.demoforge.catalog.api.tasks;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Task specifications in the catalog. Thread-safe; every call is a short blocking database transaction, so call it
 * off the UI thread. Failures throw {@link dev.demoforge.catalog.api.CatalogException}.
 *
 * @since 0.1
 */
@ProviderType
public interface TaskCatalog {

    /** Inserts (id null: a new id is given) or replaces a task; returns it with its id. Names are unique. */
    TaskSpec putTask(TaskSpec task);

    Optional<TaskSpec> task(String id);

    Optional<TaskSpec> taskNamed(String name);

    /** Every task, by name. */
    List<TaskSpec> tasks();
}
