package dev.demoforge.export.hdf5.internal;

import java.util.List;
import java.util.Map;

import dev.demoforge.export.api.OptionSpec;
import dev.demoforge.export.support.OptionValues;

/**
 * ALOHA/ACT export options.
 *
 * @param sim         root attribute {@code sim}: ACT aligns actions differently for simulation ({@code true}) and real
 *                    robots ({@code false}, the default: recorded stations have real latencies)
 * @param jpeg        {@code compress=jpeg}: the mobile-aloha variant, JPEG rows padded to the episode's longest,
 *                    with {@code /compress_len}
 * @param jpegQuality JPEG quality 1-100 (mobile-aloha: 50)
 * @param rgb         image arrays in RGB order (default) rather than the cameras' BGR
 * @param imageSize   size every camera is stored at, or native
 * @param gzip        deflate level 0-9 of every dataset (0, ALOHA's own files have no filter)
 */
record AlohaOptions(boolean sim, boolean jpeg, int jpegQuality, boolean rgb, ImageSize imageSize, int gzip) {

    static final String SIM = "sim";
    static final String COMPRESS = "compress";
    static final String JPEG_QUALITY = "jpeg_quality";

    static List<OptionSpec> specs() {
        return List.of(
                new OptionSpec(COMPRESS, "Images", OptionSpec.CHOICE, "none", List.of("none", "jpeg")),
                new OptionSpec(JPEG_QUALITY, "JPEG quality (1-100)", OptionSpec.INT, "50", List.of()),
                new OptionSpec(SIM, "Simulation data (attribute sim)", OptionSpec.BOOL, "false", List.of()),
                Options.colorOrderSpec(),
                Options.imageSizeSpec(),
                Options.gzipSpec());
    }

    static AlohaOptions parse(Map<String, String> values) {
        OptionValues o = new OptionValues("ALOHA", specs(), values);
        return new AlohaOptions(o.bool(SIM), o.choice(COMPRESS).equals("jpeg"), o.integer(JPEG_QUALITY, 1, 100),
                Options.rgb(o), Options.imageSize("ALOHA", o), o.integer(Options.GZIP, 0, 9));
    }

    /** Layout of every dataset: image datasets are chunked one frame per chunk, as ALOHA writes them. */
    Layout layout() {
        return new Layout(gzip, true);
    }
}
