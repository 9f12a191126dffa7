package dev.demoforge.export.example.internal;

import java.util.List;

import dev.demoforge.export.api.DatasetSpec;
import dev.demoforge.export.api.EpisodeFrames;
import dev.demoforge.export.api.FeatureKind;
import dev.demoforge.export.api.FeatureSpec;
import dev.demoforge.export.api.VideoFrames;

/**
 * A deterministic episode whose every value can be recomputed by the reader: {@code state[i][d] = e + i / 8 + d / 4}
 * (exact in float32), {@code action = -state}, and a 32x24 camera whose frame {@code i} is filled with BGR
 * {@code (i, 2 * e, 255 - i)}.
 */
final class RampEpisode implements EpisodeFrames {

    static final int FPS = 15;
    static final int W = 32;
    static final int H = 24;
    private final int e;
    private final int length;

    RampEpisode(int e, int length) {
        this.e = e;
        this.length = length;
    }

    static DatasetSpec spec() {
        List<String> joints = List.of("j0", "j1", "j2");
        return new DatasetSpec("ramps", "test_arm", FPS, List.of(
                FeatureSpec.vector("observation.state", FeatureKind.STATE, joints),
                FeatureSpec.vector("action", FeatureKind.ACTION, joints),
                FeatureSpec.video("observation.images.cam", W, H)));
    }

    @Override
    public String sourceId() {
        return "ramp-" + e;
    }

    @Override
    public String task() {
        return "ramp " + e;
    }

    @Override
    public int length() {
        return length;
    }

    @Override
    public float[][] vectors(String key) {
        float sign = key.equals("action") ? -1 : 1;
        float[][] v = new float[length][3];
        for (int i = 0; i < length; i++) {
            for (int d = 0; d < 3; d++) {
                v[i][d] = sign * (e + i / 8f + d / 4f);
            }
        }
        return v;
    }

    @Override
    public VideoFrames video(String key) {
        return new VideoFrames() {
            private int i;

            @Override
            public int width() {
                return W;
            }

            @Override
            public int height() {
                return H;
            }

            @Override
            public byte[] nextBgr() {
                if (i >= length) {
                    return null;
                }
                byte[] f = new byte[W * H * 3];
                for (int p = 0; p < f.length; p += 3) {
                    f[p] = (byte) i;
                    f[p + 1] = (byte) (2 * e);
                    f[p + 2] = (byte) (255 - i);
                }
                i++;
                return f;
            }

            @Override
            public void close() {
            }
        };
    }
}
