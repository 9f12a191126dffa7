package dev.demoforge.driver.camera.internal;

import static org.bytedeco.ffmpeg.global.avcodec.avcodec_get_name;
import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_ERROR;
import static org.bytedeco.ffmpeg.global.avutil.av_get_pix_fmt_name;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;

import dev.demoforge.driver.camera.CameraSettings;
import dev.demoforge.driver.camera.CameraSettings.SourceKind;
import dev.demoforge.driver.camera.NegotiatedFormat;
import dev.demoforge.media.FfmpegErrors;

/**
 * One open connection to a camera through FFmpeg ({@link FFmpegFrameGrabber}): opens with the settings' options,
 * reports the negotiated format, and hands out frames as packed BGR24 copies in the asked size.
 * <p>
 * Not thread-safe: one thread opens, grabs and closes. {@link #next()} blocks until a frame is decoded, the stream
 * ends, or (network) no data arrived for the settings' I/O timeout.
 */
final class FrameSource implements AutoCloseable {

    /** A decoded frame: BGR24 pixels, host receive time (ns), presentation time in µs as FFmpeg gives it. */
    record Grabbed(byte[] bgr, long hostNanos, long ptsMicros) {
    }

    /** The source could not be opened or read; the message is the reason shown to the user. */
    static final class SourceException extends Exception {
        private static final long serialVersionUID = 1L;

        SourceException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static final Pattern AV_ERROR = Pattern.compile("(\\w+)\\(\\) error (-?\\d+)");
    private static volatile boolean logLevelSet;

    private final FFmpegFrameGrabber grabber;
    private final CameraSettings settings;
    private final NegotiatedFormat format;
    private final int rowBytes;

    private FrameSource(FFmpegFrameGrabber grabber, CameraSettings settings, NegotiatedFormat format) {
        this.grabber = grabber;
        this.settings = settings;
        this.format = format;
        this.rowBytes = settings.width() * 3;
    }

    /** Opens the source; blocks for the connection and stream analysis (network: bounded by the I/O timeout). */
    static FrameSource open(CameraSettings s) throws SourceException {
        quietNativeLog();
        FFmpegFrameGrabber g = new FFmpegFrameGrabber(s.url());
        if (s.inputFormat() != null) {
            g.setFormat(s.inputFormat());
        }
        g.setImageWidth(s.width());
        g.setImageHeight(s.height());
        SourceKind kind = s.kind();
        String micros = Long.toString(s.ioTimeout().toNanos() / 1000);
        switch (kind) {
            case V4L2 -> {
                g.setFrameRate(s.fps());
                g.setOption("pixel_format", null);
                if (s.pixelFormat() != null) {
                    g.setOption("input_format", s.pixelFormat());
                }
            }
            case NETWORK -> {
                g.setOption("rw_timeout", micros);
                g.setOption("analyzeduration", "500000");
                if (s.url().regionMatches(true, 0, "rtsp", 0, 4)) {
                    g.setOption("rtsp_transport", s.rtspTransport());
                    g.setOption("timeout", micros);
                }
            }
            default -> {
            }
        }
        for (Map.Entry<String, String> e : s.ffmpegOptions().entrySet()) {
            g.setOption(e.getKey(), e.getValue());
        }
        try {
            g.start();
        } catch (Exception | LinkageError e) {
            closeQuietly(g);
            throw new SourceException("cannot open " + s.url() + ": " + reason(e), e);
        }
        if (g.getVideoStream() < 0) {
            closeQuietly(g);
            throw new SourceException("no video stream in " + s.url(), null);
        }
        AVStream st = g.getFormatContext().streams(g.getVideoStream());
        AVCodecParameters par = st.codecpar();
        BytePointer pix = av_get_pix_fmt_name(par.format());
        String codec = avcodec_get_name(par.codec_id()).getString();
        NegotiatedFormat f = new NegotiatedFormat(g.getFormat(), codec, s.width(), s.height(), s.fps(),
                s.pixelFormat() == null ? "auto" : s.pixelFormat(), par.width(), par.height(), g.getVideoFrameRate(),
                pix == null ? "unknown" : pix.getString(), timestampSource(kind));
        return new FrameSource(g, s, f);
    }

    NegotiatedFormat format() {
        return format;
    }

    /**
     * The next frame, or null when the stream ended (file end, sender gone, or no data for the I/O timeout: FFmpeg
     * reports these alike).
     */
    Grabbed next() throws SourceException {
        while (true) {
            Frame f;
            try {
                f = grabber.grabImage();
            } catch (Exception e) {
                throw new SourceException("reading " + settings.url() + " failed: " + reason(e), e);
            }
            if (f == null) {
                return null;
            }
            if (f.image == null || f.image.length == 0) {
                continue;
            }
            long host = System.nanoTime();
            return new Grabbed(copyBgr(f), host, f.timestamp);
        }
    }

    private byte[] copyBgr(Frame f) throws SourceException {
        if (f.imageWidth != settings.width() || f.imageHeight != settings.height() || f.imageChannels != 3) {
            throw new SourceException("decoder gave " + f.imageWidth + "x" + f.imageHeight + "x" + f.imageChannels
                    + ", expected " + settings.width() + "x" + settings.height() + "x3", null);
        }
        ByteBuffer src = ((ByteBuffer) f.image[0]).duplicate();
        byte[] bgr = new byte[rowBytes * settings.height()];
        if (f.imageStride == rowBytes) {
            src.position(0);
            src.get(bgr);
        } else {
            for (int y = 0; y < settings.height(); y++) {
                src.position(y * f.imageStride);
                src.get(bgr, y * rowBytes, rowBytes);
            }
        }
        return bgr;
    }

    @Override
    public void close() {
        closeQuietly(grabber);
    }

    static String timestampSource(SourceKind kind) {
        return switch (kind) {
            case V4L2 -> "V4L2 buffer times (kernel, CLOCK_MONOTONIC)";
            case NETWORK -> "sender presentation times (pts)";
            case FILE -> "file presentation times (pts)";
            case GENERATED -> "filter graph presentation times (pts)";
        };
    }

    /** FFmpeg's own words for the error code in a JavaCV exception ("Connection refused", ...), else its message. */
    static String reason(Throwable e) {
        String msg = String.valueOf(e.getMessage());
        Matcher m = AV_ERROR.matcher(msg);
        if (m.find()) {
            int code = Integer.parseInt(m.group(2));
            return FfmpegErrors.text(code) + " (" + m.group(1) + " " + code + ")";
        }
        return msg;
    }

    private static void quietNativeLog() throws SourceException {
        if (!logLevelSet) {
            try {
                FFmpegFrameGrabber.tryLoad();
            } catch (Exception | LinkageError e) {
                throw new SourceException("FFmpeg natives could not be loaded: " + e, e);
            }
            av_log_set_level(AV_LOG_ERROR);
            logLevelSet = true;
        }
    }

    private static void closeQuietly(FFmpegFrameGrabber g) {
        try {
            g.close();
        } catch (Exception e) {
            // closing a half-open grabber: nothing more to release
        }
    }
}
