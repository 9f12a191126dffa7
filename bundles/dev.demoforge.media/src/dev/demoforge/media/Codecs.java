package dev.demoforge.media;

import dev.demoforge.media.internal.Ffmpeg;

/**
 * Which codecs the embedded FFmpeg build offers. The LGPL build has the encoders {@code libopenh264} (H.264),
 * {@code libsvtav1} and {@code libaom-av1} (AV1) and {@code mpeg4}, but not {@code libx264}.
 * <p>
 * Thread-safe; the first call loads the FFmpeg natives (a few hundred milliseconds, blocking).
 *
 * @since 0.1
 */
public final class Codecs {

    private Codecs() {
    }

    /** {@code true} if an encoder of exactly this FFmpeg name (e.g. {@code "libopenh264"}) exists. */
    public static boolean encoderAvailable(String name) {
        return name != null && !name.isBlank() && Ffmpeg.encoderAvailable(name);
    }

    /** {@code true} if a decoder of exactly this FFmpeg name (e.g. {@code "h264"}, {@code "libaom-av1"}) exists. */
    public static boolean decoderAvailable(String name) {
        return name != null && !name.isBlank() && Ffmpeg.decoderAvailable(name);
    }

    /** The FFmpeg version string of the embedded build, e.g. {@code "8.0.1"}. */
    public static String ffmpegVersion() {
        return Ffmpeg.version();
    }
}
