package dev.demoforge.media;

import java.util.Objects;

/**
 * How {@link VideoEncoder} encodes: always {@code yuv420p} in MP4, constant frame rate, no B-frames needed for
 * exact timestamps. Immutable, thread-safe.
 *
 * @param codec       FFmpeg encoder name: {@code "libopenh264"} (H.264, always Main profile), {@code "libsvtav1"}
 *                    or {@code "libaom-av1"} (AV1), {@code "mpeg4"}; {@code libx264} is not in the LGPL build
 * @param gop         largest keyframe interval in frames (&ge; 1; encoders may add keyframes at scene cuts).
 *                    Seeking decodes from the previous keyframe, and a fragmented file is cut at keyframes,
 *                    so the GOP bounds both seek cost and crash loss
 * @param bitrateKbps target bit rate in kbit/s, or 0 to encode at constant quality {@code crf}
 * @param crf         constant-rate factor for encoders that have one (libsvtav1, libaom-av1), or -1 for none;
 *                    at least one of {@code bitrateKbps > 0} and {@code crf >= 0} must hold
 * @param preset      encoder speed preset as FFmpeg's {@code preset} option takes it (libsvtav1: {@code "10"}
 *                    fastest … {@code "0"}; SVT-AV1 3.1 maps 11–13 to 10), or {@code null} for the encoder's
 *                    default (libopenh264 has none)
 * @param threads     encoder threads, 0 for FFmpeg's automatic choice
 * @param fragmented  {@code true}: fragmented MP4 ({@code movflags=frag_keyframe+empty_moov+default_base_moof},
 *                    every fragment flushed to the OS when written), so a killed process leaves a playable file
 *                    holding all frames up to the last keyframe; {@code false}: one {@code moov} moved to the
 *                    front at close ({@code +faststart}), unreadable if the process dies before
 *                    {@link VideoEncoder#close()}
 * @since 0.1
 */
public record EncoderSettings(String codec, int gop, int bitrateKbps, int crf, String preset, int threads,
        boolean fragmented) {

    public EncoderSettings {
        Objects.requireNonNull(codec, "codec");
        if (codec.isBlank()) {
            throw new IllegalArgumentException("codec name is blank");
        }
        if (gop < 1) {
            throw new IllegalArgumentException("gop must be >= 1 frame, got " + gop);
        }
        if (bitrateKbps < 0 || crf < -1 || threads < 0) {
            throw new IllegalArgumentException("negative bitrateKbps, crf or threads: " + bitrateKbps + ", " + crf
                    + ", " + threads);
        }
        if (bitrateKbps == 0 && crf < 0) {
            throw new IllegalArgumentException("neither a bit rate nor a crf for codec " + codec);
        }
    }

    /**
     * Live recording of a camera: H.264 through {@code libopenh264} (Main profile, CABAC), fragmented MP4,
     * GOP 15 frames, 3000 kbit/s, one encoder thread.
     * <p>
     * Why (measured by {@code MediaBenchmarkTest} at 640×480, 30 fps, synthetic content with sensor noise, on
     * 2 shared and heavily loaded cores; figures in {@code docs/media.md}):
     * <ul>
     * <li>GOP 15 = 0.5 s at 30 fps. A crash loses at most one GOP (the fragment being filled), and a seek
     * decodes at most 14 frames: seek p95 18–24 ms against 21–36 ms at GOP 30 and 52–56 ms at GOP 60 on a
     * loaded machine, so a scrub stays within one 33 ms UI frame. The file is only ≈ 2 % larger than at
     * GOP 30 (GOP 10: +4 %), because at camera noise levels P-frames cost almost as much as keyframes.</li>
     * <li>3000 kbit/s is a ceiling, not a constant rate: openh264's quality mode stops at its best quantizer
     * (a static scene with moving objects used 2.7 Mbit/s, 36.8 dB PSNR, ≈ 20 MB/min). On a panning camera,
     * where every pixel moves, 3000 kbit/s gives 35.5 dB, 2000 kbit/s only 32.7 dB, 5000 kbit/s 36.1 dB at
     * 1.7× the size. The raw recording is the source of every later export, so it keeps this headroom.</li>
     * <li>One thread: every camera has its own encode thread already; automatic threading gave no gain at this
     * size (openh264 ran at ≈ 330 fps on the static scene, ≈ 130 fps panning, single-threaded).</li>
     * </ul>
     * Scale the bit rate with the pixel rate for larger cameras ({@link #withBitrateKbps(int)}).
     */
    public static EncoderSettings capture() {
        return new EncoderSettings("libopenh264", 15, 3000, -1, null, 1, true);
    }

    /**
     * Dataset export (LeRobot and similar): H.264 {@code yuv420p}, decodable by every FFmpeg (AV1 needs dav1d or
     * libaom on the reader's side); GOP 2 as LeRobot's own default {@code g=2}, for cheap random access while
     * training (seek p95 ≈ 6–19 ms); non-fragmented with {@code +faststart}; automatic thread count (export
     * runs as a background job). At GOP 2 openh264 overshoots the 4000 kbit/s target (≈ 5.4–6.2 Mbit/s,
     * 41–47 MB/min at 640×480, 37 dB); {@code withGop(10)} roughly halves the size.
     */
    public static EncoderSettings dataset() {
        return new EncoderSettings("libopenh264", 2, 4000, -1, null, 0, false);
    }

    /** These settings with another encoder. */
    public EncoderSettings withCodec(String newCodec) {
        return new EncoderSettings(newCodec, gop, bitrateKbps, crf, preset, threads, fragmented);
    }

    /** These settings with another keyframe interval in frames. */
    public EncoderSettings withGop(int newGop) {
        return new EncoderSettings(codec, newGop, bitrateKbps, crf, preset, threads, fragmented);
    }

    /** These settings with another target bit rate in kbit/s (0 = constant quality, needs a crf). */
    public EncoderSettings withBitrateKbps(int newBitrateKbps) {
        return new EncoderSettings(codec, gop, newBitrateKbps, crf, preset, threads, fragmented);
    }

    /** These settings at constant quality {@code newCrf} with {@code newPreset} (bit rate set to 0). */
    public EncoderSettings withCrf(int newCrf, String newPreset) {
        return new EncoderSettings(codec, gop, 0, newCrf, newPreset, threads, fragmented);
    }

    /** These settings with another encoder thread count (0 = automatic). */
    public EncoderSettings withThreads(int newThreads) {
        return new EncoderSettings(codec, gop, bitrateKbps, crf, preset, newThreads, fragmented);
    }
}
