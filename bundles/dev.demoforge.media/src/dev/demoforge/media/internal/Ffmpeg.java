package dev.demoforge.media.internal;

import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder_by_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_encoder_by_name;
import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_ERROR;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;
import static org.bytedeco.ffmpeg.global.avutil.av_version_info;

import dev.demoforge.media.FfmpegErrors;

/**
 * Loads the FFmpeg natives once and answers small questions about the build. Thread-safe.
 */
public final class Ffmpeg {

    private static volatile boolean initialized;

    private Ffmpeg() {
    }

    /**
     * Loads the natives (through the static initializers of the JavaCPP presets) and limits FFmpeg's own
     * console output to errors; warnings such as the muxer's per-file notes would otherwise flood the log.
     */
    public static void init() {
        if (!initialized) {
            synchronized (Ffmpeg.class) {
                if (!initialized) {
                    av_log_set_level(AV_LOG_ERROR);
                    initialized = true;
                }
            }
        }
    }

    public static boolean encoderAvailable(String name) {
        init();
        return avcodec_find_encoder_by_name(name) != null;
    }

    public static boolean decoderAvailable(String name) {
        init();
        return avcodec_find_decoder_by_name(name) != null;
    }

    public static String version() {
        init();
        return av_version_info().getString();
    }

    /** FFmpeg's text for an {@code AVERROR} code, followed by the code. */
    public static String errorText(int code) {
        return FfmpegErrors.text(code) + " (" + code + ")";
    }
}
