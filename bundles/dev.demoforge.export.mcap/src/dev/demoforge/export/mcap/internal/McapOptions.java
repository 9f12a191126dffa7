package dev.demoforge.export.mcap.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.demoforge.export.api.OptionSpec;

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
        Map<String, String> v = values == null ? Map.of() : values;
        for (String key : v.keySet()) {
            if (specs().stream().noneMatch(s -> s.key().equals(key))) {
                throw new IllegalArgumentException("unknown MCAP export option '" + key + "'; options: "
                        + specs().stream().map(OptionSpec::key).toList());
            }
        }
        String format = raw(v, IMAGE_FORMAT).toLowerCase(Locale.ROOT);
        if (!List.of("jpeg", "png").contains(format)) {
            throw bad(v, IMAGE_FORMAT, "is not one of [jpeg, png]");
        }
        String compression = raw(v, COMPRESSION).toLowerCase(Locale.ROOT);
        if (!List.of("lz4", "none").contains(compression)) {
            throw bad(v, COMPRESSION, "is not one of [lz4, none]");
        }
        return new McapOptions(format, integer(v, JPEG_QUALITY, 1, 100), integer(v, CHUNK_SIZE_KB, 16, 65536) * 1024,
                compression.equals("lz4"));
    }

    private static String raw(Map<String, String> v, String key) {
        String s = v.get(key);
        if (s == null) {
            s = specs().stream().filter(o -> o.key().equals(key)).findFirst().orElseThrow().defaultValue();
        }
        return s.trim();
    }

    private static int integer(Map<String, String> v, String key, int min, int max) {
        try {
            int n = Integer.parseInt(raw(v, key));
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw bad(v, key, "must be a whole number from " + min + " to " + max);
    }

    private static IllegalArgumentException bad(Map<String, String> v, String key, String why) {
        return new IllegalArgumentException("MCAP export option " + key + "='" + v.get(key) + "' " + why);
    }
}
