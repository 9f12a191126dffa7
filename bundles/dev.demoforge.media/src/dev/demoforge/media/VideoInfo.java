package dev.demoforge.media;

/**
 * What a video file holds, as probed when it is opened.
 *
 * @param codec           FFmpeg's canonical codec name ({@code "h264"}, {@code "av1"}, {@code "hevc"}), which
 *                        is what LeRobot writes as {@code video.codec}
 * @param pixFmt          FFmpeg pixel format name of the coded stream, e.g. {@code "yuv420p"}
 * @param width           frame width in pixels
 * @param height          frame height in pixels
 * @param fps             frame rate, frames per second, rounded to an integer (DemoForge writes integer rates)
 * @param frameCount      number of video frames; counted by demuxing every packet when the container does not
 *                        state it (fragmented MP4)
 * @param durationSeconds duration of the video stream in seconds ({@code frameCount / fps} for files written by
 *                        {@link VideoEncoder})
 * @since 0.1
 */
public record VideoInfo(String codec, String pixFmt, int width, int height, int fps, int frameCount,
        double durationSeconds) {
}
