package dev.demoforge.dataset.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import dev.demoforge.catalog.api.EpisodeRecord;
import dev.demoforge.catalog.api.Trim;
import dev.demoforge.catalog.api.dataset.DatasetDefinition;
import dev.demoforge.catalog.api.dataset.DatasetEdit;
import dev.demoforge.catalog.api.dataset.DatasetStore;
import dev.demoforge.dataset.DatasetPlan;
import dev.demoforge.dataset.PlannedEpisode;

/**
 * Resolves a saved dataset: the episodes its query selects; then its membership edits in the order they were made
 * (a merge adds the other dataset's episodes with that dataset's trims and labels, a delete removes one); then its
 * trims and relabels on the resulting set, the latest per episode winning; then its split rule. An episode without
 * a trim edit keeps its review trim ({@link ReviewTrims}).
 */
final class DatasetResolver {

    private final DatasetStore store;
    private final Function<String, Optional<Trim>> reviewTrims;

    /** @param reviewTrims an episode's review trim, its default trim (a trim edit overrides it) */
    DatasetResolver(DatasetStore store, Function<String, Optional<Trim>> reviewTrims) {
        this.store = store;
        this.reviewTrims = reviewTrims;
    }

    DatasetPlan plan(String name) {
        List<String> notes = new ArrayList<>();
        DatasetDefinition definition = definition(name);
        List<PlannedEpisode> members = new ArrayList<>(members(name, new LinkedHashSet<>(), notes).values());
        return new DatasetPlan(definition, SplitAssigner.assign(members, definition.split()), store.edits(name),
                notes);
    }

    private DatasetDefinition definition(String name) {
        return store.dataset(name).orElseThrow(() -> new IllegalArgumentException("No dataset named '" + name
                + "'; saved datasets: " + store.datasets().stream().map(DatasetDefinition::name).toList()));
    }

    /** The dataset's episodes by id, in query order, with trims and labels; no split yet. */
    private Map<String, PlannedEpisode> members(String name, Set<String> visiting, List<String> notes) {
        if (!visiting.add(name)) {
            throw new IllegalArgumentException("Datasets merge each other in a cycle: " + String.join(" -> ", visiting)
                    + " -> " + name);
        }
        DatasetDefinition definition = definition(name);
        Map<String, PlannedEpisode> members = new LinkedHashMap<>();
        for (EpisodeRecord e : store.episodes(definition.query())) {
            Optional<Trim> reviewed = reviewTrims.apply(e.id());
            members.put(e.id(), new PlannedEpisode(e, null, reviewed.map(Trim::startSeconds).orElse(0.0),
                    reviewed.map(Trim::endSeconds).orElse(Double.POSITIVE_INFINITY), null, name));
        }
        List<DatasetEdit> edits = store.edits(name);
        for (DatasetEdit edit : edits) {
            switch (edit.kind()) {
                case MERGE -> members(edit.otherDataset(), visiting, notes).forEach(members::putIfAbsent);
                case DELETE -> {
                    if (members.remove(edit.episodeId()) == null) {
                        notes.add(name + ": delete of " + edit.episodeId() + " had no effect (not in the dataset)");
                    }
                }
                default -> { }
            }
        }
        Map<String, PlannedEpisode> edited = new HashMap<>();
        for (DatasetEdit edit : edits) {
            if (edit.kind() != DatasetEdit.Kind.TRIM && edit.kind() != DatasetEdit.Kind.RELABEL) {
                continue;
            }
            PlannedEpisode p = edited.getOrDefault(edit.episodeId(), members.get(edit.episodeId()));
            if (p == null) {
                notes.add(name + ": " + edit.kind().name().toLowerCase() + " of " + edit.episodeId()
                        + " had no effect (not in the dataset)");
                continue;
            }
            edited.put(p.episode().id(), edit.kind() == DatasetEdit.Kind.TRIM
                    ? new PlannedEpisode(p.episode(), null, edit.startSeconds(), edit.endSeconds(), p.task(),
                            p.origin())
                    : new PlannedEpisode(p.episode(), null, p.startSeconds(), p.endSeconds(), edit.task(),
                            p.origin()));
        }
        members.putAll(edited);
        visiting.remove(name);
        return members;
    }
}
