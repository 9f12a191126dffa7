package dev.demoforge.export.lerobot.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import dev.demoforge.export.api.FeatureSpec;
import dev.demoforge.export.api.SourceVideo;
import dev.demoforge.media.VideoRemuxer;

/**
 * How one episode's frames of one video feature were written: packets copied from the recording, or decoded and
 * encoded, with the reason. Written to {@code meta/demoforge_video.json} so a user can see which episodes kept the
 * recording's bits.
 *
 * @param episode episode_index
 * @param key     video feature
 * @param copied  packets copied without re-encoding
 * @param reason  why not copied ({@code ""} when copied)
 */
record VideoChoice(int episode, String key, boolean copied, String reason) {

    /**
     * Decides for one episode: copy when the option allows it, the encoder is H.264, the frames are an unchanged run
     * of a recording ({@code source}) that is H.264 yuv420p at the feature's size and the dataset's rate, starts on a
     * keyframe and has no reordering; otherwise encode.
     */
    static VideoChoice decide(int episode, FeatureSpec f, int fps, int rows, LeRobotOptions o,
            Optional<SourceVideo> source) throws IOException {
        String key = f.key();
        if (!o.remux()) {
            return new VideoChoice(episode, key, false, "video_remux=off");
        }
        if (!o.codecFamily().equals("h264")) {
            return new VideoChoice(episode, key, false, "the dataset is encoded with " + o.videoCodec());
        }
        if (source.isEmpty()) {
            return new VideoChoice(episode, key, false,
                    "rows repeat or skip recorded frames (camera aligned to another camera's timeline)");
        }
        SourceVideo s = source.get();
        if (s.frameCount() != rows) {
            return new VideoChoice(episode, key, false, "source run has " + s.frameCount() + " frames for " + rows
                    + " rows");
        }
        Optional<String> why = VideoRemuxer.whyNotCopyable(s.file(), s.firstFrame(), rows, "h264", f.imageWidth(),
                f.imageHeight(), fps);
        return new VideoChoice(episode, key, why.isEmpty(), why.orElse(""));
    }

    /** Writes the choices as {@code {"format": "demoforge.video", "version": 1, "episodes": [...]}}. */
    static void write(Path root, List<VideoChoice> choices) throws IOException {
        Json.writeFile(root.resolve("meta/demoforge_video.json"), w -> {
            w.beginObject().name("format").value("demoforge.video").name("version").value(1);
            w.name("copied").value(choices.stream().filter(VideoChoice::copied).count());
            w.name("encoded").value(choices.stream().filter(c -> !c.copied()).count());
            w.name("episodes").beginArray();
            for (VideoChoice c : choices) {
                w.beginObject().name("episode_index").value(c.episode()).name("video_key").value(c.key());
                w.name("mode").value(c.copied() ? "copied" : "encoded");
                if (!c.copied()) {
                    w.name("reason").value(c.reason());
                }
                w.endObject();
            }
            w.endArray().endObject();
        });
    }
}
