package dev.demoforge.media;

import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR24;

import dev.demoforge.media.internal.StreamProbe;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;

/**
 * Decodes a video file to packed BGR24 frames, sequentially or by frame index.
 * <p>
 * Frame {@code n} is the frame presented at {@code n / fps} seconds. {@link #frameBgr(int)} seeks to the
 * keyframe at or before it and decodes forward ({@code FFmpegFrameGrabber.setTimestamp(round(n * 1e6 / fps))},
 * which was frame-exact on every codec tried), so its cost grows with the GOP length; asking for the frame
 * that follows the last one returned costs one decode.
 * <p>
 * Threads: one thread at a time (not thread-safe); calls block while FFmpeg reads and decodes.
 *
 * @since 0.1
 */
public final class VideoDecoder implements AutoCloseable {

    private final Path file;
    private final VideoInfo info;
    private final double exactFps;
    private final FFmpegFrameGrabber grabber;
    private int nextIndex;
    private byte[] last;
    private boolean closed;

    private VideoDecoder(Path file, VideoInfo info, double exactFps, FFmpegFrameGrabber grabber) {
        this.file = file;
        this.info = info;
        this.exactFps = exactFps;
        this.grabber = grabber;
    }

    /**
     * Opens and probes {@code mp4} (any container FFmpeg reads). Blocking; for a fragmented file without a frame
     * count this reads every packet once.
     *
     * @throws MediaException naming the file if it is missing, not a video, corrupt or truncated before its
     *                        first frame
     */
    public static VideoDecoder open(Path mp4) throws MediaException {
        if (!Files.isRegularFile(mp4)) {
            throw new MediaException("Video file " + mp4 + " does not exist or is not a regular file");
        }
        StreamProbe.Facts facts = StreamProbe.probe(mp4);
        if (facts.frameCount() <= 0) {
            throw new MediaException("Video file " + mp4 + " contains no video frames (truncated?)");
        }
        double exactFps = (double) facts.frameRateNum() / facts.frameRateDen();
        VideoInfo info = new VideoInfo(facts.codec(), facts.pixFmt(), facts.width(), facts.height(),
                (int) Math.round(exactFps), facts.frameCount(), facts.durationSeconds());
        FFmpegFrameGrabber g = new FFmpegFrameGrabber(mp4.toFile());
        g.setPixelFormat(AV_PIX_FMT_BGR24);
        try {
            g.start();
        } catch (FrameGrabber.Exception | RuntimeException e) {
            closeQuietly(g);
            throw new MediaException("Cannot decode video file " + mp4 + ": " + e.getMessage(), e);
        }
        if (!g.hasVideo() || g.getImageWidth() != info.width() || g.getImageHeight() != info.height()) {
            closeQuietly(g);
            throw new MediaException("Video file " + mp4 + " has no decodable video stream of "
                    + info.width() + "x" + info.height());
        }
        return new VideoDecoder(mp4, info, exactFps, g);
    }

    /** What the file holds. */
    public VideoInfo info() {
        return info;
    }

    /** The file being read. */
    public Path file() {
        return file;
    }

    /** Index of the frame {@link #nextBgr()} returns next. */
    public int nextIndex() {
        return nextIndex;
    }

    /**
     * The next frame in presentation order as packed BGR24 ({@code width * height * 3} bytes, a new array), or
     * {@code null} after the last frame.
     */
    public byte[] nextBgr() throws MediaException {
        ensureOpen();
        Frame f;
        try {
            f = grabber.grabImage();
        } catch (FrameGrabber.Exception | RuntimeException e) {
            throw new MediaException("Decoding frame " + nextIndex + " of " + file + " failed: " + e.getMessage(),
                    e);
        }
        if (f == null || f.image == null) {
            return null;
        }
        nextIndex++;
        last = copyBgr(f);
        return last.clone();
    }

    /**
     * Frame {@code index} (0-based, presented at {@code index / fps} s) as packed BGR24, a new array; afterwards
     * {@link #nextBgr()} continues with {@code index + 1}.
     *
     * @throws MediaException if {@code index} is outside {@code [0, frameCount)} or decoding fails
     */
    public byte[] frameBgr(int index) throws MediaException {
        ensureOpen();
        if (index < 0 || index >= info.frameCount()) {
            throw new MediaException("Frame " + index + " is outside 0.." + (info.frameCount() - 1) + " of " + file);
        }
        if (index == nextIndex - 1 && last != null) {
            return last.clone();
        }
        if (index != nextIndex) {
            long target = Math.round(index * 1e6 / exactFps);
            try {
                if (Math.abs(grabber.getTimestamp() - target) <= 1) {
                    // JavaCV decodes forward only while its last timestamp differs from the target, so a seek
                    // to the frame it last decoded would return the keyframe: move away first
                    grabber.setTimestamp(target > 0 ? 0 : Math.round(1e6 / exactFps));
                }
                grabber.setTimestamp(target);
            } catch (FrameGrabber.Exception | RuntimeException e) {
                throw new MediaException("Seeking to frame " + index + " of " + file + " failed: " + e.getMessage(),
                        e);
            }
            nextIndex = index;
            last = null;
        }
        byte[] bgr = nextBgr();
        if (bgr == null) {
            throw new MediaException("Frame " + index + " of " + file + " could not be decoded (file truncated?)");
        }
        return bgr;
    }

    @Override
    public void close() throws MediaException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            grabber.close();
        } catch (FrameGrabber.Exception | RuntimeException e) {
            throw new MediaException("Closing " + file + " failed: " + e.getMessage(), e);
        }
    }

    private void ensureOpen() throws MediaException {
        if (closed) {
            throw new MediaException("Decoder for " + file + " is closed");
        }
    }

    private byte[] copyBgr(Frame f) throws MediaException {
        int w = info.width();
        int h = info.height();
        if (f.imageWidth != w || f.imageHeight != h || f.imageChannels != 3) {
            throw new MediaException("Frame " + (nextIndex - 1) + " of " + file + " decoded as " + f.imageWidth + "x"
                    + f.imageHeight + "x" + f.imageChannels + ", expected " + w + "x" + h + "x3");
        }
        ByteBuffer src = ((ByteBuffer) f.image[0]).duplicate();
        byte[] out = new byte[w * h * 3];
        int row = w * 3;
        if (f.imageStride == row) {
            src.position(0).get(out, 0, out.length);
        } else {
            for (int y = 0; y < h; y++) {
                src.position(y * f.imageStride).get(out, y * row, row);
            }
        }
        return out;
    }

    private static void closeQuietly(FFmpegFrameGrabber g) {
        try {
            g.close();
        } catch (FrameGrabber.Exception | RuntimeException e) {
            // the open error is the one reported
        }
    }
}
