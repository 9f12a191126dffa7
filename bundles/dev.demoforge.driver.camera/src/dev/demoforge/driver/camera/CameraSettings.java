package dev.demoforge.driver.camera;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import dev.demoforge.device.api.DeviceConfig;

/**
 * What a camera device asks for, read from its {@link DeviceConfig} properties. Immutable.
 * <ul>
 * <li>{@code url} (or {@code port}): {@code /dev/videoN}, an {@code rtsp://}, {@code http://}, {@code udp://},
 * {@code tcp://}, {@code srt://} URL, a file path, or a lavfi graph with {@code format=lavfi}. Required.</li>
 * <li>{@code format}: FFmpeg input format; default {@code video4linux2} for {@code /dev/video*}, otherwise probed.</li>
 * <li>{@code width}, {@code height} (default 640×480), {@code fps} (default 30): asked of the device; frames are
 * always published in this size (scaled by swscale when the device grants another), so the stream's shape is fixed.</li>
 * <li>{@code pixel_format}: the device format to ask a V4L2 camera for ({@code mjpeg}, {@code yuyv422}, ...);
 * default: the driver's choice. Published frames are BGR24 whatever the device sends.</li>
 * <li>{@code rtsp_transport}: {@code tcp} (default) or {@code udp}.</li>
 * <li>{@code io_timeout_ms} (default 1000): no data for this long on a network stream counts as a loss.</li>
 * <li>{@code reconnect_ms} (default 1000): the wait before each reconnection attempt after a loss.</li>
 * <li>{@code queue} (default 4): frames held between the grab thread and the publishing thread; when full, the
 * oldest is dropped and counted (a live camera keeps its newest frames).</li>
 * <li>{@code pace} (default true for files and lavfi graphs, false otherwise): publish frames no faster than their
 * presentation times (a file is read like a live camera).</li>
 * <li>{@code loop} (default false): restart a file at its end instead of going OFFLINE.</li>
 * <li>{@code ffmpeg.NAME}: passed to FFmpeg as option NAME (e.g. {@code ffmpeg.rtsp_flags=listen}).</li>
 * </ul>
 *
 * @param url           what FFmpeg opens
 * @param inputFormat   FFmpeg input format name, or null to probe
 * @param width         frame width asked for and published, px
 * @param height        frame height asked for and published, px
 * @param fps           frame rate asked for and declared, frames per second
 * @param pixelFormat   V4L2 device pixel format or codec asked for, or null
 * @param rtspTransport RTSP lower transport
 * @param ioTimeout     network read timeout
 * @param reconnectDelay wait before a reconnection attempt
 * @param queueCapacity frames between grab and publish threads (&ge; 1)
 * @param pace          publish at presentation times (files)
 * @param loop          restart files at their end
 * @param ffmpegOptions further FFmpeg options, in order
 * @since 0.1
 */
