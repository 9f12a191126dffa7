package dev.demoforge.media;

import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_copy;
import static org.bytedeco.ffmpeg.global.avformat.AVIO_FLAG_WRITE;
import static org.bytedeco.ffmpeg.global.avformat.av_interleaved_write_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_write_trailer;
import static org.bytedeco.ffmpeg.global.avformat.avformat_alloc_output_context2;
import static org.bytedeco.ffmpeg.global.avformat.avformat_free_context;
import static org.bytedeco.ffmpeg.global.avformat.avformat_new_stream;
import static org.bytedeco.ffmpeg.global.avformat.avformat_write_header;
import static org.bytedeco.ffmpeg.global.avformat.avio_closep;
import static org.bytedeco.ffmpeg.global.avformat.avio_open;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_free;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_set;

import java.nio.file.Path;
import java.util.Optional;

import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVRational;

import dev.demoforge.media.internal.Ffmpeg;
import dev.demoforge.media.internal.PacketReader;

/**
 * Writes an MP4 by copying compressed video packets out of recorded files, without decoding or re-encoding: runs of
 * frames from one or more sources are appended back to back, and every copied frame gets the presentation time
 * {@code i / fps} of its position {@code i} in the output, so the result is a constant-frame-rate file exactly like
 * one {@link VideoEncoder} writes ({@code +faststart}, one {@code moov} in front).
 * <p>
 * Constraints (checked by {@link #whyNotCopyable}, never discovered half-way): a run must start on a keyframe,
 * the source must have no frame reordering (no B-frames: decode order is presentation order, so frame {@code k} is
 * the {@code k}-th packet), and every source appended to one output must have the same codec, size, pixel format
 * and codec setup bytes (H.264 SPS/PPS) as the first. The keyframe interval of the output is the sources'.
 * <p>
 * One thread; every call blocks on file I/O (no decoding, so it runs at disk speed).
 *
 * @since 0.2
 */
public final class VideoRemuxer implements AutoCloseable {

    private final Path file;
    private final int fps;
    private final PacketReader template;
    private final AVFormatContext out;
    private final AVStream stream;
    private long framesWritten;
    private boolean closed;

    private VideoRemuxer(Path file, int fps, PacketReader template, AVFormatContext out, AVStream stream) {
        this.file = file;
        this.fps = fps;
        this.template = template;
        this.out = out;
        this.stream = stream;
    }

    /**
     * Why frames {@code [first, first + count)} of {@code source} cannot be copied into a {@code codec} video of
     * {@code width x height} at {@code fps}; empty when they can. Reads the packets up to the end of the run (no
     * decoding).
     *
     * @param codec FFmpeg's canonical codec name the output must have ({@code "h264"})
     */
    public static Optional<String> whyNotCopyable(Path source, int first, int count, String codec, int width,
            int height, int fps) throws MediaException {
        try (PacketReader r = PacketReader.open(source)) {
            if (!r.codecName().equals(codec)) {
                return Optional.of(source.getFileName() + " is " + r.codecName() + ", the dataset wants " + codec);
            }
            if (r.parameters().width() != width || r.parameters().height() != height) {
                return Optional.of(source.getFileName() + " is " + r.parameters().width() + "x"
                        + r.parameters().height() + ", the dataset wants " + width + "x" + height);
            }
            if (!r.pixelFormat().equals("yuv420p")) {
                return Optional.of(source.getFileName() + " has pixel format " + r.pixelFormat() + ", not yuv420p");
            }
            AVRational rate = r.frameRate();
            if (rate == null || (long) rate.num() != (long) fps * rate.den()) {
                return Optional.of(source.getFileName() + " runs at " + (rate == null ? "no stated rate"
                        : rate.num() + "/" + rate.den() + " fps") + ", the dataset at " + fps + " fps");
            }
            if (r.parameters().video_delay() > 0) {
                return Optional.of(source.getFileName() + " reorders frames (B-frames)");
            }
            long previousPts = Long.MIN_VALUE;
            for (int k = 0; k < first + count; k++) {
                AVPacket p = r.next();
                if (p == null) {
                    return Optional.of(source.getFileName() + " has " + k + " frames, the run needs "
                            + (first + count));
                }
                if (!PacketReader.hasPts(p) || p.pts() <= previousPts || p.dts() != p.pts()) {
                    return Optional.of(source.getFileName() + " frame " + k + " is out of presentation order");
                }
                previousPts = p.pts();
                if (k == first && !PacketReader.isKey(p)) {
                    return Optional.of("frame " + first + " of " + source.getFileName()
                            + " is not a keyframe (the episode starts inside a group of pictures)");
                }
            }
            return Optional.empty();
        }
    }

