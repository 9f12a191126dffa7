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
 * <p>
 * Teleoperated stations: when a device records both joint states and an {@code action} stream of its own (a follower
 * recording the goals it was sent, {@code JointCommandable}), the dataset's {@code action} and
 * {@code observation.state} are those followers' only; the leaders' readings (the operator's input) stay in the raw
 * episode.
 */
record FeatureLayout(Map<FeatureSpec, List<RecordedStream>> sources, RecordedStream referenceCamera) {

    static final String STATE = "observation.state";
    static final String ACTION = "action";

    static FeatureLayout of(List<RecordedStream> all) {
        List<RecordedStream> streams = withoutLeaders(all);
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

    /** Drops the vector state and action streams of devices that are not followers, when followers exist. */
    private static List<RecordedStream> withoutLeaders(List<RecordedStream> streams) {
        java.util.Set<String> followers = new java.util.HashSet<>();
        for (RecordedStream s : streams) {
            if (s.spec().kind() == StreamKind.ACTION && s.spec().name().equals("action") && streams.stream().anyMatch(
                    o -> o.deviceId().equals(s.deviceId()) && o.spec().kind() == StreamKind.JOINT_STATE)) {
                followers.add(s.deviceId());
            }
        }
        if (followers.isEmpty()) {
            return streams;
        }
        return streams.stream().filter(s -> followers.contains(s.deviceId()) || switch (s.spec().kind()) {
            case JOINT_STATE, GRIPPER, ACTION -> false;
            default -> true;
        }).toList();
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
