package dev.demoforge.export.hdf5.internal;

import dev.demoforge.export.api.FeatureSpec;

/**
 * The size image arrays are stored at: every camera's own ({@link #NATIVE}) or one size for all (option
 * {@code image_size=WxH}; ACT stacks a step's cameras, so they must share a size, and robomimic image datasets are
 * often 84x84). Frames are resized with {@link Resampler}.
 *
 * @param width  pixels, or 0 for native
 * @param height pixels, or 0 for native
 */
record ImageSize(int width, int height) {

    static final String KEY = "image_size";
    static final ImageSize NATIVE = new ImageSize(0, 0);

    /** Parses {@code native} or {@code WxH} (1 to 8192 each). */
    static ImageSize parse(String format, String value) {
        String v = value.trim().toLowerCase(java.util.Locale.ROOT);
        if (v.equals("native")) {
            return NATIVE;
        }
        String[] p = v.split("x");
        try {
            if (p.length == 2) {
                int w = Integer.parseInt(p[0].trim());
                int h = Integer.parseInt(p[1].trim());
                if (w >= 1 && h >= 1 && w <= 8192 && h <= 8192) {
                    return new ImageSize(w, h);
                }
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(format + " export option " + KEY + "='" + value
                + "' must be 'native' or WIDTHxHEIGHT, e.g. 640x480 (1 to 8192 each)");
    }

    /** Stored width of a camera. */
    int widthOf(FeatureSpec f) {
        return width == 0 ? f.imageWidth() : width;
    }

    /** Stored height of a camera. */
    int heightOf(FeatureSpec f) {
        return height == 0 ? f.imageHeight() : height;
    }
}
