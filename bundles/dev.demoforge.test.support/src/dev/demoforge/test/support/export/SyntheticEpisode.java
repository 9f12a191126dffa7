package dev.demoforge.test.support.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.NullProgressMonitor;

import dev.demoforge.export.api.DatasetExporter;
import dev.demoforge.export.api.DatasetSpec;
import dev.demoforge.export.api.EpisodeFrames;
import dev.demoforge.export.api.ExportResult;
import dev.demoforge.export.api.ExportSession;
import dev.demoforge.export.api.FeatureKind;
import dev.demoforge.export.api.FeatureSpec;
import dev.demoforge.export.api.VideoFrames;

/**
 * A deterministic episode: 6-D state and action (sine waves of amplitude up to 6, so robomimic must scale them), a
 * 1-D gripper stream, and two cameras (640x480 and 320x240) showing a moving square over a background whose colour
 * depends on the episode; blue, green and red differ, so a channel swap shows. A fresh frame array per row.
 * <p>
 * Every value is a pure function of (episode, row), so a test can compute what a reader must find. Not thread-safe:
 * one exporter thread reads an instance, as in an export. Subclass and override {@link #video(String)} to serve
 * frames differently (the benchmark serves them from a cache).
 */
public class SyntheticEpisode implements EpisodeFrames {

    public static final int FPS = 30;
    public static final String STATE = "observation.state";
    public static final String ACTION = "action";
    public static final String GRIPPER = "observation.gripper";
    public static final String SCENE = "observation.images.scene";
    public static final String WRIST = "observation.images.wrist";
    public static final List<String> JOINTS = List.of("shoulder_pan.pos", "shoulder_lift.pos", "elbow_flex.pos",
            "wrist_flex.pos", "wrist_roll.pos", "gripper.pos");
    /** The task of episode {@code e} in {@link #exportAll}: {@code TASKS.get(e % 2)}. */
    public static final List<String> TASKS = List.of("pick the red cube", "open the drawer");

    private final int episode;
    private final int length;
    private final String task;

    public SyntheticEpisode(int episode, int length, String task) {
        this.episode = episode;
        this.length = length;
        this.task = task;
    }

    public static DatasetSpec spec() {
        return new DatasetSpec("synthetic", "so101_follower", FPS, List.of(
                FeatureSpec.vector(ACTION, FeatureKind.ACTION, JOINTS),
                FeatureSpec.vector(STATE, FeatureKind.STATE, JOINTS),
                FeatureSpec.vector(GRIPPER, FeatureKind.VECTOR, List.of("width")),
                FeatureSpec.video(SCENE, 640, 480),
                FeatureSpec.video(WRIST, 320, 240)));
    }

    /**
     * Exports one synthetic episode per entry of {@code lengths} (episode {@code e} has that many rows and task
     * {@code TASKS.get(e % 2)}) with {@link #spec()} and {@code options}; blocks until {@code finish} returns.
     */
    public static ExportResult exportAll(DatasetExporter exporter, Path out, Map<String, String> options,
            int... lengths) throws IOException {
        return exportAll(exporter, out, spec(), options, lengths);
    }

    /** The same with another spec, e.g. {@link #spec()} with splits declared. */
    public static ExportResult exportAll(DatasetExporter exporter, Path out, DatasetSpec spec,
            Map<String, String> options, int... lengths) throws IOException {
        try (ExportSession s = exporter.begin(out, spec, options)) {
            for (int e = 0; e < lengths.length; e++) {
                s.writeEpisode(new SyntheticEpisode(e, lengths[e], TASKS.get(e % 2)), new NullProgressMonitor());
            }
            return s.finish(new NullProgressMonitor());
        }
    }

    /** The episode number the content is derived from. */
    public int episode() {
        return episode;
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
    public float[] row(String key, int i) {
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

    /** Frame size of a video feature: {width, height}. */
    public static int[] size(String key) {
        FeatureSpec f = spec().feature(key).orElseThrow(() -> new IllegalArgumentException("no video " + key));
        return new int[] {f.imageWidth(), f.imageHeight()};
    }

    @Override
    public VideoFrames video(String featureKey) {
        int[] s = size(featureKey);
        return new VideoFrames() {
            private int next;

            @Override
            public int width() {
                return s[0];
            }

            @Override
            public int height() {
                return s[1];
            }

            @Override
            public byte[] nextBgr() {
                return next < length ? frameAt(next++, s[0], s[1]) : null;
            }

            @Override
            public void close() {
                next = length;
            }
        };
    }

    /** Frame {@code i} of a camera as {@link #video(String)} serves it: {@link #frame(int, int, int, int)}. */
    protected byte[] frameAt(int i, int w, int h) {
        return frame(episode, i, w, h);
    }

    /** Frame {@code i} of episode {@code episode} as BGR: coloured background, vertical gradient, white square. */
    public static byte[] frame(int episode, int i, int w, int h) {
        return frameOnBlue(40 + 80 * (episode % 3), i, w, h);
    }

    /** Frame {@code i} as BGR over a background with blue level {@code blue} (taken modulo 256). */
    public static byte[] frameOnBlue(int blue, int i, int w, int h) {
        byte[] bgr = new byte[w * h * 3];
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

    /** {@code bgr} with the first and third byte of every pixel swapped (a new array). */
    public static byte[] swapped(byte[] bgr) {
        byte[] out = new byte[bgr.length];
        for (int p = 0; p < bgr.length; p += 3) {
            out[p] = bgr[p + 2];
            out[p + 1] = bgr[p + 1];
            out[p + 2] = bgr[p];
        }
        return out;
    }

    /** The mean absolute difference of two frames of the same size, per byte (0-255), e.g. decoded vs. written. */
    public static double meanAbsDiff(byte[] a, byte[] b) {
        assertEquals(a.length, b.length, "frame sizes");
        long sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += Math.abs((a[i] & 0xFF) - (b[i] & 0xFF));
        }
        return (double) sum / a.length;
    }
}
