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
 * @since 0.1
 */
public record DatasetSpec(String name, String robotType, int fps, List<FeatureSpec> features) {

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
