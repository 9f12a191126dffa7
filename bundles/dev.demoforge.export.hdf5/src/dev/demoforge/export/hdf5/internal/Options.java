package dev.demoforge.export.hdf5.internal;

import java.util.List;

import dev.demoforge.export.api.OptionSpec;
import dev.demoforge.export.support.OptionValues;

/**
 * The options both HDF5 exporters offer (channel order, image size, gzip level) and how they are read; the values
 * themselves are checked by {@link OptionValues}. Stateless.
 */
final class Options {

    /** {@code color_order}: what channel order image arrays are stored in. */
    static final String COLOR_ORDER = "color_order";
    /** {@code gzip}: deflate level of every dataset, 0 = no filter. */
    static final String GZIP = "gzip";

    private Options() {
    }

    static OptionSpec colorOrderSpec() {
        return new OptionSpec(COLOR_ORDER, "Image channel order in the arrays", OptionSpec.CHOICE, "rgb",
                List.of("rgb", "bgr"));
    }

    static OptionSpec imageSizeSpec() {
        return new OptionSpec(ImageSize.KEY, "Image size (native or WxH, one size for every camera)",
                OptionSpec.STRING, "native", List.of());
    }

    static OptionSpec gzipSpec() {
        return new OptionSpec(GZIP, "gzip level (0 = none, 1-9)", OptionSpec.INT, "0", List.of());
    }

    /** {@link ImageSize#KEY}, parsed. */
    static ImageSize imageSize(String format, OptionValues o) {
        return ImageSize.parse(format, o.string(ImageSize.KEY));
    }

    /** {@link #COLOR_ORDER} is {@code rgb}. */
    static boolean rgb(OptionValues o) {
        return o.choice(COLOR_ORDER).equals("rgb");
    }
}
