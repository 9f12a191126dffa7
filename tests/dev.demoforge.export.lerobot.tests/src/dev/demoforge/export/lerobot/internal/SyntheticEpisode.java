package dev.demoforge.export.lerobot.internal;

import java.util.List;

import dev.demoforge.export.api.DatasetSpec;
import dev.demoforge.export.api.EpisodeFrames;
import dev.demoforge.export.api.FeatureKind;
import dev.demoforge.export.api.FeatureSpec;
import dev.demoforge.export.api.VideoFrames;

/**
 * A deterministic episode: 6-D state and action (sine waves), a 1-D gripper stream, and two cameras showing a moving
 * square over a background whose colour depends on the episode, so a frame can be told apart from the frames of
 * other episodes after encoding.
 */
class SyntheticEpisode implements EpisodeFrames {

    static final int FPS = 30;
    static final String STATE = "observation.state";
    static final String ACTION = "action";
    static final String GRIPPER = "observation.gripper";
    static final String SCENE = "observation.images.scene";
    static final String WRIST = "observation.images.wrist";
    static final List<String> JOINTS = List.of("shoulder_pan.pos", "shoulder_lift.pos", "elbow_flex.pos",
            "wrist_flex.pos", "wrist_roll.pos", "gripper.pos");

    private final int episode;
    private final int length;
    private final String task;

    SyntheticEpisode(int episode, int length, String task) {
        this.episode = episode;
        this.length = length;
        this.task = task;
    }

    static DatasetSpec spec() {
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
    public String sourceId() {
        return "synthetic-" + episode;
    }

    @Override
    public String task() {
        return task;
    }

    @Override
    public int length() {
        return length;
    }

    @Override
    public float[][] vectors(String featureKey) {
        float[][] v = new float[length][];
        for (int i = 0; i < length; i++) {
            v[i] = row(featureKey, i);
        }
        return v;
    }

    /** Row {@code i} of a vector feature. */
    float[] row(String key, int i) {
        return switch (key) {
            case STATE -> wave(i, 0f);
            case ACTION -> wave(i + 3, 0.01f);
            case GRIPPER -> new float[] {(float) (0.04 * (1 + Math.cos(0.1 * i + episode)))};
            default -> throw new IllegalArgumentException("not a vector feature of the synthetic set: " + key);
        };
    }

    private float[] wave(int i, float offset) {
        float[] r = new float[6];
        for (int d = 0; d < 6; d++) {
            r[d] = (float) ((d + 1) * Math.sin(0.05 * i + d + episode)) + offset;
        }
        return r;
    }

    @Override
    public VideoFrames video(String featureKey) {
        FeatureSpec f = spec().feature(featureKey)
                .orElseThrow(() -> new IllegalArgumentException("no video feature " + featureKey));
        int w = f.imageWidth();
        int h = f.imageHeight();
        return new VideoFrames() {
            private int next;

            @Override
            public int width() {
                return w;
            }

            @Override
            public int height() {
                return h;
            }

            @Override
            public byte[] nextBgr() {
                return next < length ? frame(episode, next++, w, h) : null;
            }

            @Override
            public void close() {
                next = length;
            }
        };
    }

    /** Frame {@code i} of episode {@code episode}: coloured background, vertical gradient, moving white square. */
    static byte[] frame(int episode, int i, int w, int h) {
        byte[] bgr = new byte[w * h * 3];
        int blue = 40 + 80 * episode;
        int side = h / 6;
        int x0 = (i * 5) % (w - side);
        int y0 = (h - side) / 2;
        for (int y = 0; y < h; y++) {
            int green = 60 + 100 * y / h;
            for (int x = 0; x < w; x++) {
                int p = (y * w + x) * 3;
                boolean square = x >= x0 && x < x0 + side && y >= y0 && y < y0 + side;
                bgr[p] = (byte) (square ? 255 : blue);
                bgr[p + 1] = (byte) (square ? 255 : green);
                bgr[p + 2] = (byte) (square ? 255 : 200);
            }
        }
        return bgr;
    }
}
