package dev.demoforge.media;

import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR24;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;

import dev.demoforge.media.internal.Ffmpeg;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.swscale;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameRecorder;

/**
 * Encodes packed BGR24 frames into an MP4 file at a constant frame rate: frame {@code i} gets presentation time
 * {@code i / fps} seconds exactly (stream time base {@code 1/(fps*k)}), whatever the wall-clock time at which
 * it was handed in. The caller keeps capture times elsewhere.
 * <p>
 * Threads: one thread at a time (not thread-safe); every call blocks while FFmpeg converts, encodes and writes.
 * With {@link EncoderSettings#fragmented()} the file on disk is playable at every moment after the first
 * keyframe interval: each fragment (one GOP) is written and flushed to the OS when the next keyframe is
 * encoded, so a killed process loses at most the last {@link EncoderSettings#gop()} frames (a kill during the
 * write of a fragment leaves a partial one, which {@link Mp4Recovery} cuts off).
 *
 * @since 0.1
 */
public final class VideoEncoder implements AutoCloseable {

    private static final String FRAGMENTED_MOVFLAGS = "frag_keyframe+empty_moov+default_base_moof";

    private final Path file;
    private final int width;
    private final int height;
    private final String codec;
    private final FFmpegFrameRecorder recorder;
    private final Frame frame;
    private long framesWritten;
    private boolean closed;

    private VideoEncoder(Path file, int width, int height, String codec, FFmpegFrameRecorder recorder) {
        this.file = file;
        this.width = width;
        this.height = height;
        this.codec = codec;
        this.recorder = recorder;
        this.frame = new Frame(width, height, Frame.DEPTH_UBYTE, 3);
    }

    /**
     * Creates (or replaces) {@code mp4} and opens the encoder.
     *
     * @param width  frame width in pixels, even
     * @param height frame height in pixels, even
     * @param fps    frames per second, &gt; 0
     * @throws MediaException if the encoder is not in this FFmpeg build (named in the message; FFmpeg itself
     *                        would silently fall back to MPEG-4 Part 2), or the file cannot be created
     */
    public static VideoEncoder open(Path mp4, int width, int height, int fps, EncoderSettings s)
            throws MediaException {
        if (width <= 0 || height <= 0 || width % 2 != 0 || height % 2 != 0) {
            throw new MediaException("Frame size " + width + "x" + height + " for " + mp4
                    + " must be positive and even (yuv420p)");
        }
        if (fps <= 0) {
            throw new MediaException("Frame rate " + fps + " for " + mp4 + " must be > 0");
        }
        if (!Codecs.encoderAvailable(s.codec())) {
            throw new MediaException("Encoder '" + s.codec() + "' is not available in the embedded FFmpeg "
                    + Ffmpeg.version() + " (LGPL build: libopenh264, libsvtav1, libaom-av1, mpeg4); cannot write "
                    + mp4);
        }
        Path parent = mp4.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new MediaException("Directory " + parent + " for video file " + mp4 + " does not exist");
        }
        FFmpegFrameRecorder r = new FFmpegFrameRecorder(mp4.toFile(), width, height, 0);
        r.setFormat("mp4");
        r.setVideoCodecName(s.codec());
        r.setPixelFormat(AV_PIX_FMT_YUV420P);
        r.setFrameRate(fps);
        r.setGopSize(s.gop());
        r.setVideoBitrate(s.bitrateKbps() * 1000);
        r.setMaxBFrames(0);
        if (s.codec().equals("libopenh264")) {
            // JavaCV defaults H.264 to Constrained Baseline; Main enables CABAC: ~3 dB better at equal bit rate
            r.setVideoProfile(avcodec.AV_PROFILE_H264_MAIN);
        }
        r.setInterleaved(false);
        r.setImageScalingFlags(swscale.SWS_BICUBIC | swscale.SWS_ACCURATE_RND | swscale.SWS_FULL_CHR_H_INP);
        if (s.crf() >= 0) {
            r.setVideoOption("crf", Integer.toString(s.crf()));
        }
        if (s.preset() != null) {
            r.setVideoOption("preset", s.preset());
        }
        r.setVideoOption("threads", Integer.toString(s.threads()));
        if (s.fragmented()) {
            r.setOption("movflags", FRAGMENTED_MOVFLAGS);
            r.setOption("flush_packets", "1");
        } else {
            r.setOption("movflags", "+faststart");
        }
        try {
            r.start();
        } catch (FrameRecorder.Exception | RuntimeException e) {
            releaseQuietly(r);
            throw new MediaException("Cannot start encoder '" + s.codec() + "' for " + mp4 + " (" + width + "x"
                    + height + " @ " + fps + " fps): " + e.getMessage(), e);
        }
        return new VideoEncoder(mp4, width, height, s.codec(), r);
    }

    /**
     * Encodes one frame and writes whatever the encoder emits.
     *
     * @param bgr packed BGR24, exactly {@code width * height * 3} bytes, row-major; not retained
     */
    public void encodeBgr(byte[] bgr) throws MediaException {
        if (closed) {
            throw new MediaException("Encoder for " + file + " is closed");
        }
        if (bgr == null || bgr.length != width * height * 3) {
            throw new MediaException("Frame " + framesWritten + " for " + file + " has "
                    + (bgr == null ? "no" : bgr.length) + " bytes, expected " + width + "x" + height + "x3 = "
                    + width * height * 3);
        }
        ByteBuffer buf = (ByteBuffer) frame.image[0];
        buf.clear();
        buf.put(bgr);
        buf.flip();
        try {
            recorder.setFrameNumber((int) framesWritten);
            recorder.record(frame, AV_PIX_FMT_BGR24);
        } catch (FrameRecorder.Exception | RuntimeException e) {
            throw new MediaException("Encoding frame " + framesWritten + " of " + file + " with " + codec
                    + " failed: " + e.getMessage(), e);
        }
        framesWritten++;
    }

    /** Frames passed to {@link #encodeBgr(byte[])} so far. */
    public long framesWritten() {
        return framesWritten;
    }

    /** The file being written. */
    public Path file() {
        return file;
    }

    /** Drains the encoder, writes the trailer and closes the file. Idempotent. */
    @Override
    public void close() throws MediaException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            recorder.stop();
        } catch (FrameRecorder.Exception | RuntimeException e) {
            throw new MediaException("Finishing " + file + " after " + framesWritten + " frames failed: "
                    + e.getMessage(), e);
        } finally {
            releaseQuietly(recorder);
            frame.close();
        }
    }

    private static void releaseQuietly(FFmpegFrameRecorder r) {
        try {
            r.release();
        } catch (FrameRecorder.Exception | RuntimeException e) {
            // already failing or closing: the first error is the one reported
        }
    }
}
