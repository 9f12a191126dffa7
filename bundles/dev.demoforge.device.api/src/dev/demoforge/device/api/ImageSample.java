package dev.demoforge.device.api;

/**
 * One camera frame, packed BGR24, row-major, {@code bgr.length == width * height * 3}.
 *
 * @since 0.1
 */
public record ImageSample(long hostNanos, long deviceNanos, String clockId, int width, int height, byte[] bgr)
        implements Sample {

    public ImageSample {
        if (bgr.length != width * height * 3) {
            throw new IllegalArgumentException("BGR buffer of " + bgr.length + " bytes for " + width + "x" + height);
        }
    }
}
