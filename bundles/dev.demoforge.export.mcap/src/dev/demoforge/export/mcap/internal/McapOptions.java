package dev.demoforge.export.mcap.internal;

import java.util.List;
import java.util.Map;

import dev.demoforge.export.api.OptionSpec;
import dev.demoforge.export.support.OptionValues;

/**
 * MCAP export options, checked: unknown keys and bad values are refused with an {@link IllegalArgumentException}
 * naming the option, the value and what is allowed; missing keys take their defaults.
 *
 * @param imageFormat  {@code jpeg} (default) or {@code png}: the {@code foxglove.CompressedImage} payload
 * @param jpegQuality  1-100, default 90
 * @param chunkBytes   uncompressed chunk size target (option {@code chunk_size_kb}, default 1024 KiB, the MCAP Go
 *                     writer's default)
 * @param lz4          chunks compressed as LZ4 frames (option {@code compression=lz4}, the default) or stored
 *                     uncompressed ({@code none})
 */
record McapOptions(String imageFormat, int jpegQuality, int chunkBytes, boolean lz4) {

    static final String IMAGE_FORMAT = "image_format";
    static final String JPEG_QUALITY = "jpeg_quality";
    static final String CHUNK_SIZE_KB = "chunk_size_kb";
    static final String COMPRESSION = "compression";

    static List<OptionSpec> specs() {
        return List.of(
                new OptionSpec(IMAGE_FORMAT, "Camera images (foxglove.CompressedImage)", OptionSpec.CHOICE, "jpeg",
                        List.of("jpeg", "png")),
                new OptionSpec(JPEG_QUALITY, "JPEG quality (1-100)", OptionSpec.INT, "90", List.of()),
                new OptionSpec(CHUNK_SIZE_KB, "Chunk size (KiB, uncompressed)", OptionSpec.INT, "1024", List.of()),
                new OptionSpec(COMPRESSION, "Chunk compression", OptionSpec.CHOICE, "lz4", List.of("lz4", "none")));
    }

    static McapOptions parse(Map<String, String> values) {
        OptionValues o = new OptionValues("MCAP", specs(), values);
        String format = o.choice(IMAGE_FORMAT);
        String compression = o.choice(COMPRESSION);
        return new McapOptions(format, o.integer(JPEG_QUALITY, 1, 100), o.integer(CHUNK_SIZE_KB, 16, 65536) * 1024,
                compression.equals("lz4"));
    }
}
