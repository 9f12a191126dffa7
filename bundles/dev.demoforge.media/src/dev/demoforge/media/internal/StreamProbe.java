package dev.demoforge.media.internal;

import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_CORRUPT;
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

import dev.demoforge.media.MediaException;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * Reads the facts of a file's best video stream with libavformat directly, counting packets when the container
 * does not state the number of frames (fragmented MP4 with an empty {@code moov}). Blocking; reads the whole
 * file in that case.
 */
public final class StreamProbe {

    /** Facts of one video stream; {@code frameRateNum/frameRateDen} is the exact rate. */
    public record Facts(String codec, String pixFmt, int width, int height, int frameRateNum, int frameRateDen,
            int frameCount, double durationSeconds) {
    }

    private StreamProbe() {
    }

    public static Facts probe(Path file) throws MediaException {
        Ffmpeg.init();
        AVFormatContext fmt = new AVFormatContext(null);
        // absolute, so that a colon in a relative name is not taken for a protocol ("12:30.mp4")
        int ret = avformat_open_input(fmt, file.toAbsolutePath().toString(), null, (AVDictionary) null);
        if (ret < 0) {
            throw new MediaException("Cannot open video file " + file + ": " + Ffmpeg.errorText(ret));
        }
        try {
            ret = avformat_find_stream_info(fmt, (PointerPointer<?>) null);
            if (ret < 0) {
                throw new MediaException("Cannot read stream information of " + file + ": " + Ffmpeg.errorText(ret));
            }
            int index = av_find_best_stream(fmt, AVMEDIA_TYPE_VIDEO, -1, -1, (AVCodec) null, 0);
            if (index < 0) {
                throw new MediaException("No video stream in " + file + ": " + Ffmpeg.errorText(index));
            }
            AVStream st = fmt.streams(index);
            AVCodecParameters par = st.codecpar();
            if (par.width() <= 0 || par.height() <= 0) {
                throw new MediaException("Video stream of " + file + " has no frame size (corrupt or truncated)");
            }
            AVRational rate = st.avg_frame_rate().num() > 0 ? st.avg_frame_rate() : st.r_frame_rate();
            if (rate.num() <= 0 || rate.den() <= 0) {
                throw new MediaException("Video stream of " + file + " has no frame rate");
            }
            AVRational tb = st.time_base();
            int frames = (int) st.nb_frames();
            double duration = st.duration() != AV_NOPTS_VALUE && st.duration() > 0
                    ? st.duration() * (double) tb.num() / tb.den() : Double.NaN;
            if (frames <= 0 || Double.isNaN(duration)) {
                long[] countAndEnd = countPackets(fmt, index, file);
                frames = (int) countAndEnd[0];
                long start = st.start_time() != AV_NOPTS_VALUE ? st.start_time() : 0;
                duration = countAndEnd[1] == Long.MIN_VALUE ? 0
                        : (countAndEnd[1] - start) * (double) tb.num() / tb.den();
            }
            BytePointer pixName = av_get_pix_fmt_name(par.format());
            return new Facts(avcodec_get_name(par.codec_id()).getString(),
                    pixName == null ? "unknown" : pixName.getString(), par.width(), par.height(),
                    rate.num(), rate.den(), frames, duration);
        } finally {
            avformat_close_input(fmt);
        }
    }

    /** Returns {complete packets of stream {@code index}, largest pts + duration seen (or Long.MIN_VALUE)}. */
    private static long[] countPackets(AVFormatContext fmt, int index, Path file) throws MediaException {
        AVPacket pkt = av_packet_alloc();
        long count = 0;
        long end = Long.MIN_VALUE;
        try {
            int ret;
            while ((ret = av_read_frame(fmt, pkt)) >= 0) {
                // a packet cut short by the end of a truncated file is flagged corrupt and does not decode
                if (pkt.stream_index() == index && (pkt.flags() & AV_PKT_FLAG_CORRUPT) == 0) {
                    count++;
                    if (pkt.pts() != AV_NOPTS_VALUE) {
                        end = Math.max(end, pkt.pts() + Math.max(0, pkt.duration()));
                    }
                }
                av_packet_unref(pkt);
            }
            if (ret != AVERROR_EOF() && count == 0) {
                throw new MediaException("Cannot read packets of " + file + ": " + Ffmpeg.errorText(ret));
            }
        } finally {
            av_packet_free(pkt);
        }
        return new long[] {count, end};
    }
}