public record CameraSettings(String url, String inputFormat, int width, int height, double fps, String pixelFormat,
        String rtspTransport, Duration ioTimeout, Duration reconnectDelay, int queueCapacity, boolean pace,
        boolean loop, Map<String, String> ffmpegOptions) {

    /** Where the frames come from; decides the timestamp source and what a loss means. */
    public enum SourceKind {
        /** A Video4Linux2 device node; timestamps are the kernel's buffer times (CLOCK_MONOTONIC). */
        V4L2,
        /** A network stream (RTSP, HTTP, UDP, TCP, SRT, RTMP); timestamps are the sender's presentation times. */
        NETWORK,
        /** A local file; timestamps are the file's presentation times. */
        FILE,
        /** An FFmpeg filter graph ({@code format=lavfi}), e.g. {@code testsrc2}. */
        GENERATED
    }

    public CameraSettings {
        ffmpegOptions = Map.copyOf(ffmpegOptions);
    }

    /**
     * Reads the settings of a camera device.
     *
     * @throws IllegalArgumentException naming the device and the property when a value is missing or unusable
     */
    public static CameraSettings from(DeviceConfig config) {
        String dev = "Camera " + config.deviceId() + ": ";
        String url = config.property("url", config.property("port", "")).strip();
        if (url.isEmpty()) {
            throw new IllegalArgumentException(dev + "property url is missing (a /dev/videoN, an rtsp/http/udp URL or"
                    + " a file)");
        }
        String format = blankToNull(config.property("format", null));
        if (format == null && url.startsWith("/dev/video")) {
            format = "video4linux2";
        }
        int width = intProperty(config, dev, "width", 640, 16, 8192);
        int height = intProperty(config, dev, "height", 480, 16, 8192);
        double fps = number(config, dev, "fps", "30");
        if (!(fps > 0 && fps <= 1000)) {
            throw new IllegalArgumentException(dev + "property fps must be in (0, 1000], was " + fps);
        }
        String transport = config.property("rtsp_transport", "tcp").strip().toLowerCase(Locale.ROOT);
        if (!transport.equals("tcp") && !transport.equals("udp")) {
            throw new IllegalArgumentException(dev + "property rtsp_transport must be tcp or udp, was '" + transport
                    + "'");
        }
        Duration io = Duration.ofMillis(intProperty(config, dev, "io_timeout_ms", 1000, 50, 60_000));
        Duration reconnect = Duration.ofMillis(intProperty(config, dev, "reconnect_ms", 1000, 10, 600_000));
        int queue = intProperty(config, dev, "queue", 4, 1, 256);
        Map<String, String> options = new LinkedHashMap<>();
        config.properties().entrySet().stream().filter(e -> e.getKey().startsWith("ffmpeg."))
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> options.put(e.getKey().substring("ffmpeg.".length()), e.getValue()));
        CameraSettings probe = new CameraSettings(url, format, width, height, fps, null, transport, io, reconnect,
                queue, false, false, options);
        boolean paced = probe.kind() == SourceKind.FILE || probe.kind() == SourceKind.GENERATED;
        return new CameraSettings(url, format, width, height, fps, blankToNull(config.property("pixel_format", null)),
                transport, io, reconnect, queue, bool(config, dev, "pace", paced), bool(config, dev, "loop", false),
                options);
    }

    /** The kind of source the URL and format name. */
    public SourceKind kind() {
        if ("video4linux2".equals(inputFormat) || "v4l2".equals(inputFormat)) {
            return SourceKind.V4L2;
        }
        if ("lavfi".equals(inputFormat)) {
            return SourceKind.GENERATED;
        }
        String scheme = url.contains("://") ? url.substring(0, url.indexOf("://")).toLowerCase(Locale.ROOT) : "";
        return switch (scheme) {
            case "rtsp", "rtsps", "rtmp", "rtmps", "http", "https", "udp", "tcp", "srt", "rtp" -> SourceKind.NETWORK;
            default -> SourceKind.FILE;
        };
    }

    /** The same settings with another URL (the CLI probes URLs and devices given on the command line). */
    public CameraSettings withUrl(String otherUrl, String otherFormat) {
        return new CameraSettings(otherUrl, otherFormat, width, height, fps, pixelFormat, rtspTransport, ioTimeout,
                reconnectDelay, queueCapacity, pace, loop, ffmpegOptions);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static boolean bool(DeviceConfig config, String dev, String key, boolean fallback) {
        String v = config.property(key, Boolean.toString(fallback)).strip().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw new IllegalArgumentException(dev + "property " + key + " must be true or false, was '"
                    + v + "'");
        };
    }

    private static double number(DeviceConfig config, String dev, String key, String fallback) {
        String v = config.property(key, fallback);
        try {
            return Double.parseDouble(v.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(dev + "property " + key + " is not a number: '" + v + "'", e);
        }
    }

    private static int intProperty(DeviceConfig config, String dev, String key, int fallback, int min, int max) {
        String v = config.property(key, Integer.toString(fallback));
        int n;
        try {
            n = Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(dev + "property " + key + " is not an integer: '" + v + "'", e);
        }
        if (n < min || n > max) {
            throw new IllegalArgumentException(dev + "property " + key + " must be in [" + min + ", " + max + "], was "
                    + n);
        }
        return n;
    }
}
