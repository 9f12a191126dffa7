package dev.demoforge.media.internal;

import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_CORRUPT;
import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_KEY;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_get_name;
import static org.bytedeco.ffmpeg.global.avformat.av_find_best_stream;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_find_stream_info;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.av_get_pix_fmt_name;

import java.nio.file.Path;
import java.util.Arrays;

import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.PointerPointer;

import dev.demoforge.media.MediaException;

/**
 * Reads the compressed packets of a file's best video stream in file (decode) order, without decoding. One thread;
 * blocking file I/O. Packets flagged corrupt (cut short by a crash) are skipped, as decoders skip them.
 */
public final class PacketReader implements AutoCloseable {

    private final Path file;
    private final AVFormatContext fmt;
    private final int index;
    private final AVPacket packet = av_packet_alloc();
    private boolean closed;

    private PacketReader(Path file, AVFormatContext fmt, int index) {
        this.file = file;
        this.fmt = fmt;
        this.index = index;
    }

    public static PacketReader open(Path file) throws MediaException {
        Ffmpeg.init();
        AVFormatContext fmt = new AVFormatContext(null);
        int ret = avformat_open_input(fmt, file.toAbsolutePath().toString(), null, (AVDictionary) null);
        if (ret < 0) {
            throw new MediaException("Cannot open video file " + file + ": " + Ffmpeg.errorText(ret));
        }
        ret = avformat_find_stream_info(fmt, (PointerPointer<?>) null);
        int index = ret < 0 ? ret : av_find_best_stream(fmt, AVMEDIA_TYPE_VIDEO, -1, -1, (AVCodec) null, 0);
        if (index < 0) {
            avformat_close_input(fmt);
            throw new MediaException("No readable video stream in " + file + ": " + Ffmpeg.errorText(index));
        }
        return new PacketReader(file, fmt, index);
    }

    public Path file() {
        return file;
    }

    public AVStream stream() {
        return fmt.streams(index);
    }

    public AVCodecParameters parameters() {
        return stream().codecpar();
    }

    /** FFmpeg's canonical codec name ("h264"). */
    public String codecName() {
        return avcodec_get_name(parameters().codec_id()).getString();
    }

    public String pixelFormat() {
        BytePointer name = av_get_pix_fmt_name(parameters().format());
        return name == null ? "unknown" : name.getString();
    }

    /** The stream's frame rate as num/den, or null if the file states none. */
    public AVRational frameRate() {
        AVStream st = stream();
        AVRational r = st.avg_frame_rate().num() > 0 ? st.avg_frame_rate() : st.r_frame_rate();
        return r.num() > 0 && r.den() > 0 ? r : null;
    }

    /** The codec's out-of-band setup bytes (H.264: the avcC record with SPS and PPS). */
    public byte[] extradata() {
        AVCodecParameters p = parameters();
        byte[] b = new byte[Math.max(0, p.extradata_size())];
        if (b.length > 0) {
            p.extradata().get(b);
        }
        return b;
    }

    /** Whether another reader's stream has the same codec, size, pixel format and setup bytes. */
    public boolean sameParameters(PacketReader other) {
        AVCodecParameters a = parameters();
        AVCodecParameters b = other.parameters();
        return a.codec_id() == b.codec_id() && a.width() == b.width() && a.height() == b.height()
                && a.format() == b.format() && Arrays.equals(extradata(), other.extradata());
    }

    /**
     * The next intact video packet, owned by this reader until the next call; null at the end of the file.
     * Its {@code pts}/{@code dts} are in {@link #stream()}'s time base.
     */
    public AVPacket next() throws MediaException {
        av_packet_unref(packet);
        int ret;
        while ((ret = av_read_frame(fmt, packet)) >= 0) {
            if (packet.stream_index() == index && (packet.flags() & AV_PKT_FLAG_CORRUPT) == 0) {
                return packet;
            }
            av_packet_unref(packet);
        }
        if (ret != AVERROR_EOF()) {
            throw new MediaException("Reading packets of " + file + " failed: " + Ffmpeg.errorText(ret));
        }
        return null;
    }

    /** Whether a packet holds a keyframe (a decoder can start there). */
    public static boolean isKey(AVPacket p) {
        return (p.flags() & AV_PKT_FLAG_KEY) != 0;
    }

    /** Whether a packet has a presentation time. */
    public static boolean hasPts(AVPacket p) {
        return p.pts() != AV_NOPTS_VALUE;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            av_packet_free(packet);
            avformat_close_input(fmt);
        }
    }
}
