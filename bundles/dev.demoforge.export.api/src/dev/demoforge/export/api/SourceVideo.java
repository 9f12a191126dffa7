package dev.demoforge.export.api;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The recorded video file whose frames a {@link VideoFrames} source hands out unchanged: row {@code r} of the
 * episode is frame {@code firstFrame + r} of {@code file} (frames counted in presentation order from 0), for every
 * row. An exporter that writes the same codec at the same size and rate may copy the file's compressed packets
 * instead of decoding and re-encoding them. Immutable.
 *
 * @param file       the recorded video (MP4), read only
 * @param firstFrame index in {@code file} of the frame shown by row 0, &ge; 0
 * @param frameCount number of rows, each the next frame of {@code file}; &gt; 0
 * @since 0.2
 */
public record SourceVideo(Path file, int firstFrame, int frameCount) {

    /** Validates. */
    public SourceVideo {
        Objects.requireNonNull(file, "file");
        if (firstFrame < 0 || frameCount <= 0) {
            throw new IllegalArgumentException("source video " + file + ": first frame " + firstFrame
                    + " and frame count " + frameCount + " must be >= 0 and > 0");
        }
    }
}
