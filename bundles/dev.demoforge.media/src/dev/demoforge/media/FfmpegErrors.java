package dev.demoforge.media;

import static org.bytedeco.ffmpeg.global.avutil.av_make_error_string;

import org.bytedeco.javacpp.BytePointer;

/**
 * FFmpeg's words for its error codes, as error messages quote them. Thread-safe.
 *
 * @since 0.3
 */
public final class FfmpegErrors {

    private static final int BUFFER = 256;

    private FfmpegErrors() {
    }

    /** FFmpeg's text for an {@code AVERROR} code (e.g. "End of file"), without the code. */
    public static String text(int code) {
        try (BytePointer buf = new BytePointer(BUFFER)) {
            av_make_error_string(buf, BUFFER, code);
            String text = buf.getString();
            int end = text.indexOf('\0');
            return end < 0 ? text : text.substring(0, end);
        }
    }
}
