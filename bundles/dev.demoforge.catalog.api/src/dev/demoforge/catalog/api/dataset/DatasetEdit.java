package dev.demoforge.catalog.api.dataset;

import java.time.Instant;
import java.util.Objects;

/**
 * One edit of a dataset; the raw episode files are never touched. Edits apply in the order they were made; for one
 * episode, a later trim or relabel replaces an earlier one. Immutable.
 *
 * @param kind         what the edit does
 * @param episodeId    the episode ({@link Kind#DELETE}, {@link Kind#TRIM}, {@link Kind#RELABEL}), else null
 * @param startSeconds {@link Kind#TRIM}: first second kept, on the episode timeline (seconds after the recording's
 *                     start, host clock); else 0
 * @param endSeconds   {@link Kind#TRIM}: last second kept on the same timeline; else 0
 * @param task         {@link Kind#RELABEL}: the task text the dataset uses for the episode; else null
 * @param otherDataset {@link Kind#MERGE}: the dataset whose episodes (with its own edits) are added; else null
 * @param madeAt       when the edit was made (set by the store; null before)
 * @since 0.1
 */
public record DatasetEdit(Kind kind, String episodeId, double startSeconds, double endSeconds, String task,
        String otherDataset, Instant madeAt) {

    /** What an edit does. */
    public enum Kind {
        /** Leave the episode out of the dataset. */
        DELETE,
        /** Keep only a window of the episode. */
        TRIM,
        /** Use another task text for the episode. */
        RELABEL,
        /** Add the episodes of another dataset. */
        MERGE
    }

    /** Validates. */
    public DatasetEdit {
        Objects.requireNonNull(kind, "kind");
        switch (kind) {
            case MERGE -> Objects.requireNonNull(otherDataset, "otherDataset");
            default -> Objects.requireNonNull(episodeId, "episodeId");
        }
        if (kind == Kind.TRIM && !(startSeconds >= 0 && endSeconds > startSeconds)) {
            throw new IllegalArgumentException("Trim of " + episodeId + ": " + startSeconds + " s to " + endSeconds
                    + " s is not a window (need 0 <= start < end)");
        }
        if (kind == Kind.RELABEL && (task == null || task.isBlank())) {
            throw new IllegalArgumentException("Relabel of " + episodeId + " needs a task text");
        }
    }

    public static DatasetEdit delete(String episodeId) {
        return new DatasetEdit(Kind.DELETE, episodeId, 0, 0, null, null, null);
    }

    public static DatasetEdit trim(String episodeId, double startSeconds, double endSeconds) {
        return new DatasetEdit(Kind.TRIM, episodeId, startSeconds, endSeconds, null, null, null);
    }

    public static DatasetEdit relabel(String episodeId, String task) {
        return new DatasetEdit(Kind.RELABEL, episodeId, 0, 0, task, null, null);
    }

    public static DatasetEdit merge(String otherDataset) {
        return new DatasetEdit(Kind.MERGE, null, 0, 0, null, otherDataset, null);
    }
}
