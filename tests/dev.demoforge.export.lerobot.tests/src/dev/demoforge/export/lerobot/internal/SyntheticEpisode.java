package dev.demoforge.export.lerobot.internal;

import java.util.List;

import dev.demoforge.export.api.DatasetSpec;
import dev.demoforge.export.api.FeatureKind;
import dev.demoforge.export.api.FeatureSpec;

/**
 * The kit's synthetic episode with LeRobot's column order (state before action) and a background blue level that
 * differs for every episode (not only modulo 3), so a frame can be told apart from the frames of other episodes
 * after encoding.
 */
class SyntheticEpisode extends dev.demoforge.test.support.export.SyntheticEpisode {

    SyntheticEpisode(int episode, int length, String task) {
        super(episode, length, task);
    }

    public static DatasetSpec spec() {
        return new DatasetSpec("synthetic", "so101_follower", FPS, List.of(
                FeatureSpec.vector(STATE, FeatureKind.STATE, JOINTS),
                FeatureSpec.vector(ACTION, FeatureKind.ACTION, JOINTS),
                FeatureSpec.vector(GRIPPER, FeatureKind.VECTOR, List.of("width")),
                FeatureSpec.video(SCENE, 640, 480),
                FeatureSpec.video(WRIST, 320, 240)));
    }

    /** Vectors and the scene camera only. */
    static DatasetSpec sceneOnlySpec() {
        return new DatasetSpec("synthetic-scene", null, FPS, spec().features().stream()
                .filter(f -> !f.key().equals(WRIST)).toList());
    }

    @Override
    protected byte[] frameAt(int i, int w, int h) {
        return frame(episode(), i, w, h);
    }

    /** Frame {@code i} of episode {@code episode}: coloured background, vertical gradient, moving white square. */
    public static byte[] frame(int episode, int i, int w, int h) {
        return frameOnBlue(40 + 80 * episode, i, w, h);
    }
}
