package dev.demoforge.export.lerobot.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import dev.demoforge.export.api.DatasetSpec;
import dev.demoforge.export.api.EpisodeFrames;
import dev.demoforge.export.api.FeatureKind;
import dev.demoforge.export.api.FeatureSpec;
import dev.demoforge.export.api.SourceVideo;
import dev.demoforge.export.api.VideoFrames;
import dev.demoforge.media.EncoderSettings;
import dev.demoforge.media.VideoDecoder;
import dev.demoforge.media.VideoEncoder;

/**
 * An episode whose camera rows are an unchanged run of a recorded MP4 (as the dataset service hands out the reference
 * camera): frames {@code first .. first + length - 1} of the recording, decoded on demand, with
 * {@link VideoFrames#source()} naming the file.
 */
final class RecordedEpisode implements EpisodeFrames {

    static final String SCENE = SyntheticEpisode.SCENE;

    private final SyntheticEpisode vectors;
    private final Path recording;
    private final int first;
    private final int length;

    RecordedEpisode(int episode, Path recording, int first, int length) {
        this.vectors = new SyntheticEpisode(episode, length, "pick the red cube");
        this.recording = recording;
        this.first = first;
        this.length = length;
    }

    /** State, action, gripper and one 640x480 camera at 30 fps. */
    static DatasetSpec spec() {
        return new DatasetSpec("recorded", "so101_follower", SyntheticEpisode.FPS, List.of(
                FeatureSpec.vector(SyntheticEpisode.STATE, FeatureKind.STATE, SyntheticEpisode.JOINTS),
                FeatureSpec.vector(SyntheticEpisode.ACTION, FeatureKind.ACTION, SyntheticEpisode.JOINTS),
                FeatureSpec.video(SCENE, 640, 480)));
    }

    /** Records {@code frames} synthetic 640x480 frames as the recorder does (H.264, fragmented, GOP 15). */
    static Path record(Path mp4, int episode, int frames) throws IOException {
        try (VideoEncoder e = VideoEncoder.open(mp4, 640, 480, SyntheticEpisode.FPS, EncoderSettings.capture())) {
            for (int i = 0; i < frames; i++) {
                e.encodeBgr(SyntheticEpisode.frame(episode, i, 640, 480));
            }
        }
        return mp4;
    }

    @Override
    public String sourceId() {
        return "recorded-" + recording.getFileName() + "@" + first;
    }

    @Override
    public String task() {
        return vectors.task();
    }

    @Override
    public int length() {
        return length;
    }

    @Override
    public float[][] vectors(String featureKey) {
        return vectors.vectors(featureKey);
    }

    @Override
    public VideoFrames video(String featureKey) throws IOException {
        VideoDecoder d = VideoDecoder.open(recording);
        for (int i = 0; i < first; i++) {
            d.nextBgr();
        }
        return new VideoFrames() {
            private int next;

            @Override
            public int width() {
                return 640;
            }

            @Override
            public int height() {
                return 480;
            }

            @Override
            public byte[] nextBgr() throws IOException {
                return next++ < length ? d.nextBgr() : null;
            }

            @Override
            public Optional<SourceVideo> source() {
                return Optional.of(new SourceVideo(recording, first, length));
            }

            @Override
            public void close() throws IOException {
                d.close();
            }
        };
    }
}
