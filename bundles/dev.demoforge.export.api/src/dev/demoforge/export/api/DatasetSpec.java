package dev.demoforge.export.api;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The schema of a dataset to export: name, robot type, frame rate and features in column order.
 * Immutable and thread-safe.
 *
 * @param name      dataset name (used in metadata; not a path)
 * @param robotType free text such as {@code "so101_follower"}; may be {@code null}
 * @param fps       rows per second of every episode, an integer greater than zero; row {@code i} is at {@code i / fps} s
 * @param features  features in the order the exporter should write them; keys unique
 * @param splits    named splits over the episode indices, ascending and non-overlapping; empty when the caller
 *                  declares none (the exporter then applies its own default, e.g. one {@code train} split). An
 *                  exporter checks in {@link ExportSession#finish} that they lie inside the episodes written.
 *                  (since 0.2)
 * @since 0.1
 */
public record DatasetSpec(String name, String robotType, int fps, List<FeatureSpec> features,
        List<DatasetSplit> splits) {

    /** A spec without declared splits. */
    public DatasetSpec(String name, String robotType, int fps, List<FeatureSpec> features) {
        this(name, robotType, fps, features, List.of());
    }

    /** Validates and copies. */
    public DatasetSpec {
        Objects.requireNonNull(name, "name");
        if (fps <= 0) {
            throw new IllegalArgumentException("dataset '" + name + "': fps must be > 0, got " + fps);
        }
        features = List.copyOf(features);
        Set<String> keys = new HashSet<>();
        for (FeatureSpec f : features) {
            if (!keys.add(f.key())) {
                throw new IllegalArgumentException("dataset '" + name + "': duplicate feature key '" + f.key() + "'");
            }
        }
        splits = splits == null ? List.of() : List.copyOf(splits);
        Set<String> splitNames = new HashSet<>();
        int end = 0;
        for (DatasetSplit s : splits) {
            if (!splitNames.add(s.name())) {
                throw new IllegalArgumentException("dataset '" + name + "': duplicate split '" + s.name() + "'");
            }
            if (s.fromEpisode() < end) {
                throw new IllegalArgumentException("dataset '" + name + "': split '" + s.name() + "' starts at episode "
                        + s.fromEpisode() + ", before the end of the previous split (" + end + ")");
            }
            end = s.toEpisode();
        }
    }

    /** This spec with other splits. @since 0.2 */
    public DatasetSpec withSplits(List<DatasetSplit> newSplits) {
        return new DatasetSpec(name, robotType, fps, features, newSplits);
    }

    /**
     * Checks that the splits lie inside the {@code episodes} written; exporters call it in {@link ExportSession#finish}.
     *
     * @throws IllegalStateException naming the split that reaches past the last episode
     * @since 0.2
     */
    public void checkSplits(int episodes) {
        for (DatasetSplit s : splits) {
            if (s.toEpisode() > episodes) {
                throw new IllegalStateException("dataset '" + name + "': split '" + s.name() + "' ends at episode "
                        + s.toEpisode() + " but only " + episodes + " episodes were written");
            }
        }
    }

    /** The feature with this key, if any. */
    public Optional<FeatureSpec> feature(String key) {
        return features.stream().filter(f -> f.key().equals(key)).findFirst();
    }

    /** Features of kind {@link FeatureKind#VIDEO}, in order. */
    public List<FeatureSpec> videoFeatures() {
        return features.stream().filter(f -> f.kind() == FeatureKind.VIDEO).toList();
    }

    /** Features whose values come from {@link EpisodeFrames#vectors(String)}, in order. */
    public List<FeatureSpec> vectorFeatures() {
        return features.stream().filter(f -> f.kind().isVector()).toList();
    }
}
