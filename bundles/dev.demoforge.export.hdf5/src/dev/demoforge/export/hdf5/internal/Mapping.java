package dev.demoforge.export.hdf5.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.demoforge.export.api.DatasetSpec;
import dev.demoforge.export.api.FeatureKind;
import dev.demoforge.export.api.FeatureSpec;

/**
 * How dataset features become HDF5 names (docs/export-hdf5.md): ACTION features, side by side, are the action array;
 * STATE features, side by side, are ALOHA's {@code qpos}; every other vector keeps its own dataset; cameras keep
 * their name. Names drop the {@code observation.} / {@code observation.images.} prefixes.
 */
record Mapping(List<FeatureSpec> actions, List<FeatureSpec> states, List<FeatureSpec> vectors,
        List<FeatureSpec> videos) {

    static final String OBSERVATION = "observation.";
    static final String IMAGES = "observation.images.";

    static Mapping of(DatasetSpec spec) {
        return new Mapping(of(spec, FeatureKind.ACTION), of(spec, FeatureKind.STATE), of(spec, FeatureKind.VECTOR),
                of(spec, FeatureKind.VIDEO));
    }

    private static List<FeatureSpec> of(DatasetSpec spec, FeatureKind kind) {
        return spec.features().stream().filter(f -> f.kind() == kind).toList();
    }

    /** Width of the concatenated features. */
    static int width(List<FeatureSpec> features) {
        return features.stream().mapToInt(FeatureSpec::width).sum();
    }

    /** {@code observation.images.cam_high} → {@code cam_high}; {@code observation.ft.wrench} → {@code ft.wrench}. */
    static String shortName(FeatureSpec f) {
        String k = f.key();
        if (k.startsWith(IMAGES) && k.length() > IMAGES.length()) {
            return k.substring(IMAGES.length());
        }
        if (k.startsWith(OBSERVATION) && k.length() > OBSERVATION.length()) {
            return k.substring(OBSERVATION.length());
        }
        return k;
    }

    /**
     * Fails if two features would get the same HDF5 name, or a feature would take a name the layout reserves.
     *
     * @param names    name per feature
     * @param reserved names the format uses itself
     */
    static void checkUnique(String format, Map<FeatureSpec, String> names, List<String> reserved) {
        Map<String, String> seen = new HashMap<>();
        for (String r : reserved) {
            seen.put(r, "the " + format + " layout");
        }
        for (Map.Entry<FeatureSpec, String> e : names.entrySet()) {
            String before = seen.putIfAbsent(e.getValue(), "feature '" + e.getKey().key() + "'");
            if (before != null) {
                throw new IllegalArgumentException("feature '" + e.getKey().key() + "' would be stored as '"
                        + e.getValue() + "', a name already used by " + before + " in the " + format + " layout");
            }
        }
    }
}
