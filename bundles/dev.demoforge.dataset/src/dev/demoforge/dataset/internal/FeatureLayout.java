package dev.demoforge.dataset.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.demoforge.device.api.StreamKind;
import dev.demoforge.episode.api.RecordedStream;
import dev.demoforge.export.api.FeatureKind;
import dev.demoforge.export.api.FeatureSpec;

/**
 * Which recorded topics make up which dataset feature. Vector features concatenate their topics' elements in
 * station order; a video feature is one camera topic.
 */
record FeatureLayout(Map<FeatureSpec, List<RecordedStream>> sources, RecordedStream referenceCamera) {

    static final String STATE = "observation.state";
    static final String ACTION = "action";

    static FeatureLayout of(List<RecordedStream> streams) {
        List<RecordedStream> state = new ArrayList<>();
        List<RecordedStream> action = new ArrayList<>();
        Map<FeatureSpec, List<RecordedStream>> sources = new LinkedHashMap<>();
        RecordedStream reference = null;
        for (RecordedStream s : streams) {
            switch (s.spec().kind()) {
                case JOINT_STATE, GRIPPER -> state.add(s);
                case ACTION -> action.add(s);
                case WRENCH -> sources.put(FeatureSpec.vector("observation." + s.deviceId() + "." + s.spec().name(),
                        FeatureKind.VECTOR, s.spec().elementNames()), List.of(s));
                case CAMERA -> {
                    if (reference == null) {
                        reference = s;
                    }
                }
                case EVENT -> { }
            }
        }
        if (reference == null) {
            throw new IllegalArgumentException("The episode has no camera stream to set the dataset timeline");
        }
        Map<FeatureSpec, List<RecordedStream>> ordered = new LinkedHashMap<>();
        if (!action.isEmpty()) {
            ordered.put(FeatureSpec.vector(ACTION, FeatureKind.ACTION, names(action)), List.copyOf(action));
        }
        if (!state.isEmpty()) {
            ordered.put(FeatureSpec.vector(STATE, FeatureKind.STATE, names(state)), List.copyOf(state));
        }
        ordered.putAll(sources);
        for (RecordedStream s : streams) {
            if (s.spec().kind() == StreamKind.CAMERA) {
                ordered.put(FeatureSpec.video("observation.images." + s.deviceId(), s.spec().imageWidth(),
                        s.spec().imageHeight()), List.of(s));
            }
        }
        return new FeatureLayout(ordered, reference);
    }

    private static List<String> names(List<RecordedStream> streams) {
        return streams.stream().flatMap(s -> s.spec().elementNames().stream()).toList();
    }

    List<FeatureSpec> features() {
        return List.copyOf(sources.keySet());
    }

    List<RecordedStream> sourcesOf(String featureKey) {
        return sources.entrySet().stream().filter(e -> e.getKey().key().equals(featureKey)).findFirst()
                .map(Map.Entry::getValue)
                .orElseThrow(() -> new IllegalArgumentException("No feature " + featureKey));
    }
}
