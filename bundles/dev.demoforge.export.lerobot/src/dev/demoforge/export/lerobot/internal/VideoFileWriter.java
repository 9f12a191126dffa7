package dev.demoforge.export.lerobot.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.demoforge.export.api.FeatureSpec;
import dev.demoforge.media.EncoderSettings;
import dev.demoforge.media.MediaException;
import dev.demoforge.media.VideoDecoder;
import dev.demoforge.media.VideoEncoder;
import dev.demoforge.media.VideoInfo;

/**
 * Writes {@code videos/<key>/chunk-XXX/file-YYY.mp4} for one video feature: consecutive episodes are encoded in one
 * continuous constant-frame-rate run, so frame {@code i} of an episode sits at {@code from_timestamp + i / fps}
 * with {@code from_timestamp = frames_before / fps}. A new file starts before an episode when
 * {@code current_MB + current_MB / frames_in_file * N >= video_files_size_in_mb} (the recorder's rule, with the
 * episode's size estimated from the file so far). Each closed file is probed; its frame count must equal the frames
 * encoded. One thread.
 */
final class VideoFileWriter {

    private final Path root;
    private final FeatureSpec feature;
    private final int fps;
    private final LeRobotOptions options;
    private final EncoderSettings settings;
    private VideoEncoder encoder;
    private Path file;
    private ChunkFile position = ChunkFile.FIRST;
    private long framesInFile;
    private long episodeStart;
    private long bytesClosed;
    private VideoInfo firstInfo;

    VideoFileWriter(Path root, FeatureSpec feature, int fps, LeRobotOptions options) {
        this.root = root;
        this.feature = feature;
        this.fps = fps;
        this.options = options;
        this.settings = options.encoderSettings();
    }

    /** Prepares for an episode of {@code length} frames, rolling over to a new file if needed. */
    void beginEpisode(int length) throws IOException {
        if (encoder != null && ChunkFile.wouldOverflow(Files.size(file), framesInFile, length,
                options.videoFilesSizeMb())) {
            closeFile();
            position = position.next(options.chunksSize());
        }
        if (encoder == null) {
            file = root.resolve(position.videoPath(feature.key()));
            Files.createDirectories(file.getParent());
            encoder = VideoEncoder.open(file, feature.imageWidth(), feature.imageHeight(), fps, settings);
            framesInFile = 0;
        }
        episodeStart = framesInFile;
    }

    /** Encodes the next frame (packed BGR24). */
    void encode(byte[] bgr) throws MediaException {
        encoder.encodeBgr(bgr);
        framesInFile++;
    }

    /** The span of the episode begun last, after all its frames were encoded. */
    EpisodeRecord.VideoSpan endEpisode() {
        return new EpisodeRecord.VideoSpan(position, (double) episodeStart / fps, (double) framesInFile / fps);
    }

    /** Closes the current file; returns what the first file of this key holds (for {@code info.json}). */
    VideoInfo finish() throws IOException {
        closeFile();
        return firstInfo;
    }

    /** Bytes of the files closed so far. */
    long bytesClosed() {
        return bytesClosed;
    }

    /** Stops encoding without checking anything (the export is being abandoned). */
    void abort() {
        if (encoder != null) {
            try {
                encoder.close();
            } catch (MediaException e) {
                // abandoned: the staging directory is deleted next
            }
            encoder = null;
        }
    }

    private void closeFile() throws IOException {
        if (encoder == null) {
            return;
        }
        VideoEncoder e = encoder;
        encoder = null;
        e.close();
        VideoInfo info;
        try (VideoDecoder d = VideoDecoder.open(file)) {
            info = d.info();
        }
        if (info.frameCount() != framesInFile || info.fps() != fps) {
            throw new IOException("Video " + file + " probes as " + info.frameCount() + " frames at " + info.fps()
                    + " fps, but " + framesInFile + " frames at " + fps + " fps were encoded");
        }
        if (firstInfo == null) {
            firstInfo = info;
        }
        bytesClosed += Files.size(file);
    }
}