    /**
     * Creates (or replaces) {@code mp4} with the video stream parameters of {@code template}.
     *
     * @param fps frame rate of the output; frame {@code i} is written at {@code i / fps} s
     */
    public static VideoRemuxer open(Path mp4, Path template, int fps) throws MediaException {
        if (fps <= 0) {
            throw new MediaException("Frame rate " + fps + " for " + mp4 + " must be > 0");
        }
        PacketReader t = PacketReader.open(template);
        AVFormatContext out = new AVFormatContext(null);
        int ret = avformat_alloc_output_context2(out, null, "mp4", mp4.toAbsolutePath().toString());
        if (ret < 0) {
            t.close();
            throw new MediaException("Cannot create an MP4 muxer for " + mp4 + ": " + Ffmpeg.errorText(ret));
        }
        AVDictionary options = new AVDictionary(null);
        try {
            AVStream st = avformat_new_stream(out, (AVCodec) null);
            check(avcodec_parameters_copy(st.codecpar(), t.parameters()), "copying stream parameters", mp4);
            st.codecpar().codec_tag(0);
            st.time_base().num(1).den(fps);
            st.avg_frame_rate().num(fps).den(1);
            st.r_frame_rate().num(fps).den(1);
            AVIOContext pb = new AVIOContext(null);
            check(avio_open(pb, mp4.toAbsolutePath().toString(), AVIO_FLAG_WRITE), "opening", mp4);
            out.pb(pb);
            av_dict_set(options, "movflags", "+faststart", 0);
            check(avformat_write_header(out, options), "writing the header of", mp4);
            return new VideoRemuxer(mp4, fps, t, out, st);
        } catch (MediaException | RuntimeException e) {
            if (out.pb() != null) {
                avio_closep(out.pb());
            }
            avformat_free_context(out);
            t.close();
            throw e;
        } finally {
            av_dict_free(options);
        }
    }

    /** Whether frames of {@code source} can be appended to this file (same codec parameters as the first source). */
    public boolean accepts(Path source) throws MediaException {
        try (PacketReader r = PacketReader.open(source)) {
            return r.sameParameters(template);
        }
    }

    /**
     * Appends frames {@code [first, first + count)} of {@code source}, which {@link #whyNotCopyable} accepted and
     * {@link #accepts} too; they become frames {@code framesWritten() ...} of this file.
     */
    public void append(Path source, int first, int count) throws MediaException {
        if (closed) {
            throw new MediaException("Remuxer for " + file + " is closed");
        }
        try (PacketReader r = PacketReader.open(source)) {
            if (!r.sameParameters(template)) {
                throw new MediaException(source + " has other codec parameters than " + template.file()
                        + "; its frames cannot join " + file);
            }
            AVRational tb = stream.time_base();
            long ticksPerFrame = tb.den() / ((long) fps * tb.num());
            for (int k = 0; k < first + count; k++) {
                AVPacket p = r.next();
                if (p == null) {
                    throw new MediaException(source + " ended after " + k + " frames; " + (first + count)
                            + " were to be copied into " + file);
                }
                if (k < first) {
                    continue;
                }
                if (k == first && !PacketReader.isKey(p)) {
                    throw new MediaException("Frame " + first + " of " + source + " is not a keyframe");
                }
                long pts = framesWritten * ticksPerFrame;
                p.pts(pts).dts(pts).duration(ticksPerFrame).stream_index(0).pos(-1);
                check(av_interleaved_write_frame(out, p), "writing a packet to", file);
                framesWritten++;
            }
        }
    }

    /** Frames copied so far. */
    public long framesWritten() {
        return framesWritten;
    }

    /** The file being written. */
    public Path file() {
        return file;
    }

    /** Writes the trailer and closes the file. Idempotent. */
    @Override
    public void close() throws MediaException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            check(av_write_trailer(out), "finishing", file);
        } finally {
            avio_closep(out.pb());
            avformat_free_context(out);
            template.close();
        }
    }

    private static void check(int ret, String what, Path file) throws MediaException {
        if (ret < 0) {
            throw new MediaException("FFmpeg failed " + what + " " + file + ": " + Ffmpeg.errorText(ret));
        }
    }
}
