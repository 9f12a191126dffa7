package dev.demoforge.dataset;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.demoforge.catalog.api.dataset.DatasetDefinition;
import dev.demoforge.catalog.api.dataset.DatasetEdit;

/**
 * A saved dataset resolved against the catalog as it is now. Immutable.
 *
 * @param definition the saved dataset
 * @param episodes   the episodes in export order: by split (in the rule's order), then by start time and id
 * @param edits      the dataset's edits, oldest first
 * @param notes      edits that had no effect, and why (e.g. a trim of an episode the dataset does not hold)
 * @since 0.4
 */
public record DatasetPlan(DatasetDefinition definition, List<PlannedEpisode> episodes, List<DatasetEdit> edits,
        List<String> notes) {

    public DatasetPlan {
        episodes = List.copyOf(episodes);
        edits = List.copyOf(edits);
        notes = List.copyOf(notes);
    }

    /** Episodes per split, in export order; a dataset without splits gives {@code {"": n}}. */
    public Map<String, Integer> splitCounts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        episodes.forEach(e -> counts.merge(e.split() == null ? "" : e.split(), 1, Integer::sum));
        return counts;
    }
}
