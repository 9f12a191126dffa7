package dev.demoforge.export.lerobot.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.demoforge.export.api.FeatureSpec;
import dev.demoforge.export.api.SourceVideo;
import dev.demoforge.media.EncoderSettings;
import dev.demoforge.media.MediaException;
import dev.demoforge.media.VideoDecoder;
import dev.demoforge.media.VideoEncoder;
import dev.demoforge.media.VideoInfo;
import dev.demoforge.media.VideoRemuxer;

/**
 * Writes the mp4 files of one video feature. Each episode's frames are either encoded from decoded pictures or, when
 * the recording already is what the dataset needs, copied as compressed packets ({@link VideoRemuxer}); both give a
 * constant-frame-rate file where frame {@code i} of an episode sits at {@code from_timestamp + i / fps}.
 * <p>
 * v3.0: consecutive episodes go back to back into one file, {@code from_timestamp = frames_before / fps}; a new file
 * starts before an episode when {@code current_MB + current_MB / frames_in_file * N >= video_files_size_in_mb} (the
 * recorder's rule, with the episode's size estimated from the file so far), and also when the episode is written
 * the other way (copied vs encoded) or copied from a recording with other codec parameters, since one mp4 has one
 * set of them. v2.1: one file per episode. Each closed file is probed; its frame count and rate must equal what was
 * written. One thread.
 */
final class VideoFileWriter {

    private final Path root;
    private final LeRobotFormat format;
    private final FeatureSpec feature;
    private final int fps;
    private final LeRobotOptions options;
    private final EncoderSettings settings;
    private VideoEncoder encoder;
    private VideoRemuxer remuxer;
    private Path file;
    private ChunkFile position;
    private long framesInFile;
    private long episodeStart;
    private long bytesClosed;
    private VideoInfo firstInfo;

    VideoFileWriter(Path root, LeRobotFormat format, FeatureSpec feature, int fps, LeRobotOptions options) {
        this.root = root;
        this.format = format;
        this.feature = feature;
        this.fps = fps;
        this.options = options;
        this.settings = options.encoderSettings();
    }

    /**
     * Prepares for episode {@code episode} of {@code length} frames, rolling over to a new file if needed. With a
     * {@code copy} source (which {@link VideoRemuxer#whyNotCopyable} accepted) its packets are copied now and
     * {@link #encode} must not be called for this episode.
     */
    void beginEpisode(int episode, int length, SourceVideo copy) throws IOException {
        boolean open = encoder != null || remuxer != null;
        if (format.filePerEpisode()) {
            closeFile();
            position = LeRobotFormat.episodeFile(episode, options.chunksSize());
        } else if (open && (copy == null ? remuxer != null : encoder != null || !remuxer.accepts(copy.file()))) {
            closeFile();
            position = position.next(options.chunksSize());
        } else if (open && ChunkFile.wouldOverflow(Files.size(file), framesInFile, length,
                options.videoFilesSizeMb())) {
            closeFile();
            position = position.next(options.chunksSize());
        } else if (position == null) {
            position = ChunkFile.FIRST;
        }
        if (encoder == null && remuxer == null) {
            file = root.resolve(format.videoPath(feature.key(), position));
            Files.createDirectories(file.getParent());
            if (copy == null) {
                encoder = VideoEncoder.open(file, feature.imageWidth(), feature.imageHeight(), fps, settings);
            } else {
                remuxer = VideoRemuxer.open(file, copy.file(), fps);
            }
            framesInFile = 0;
        }
        episodeStart = framesInFile;
        if (copy != null) {
            remuxer.append(copy.file(), copy.firstFrame(), length);
            framesInFile += length;
        }
    }

    /** Encodes the next frame (packed BGR24) of an episode begun without a copy source. */
    void encode(byte[] bgr) throws MediaException {
        encoder.encodeBgr(bgr);
        framesInFile++;
    }

    /** The span of the episode begun last, after all its frames were written. */
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

    /** Stops writing without checking anything (the export is being abandoned). */
    void abort() {
        try {
            if (encoder != null) {
                encoder.close();
            }
            if (remuxer != null) {
                remuxer.close();
            }
        } catch (MediaException e) {
            // abandoned: the staging directory is deleted next
        }
        encoder = null;
        remuxer = null;
    }

    private void closeFile() throws IOException {
        if (encoder == null && remuxer == null) {
            return;
        }
        VideoEncoder e = encoder;
        VideoRemuxer r = remuxer;
        encoder = null;
        remuxer = null;
        if (e != null) {
            e.close();
        } else {
            r.close();
        }
        VideoInfo info;
        try (VideoDecoder d = VideoDecoder.open(file)) {
            info = d.info();
        }
        if (info.frameCount() != framesInFile || info.fps() != fps) {
            throw new IOException("Video " + file + " probes as " + info.frameCount() + " frames at " + info.fps()
                    + " fps, but " + framesInFile + " frames at " + fps + " fps were written");
        }
        if (firstInfo == null) {
            firstInfo = info;
        }
        bytesClosed += Files.size(file);
    }
}
