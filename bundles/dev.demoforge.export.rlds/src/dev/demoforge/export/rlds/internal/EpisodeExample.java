package dev.demoforge.export.rlds.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;

import com.google.protobuf.ByteString;

import dev.demoforge.export.api.EpisodeFrames;
import dev.demoforge.export.api.FeatureSpec;
import dev.demoforge.export.api.VideoFrames;
import dev.demoforge.export.rlds.internal.proto.BytesList;
import dev.demoforge.export.rlds.internal.proto.Example;
import dev.demoforge.export.rlds.internal.proto.Feature;
import dev.demoforge.export.rlds.internal.proto.Features;
import dev.demoforge.export.rlds.internal.proto.FloatList;
import dev.demoforge.export.rlds.internal.proto.Int64List;
import dev.demoforge.export.support.EpisodeInputs;
import dev.demoforge.export.support.ImageEncoder;

/**
 * One episode as the {@code tf.train.Example} TFDS writes for an RLDS dataset (formats.md 5.3): the {@code steps}
 * fields stacked over the episode's N steps and flattened row-major under {@code steps/...} keys, floats as
 * {@code float_list}, bools as 0/1 {@code int64_list}, text and encoded images as {@code bytes_list}, and
 * {@code episode_metadata/file_path}. The whole Example is built in memory (the format stores an episode as one
 * record), which bounds memory by one episode's vectors plus its encoded images. One thread.
 */
final class EpisodeExample {

    private EpisodeExample() {
    }

    static Example build(EpisodeFrames ep, StepLayout layout, ImageEncoder images, IProgressMonitor m)
            throws IOException {
        int n = ep.length();
        Features.Builder features = Features.newBuilder();
        for (StepLayout.Entry e : layout.observations()) {
            FeatureSpec f = e.feature();
            String key = "steps/observation/" + e.name();
            features.putFeature(key, f.kind().isVector() ? floats(EpisodeInputs.vectors(ep, f))
                    : images(ep, f, images, m));
        }
        features.putFeature("steps/action", floats(EpisodeInputs.vectors(ep, layout.action())));
        FloatList.Builder reward = FloatList.newBuilder();
        FloatList.Builder discount = FloatList.newBuilder();
        Int64List.Builder first = Int64List.newBuilder();
        Int64List.Builder last = Int64List.newBuilder();
        BytesList.Builder language = BytesList.newBuilder();
        ByteString task = ByteString.copyFrom(ep.task() == null ? "" : ep.task(), StandardCharsets.UTF_8);
        for (int i = 0; i < n; i++) {
            reward.addValue(i == n - 1 ? 1f : 0f);
            discount.addValue(1f);
            first.addValue(i == 0 ? 1 : 0);
            last.addValue(i == n - 1 ? 1 : 0);
            language.addValue(task);
        }
        features.putFeature("steps/reward", Feature.newBuilder().setFloatList(reward).build());
        features.putFeature("steps/discount", Feature.newBuilder().setFloatList(discount).build());
        features.putFeature("steps/is_first", Feature.newBuilder().setInt64List(first).build());
        Feature lastFlags = Feature.newBuilder().setInt64List(last).build();
        features.putFeature("steps/is_last", lastFlags);
        features.putFeature("steps/is_terminal", lastFlags);
        features.putFeature("steps/language_instruction", Feature.newBuilder().setBytesList(language).build());
        features.putFeature("episode_metadata/file_path", Feature.newBuilder().setBytesList(BytesList.newBuilder()
                .addValue(ByteString.copyFrom(ep.sourceId(), StandardCharsets.UTF_8))).build());
        return Example.newBuilder().setFeatures(features).build();
    }

    private static Feature floats(float[][] rows) {
        FloatList.Builder b = FloatList.newBuilder();
        for (float[] row : rows) {
            for (float v : row) {
                b.addValue(v);
            }
        }
        return Feature.newBuilder().setFloatList(b).build();
    }

    private static Feature images(EpisodeFrames ep, FeatureSpec f, ImageEncoder encoder, IProgressMonitor m)
            throws IOException {
        BytesList.Builder b = BytesList.newBuilder();
        int w = f.imageWidth();
        int h = f.imageHeight();
        try (VideoFrames frames = ep.video(f.key())) {
            if (frames.width() != w || frames.height() != h) {
                throw new IOException("Episode '" + ep.sourceId() + "' feature '" + f.key() + "' has "
                        + frames.width() + "x" + frames.height() + " frames, the dataset declares " + w + "x" + h);
            }
            for (int r = 0; r < ep.length(); r++) {
                if (m.isCanceled()) {
                    throw new OperationCanceledException();
                }
                byte[] bgr = frames.nextBgr();
                if (bgr == null || bgr.length != w * h * 3) {
                    throw new IOException("Episode '" + ep.sourceId() + "' feature '" + f.key() + "' row " + r
                            + (bgr == null ? ": the video ended early" : ": frame of " + bgr.length
                                    + " bytes, expected " + w * h * 3));
                }
                b.addValue(ByteString.copyFrom(encoder.encode(bgr, w, h)));
                m.worked(1);
            }
        }
        return Feature.newBuilder().setBytesList(b).build();
    }
}
