package dev.demoforge.export.rlds.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.demoforge.export.api.DatasetSpec;
import dev.demoforge.export.api.FeatureKind;
import dev.demoforge.export.api.FeatureSpec;

/**
 * Where each dataset feature goes in an RLDS step: the one {@link FeatureKind#ACTION} feature is {@code action};
 * every other vector feature is {@code observation/<name>} and every camera {@code observation/<name>_image}, where
 * {@code <name>} is the feature key without its {@code observation.} (or {@code observation.images.}) prefix, dots
 * turned into underscores (e.g. {@code observation.state} → {@code observation/state},
 * {@code observation.images.wrist} → {@code observation/wrist_image}). Immutable.
 *
 * @param action       the action feature
 * @param observations observation features with their step names, in dataset order
 */
record StepLayout(FeatureSpec action, List<Entry> observations) {

    /** An observation feature and its name inside {@code steps/observation}. */
    record Entry(FeatureSpec feature, String name) {
    }

    static StepLayout of(DatasetSpec spec) {
        List<FeatureSpec> actions = spec.features().stream().filter(f -> f.kind() == FeatureKind.ACTION).toList();
        if (actions.size() != 1) {
            throw new IllegalArgumentException("dataset '" + spec.name() + "': RLDS steps need exactly one ACTION"
                    + " feature (steps/action); it has " + actions.stream().map(FeatureSpec::key).toList());
        }
        List<Entry> observations = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (FeatureSpec f : spec.features()) {
            if (f.kind() == FeatureKind.ACTION) {
                continue;
            }
            String name = name(f);
            if (!names.add(name)) {
                throw new IllegalArgumentException("dataset '" + spec.name() + "': features map to the same RLDS"
                        + " observation key '" + name + "' (" + f.key() + ")");
            }
            observations.add(new Entry(f, name));
        }
        return new StepLayout(actions.get(0), List.copyOf(observations));
    }

    static String name(FeatureSpec f) {
        String k = f.key();
        if (f.kind() == FeatureKind.VIDEO) {
            k = strip(strip(k, "observation.images."), "observation.");
            String n = snake(k);
            return n.endsWith("image") ? n : n + "_image";
        }
        return snake(strip(k, "observation."));
    }

    private static String strip(String key, String prefix) {
        return key.startsWith(prefix) && key.length() > prefix.length() ? key.substring(prefix.length()) : key;
    }

    /** Lower case, every run of characters other than letters and digits turned into one underscore. */
    static String snake(String s) {
        String n = s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        return n.isEmpty() ? "x" : n;
    }
}
