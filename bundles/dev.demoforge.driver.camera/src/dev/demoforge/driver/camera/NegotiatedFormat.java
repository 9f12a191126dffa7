package dev.demoforge.driver.camera;

/**
 * What a camera was asked for and what it granted, once a connection is open. Immutable.
 *
 * @param inputFormat   FFmpeg input format that opened the source ("video4linux2", "rtsp", "mpegts", ...)
 * @param codec         decoder of the video stream ("rawvideo", "mjpeg", "h264", ...)
 * @param askedWidth    width asked for, px (also the published width)
 * @param askedHeight   height asked for, px (also the published height)
 * @param askedFps      frame rate asked for, frames per second
 * @param askedPixelFormat device pixel format asked for, or "auto"
 * @param grantedWidth  width the source delivers, px
 * @param grantedHeight height the source delivers, px
 * @param grantedFps    frame rate the source declares (0 when it declares none)
 * @param grantedPixelFormat pixel format the decoder delivers ("yuyv422", "yuvj422p", ...)
 * @param timestamps    where device times come from (see {@link #describe()})
 * @since 0.1
 */
public record NegotiatedFormat(String inputFormat, String codec, int askedWidth, int askedHeight, double askedFps,
        String askedPixelFormat, int grantedWidth, int grantedHeight, double grantedFps, String grantedPixelFormat,
        String timestamps) {

    /** Whether frames are scaled from the granted size to the asked (published) size. */
    public boolean scaled() {
        return grantedWidth != askedWidth || grantedHeight != askedHeight;
    }

    /** Whether the source declares a frame rate that differs from the one asked by more than 1 %. */
    public boolean rateDiffers() {
        return grantedFps > 0 && Math.abs(grantedFps / askedFps - 1) > 0.01;
    }

    /** One line: granted, then what was asked where it differs, e.g. for a status reason or the CLI. */
    public String describe() {
        StringBuilder b = new StringBuilder();
        b.append(String.format("%dx%d %s (%s/%s) @ %s fps", grantedWidth, grantedHeight, grantedPixelFormat, inputFormat,
                codec, grantedFps > 0 ? fmt(grantedFps) : "?"));
        b.append(String.format("; asked %dx%d %s @ %s fps", askedWidth, askedHeight, askedPixelFormat, fmt(askedFps)));
        if (scaled()) {
            b.append(String.format("; published scaled to %dx%d BGR24", askedWidth, askedHeight));
        } else {
            b.append("; published as BGR24");
        }
        if (rateDiffers()) {
            b.append("; rate differs from the one asked");
        }
        b.append("; timestamps: ").append(timestamps);
        return b.toString();
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format("%.3f", v);
    }
}
