package dev.demoforge.export.rlds.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import dev.demoforge.export.api.OptionSpec;

/**
 * RLDS export options, checked: unknown keys and bad values are refused with an {@link IllegalArgumentException}
 * naming the option, the value and what is allowed; missing keys take their defaults.
 *
 * @param imageEncoding {@code jpeg} (default, what most Open X-Embodiment datasets store) or {@code png} (lossless)
 * @param jpegQuality   1-100, default 95
 * @param shardBytes    a shard is closed once it holds at least this many bytes (option {@code shard_size_mb},
 *                      default 200 MB, TFDS's usual target); an episode is never split across shards
 * @param version       the TFDS version directory, {@code MAJOR.MINOR.PATCH}
 */
record RldsOptions(String imageEncoding, int jpegQuality, long shardBytes, String version) {

    static final String IMAGE_ENCODING = "image_encoding";
    static final String JPEG_QUALITY = "jpeg_quality";
    static final String SHARD_SIZE_MB = "shard_size_mb";
    static final String VERSION = "version";
    private static final Pattern SEMVER = Pattern.compile("\\d+\\.\\d+\\.\\d+");

    static List<OptionSpec> specs() {
        return List.of(
                new OptionSpec(IMAGE_ENCODING, "Image encoding", OptionSpec.CHOICE, "jpeg", List.of("jpeg", "png")),
                new OptionSpec(JPEG_QUALITY, "JPEG quality (1-100)", OptionSpec.INT, "95", List.of()),
                new OptionSpec(SHARD_SIZE_MB, "Shard size (MB, whole episodes per shard)", OptionSpec.INT, "200",
                        List.of()),
                new OptionSpec(VERSION, "Dataset version (MAJOR.MINOR.PATCH)", OptionSpec.STRING, "1.0.0",
                        List.of()));
    }

    static RldsOptions parse(Map<String, String> values) {
        Map<String, String> v = values == null ? Map.of() : values;
        for (String key : v.keySet()) {
            if (specs().stream().noneMatch(s -> s.key().equals(key))) {
                throw new IllegalArgumentException("unknown RLDS export option '" + key + "'; options: "
                        + specs().stream().map(OptionSpec::key).toList());
            }
        }
        String encoding = raw(v, IMAGE_ENCODING).toLowerCase(Locale.ROOT);
        if (!List.of("jpeg", "png").contains(encoding)) {
            throw bad(v, IMAGE_ENCODING, "is not one of [jpeg, png]");
        }
        int quality = integer(v, JPEG_QUALITY, 1, 100);
        int shardMb = integer(v, SHARD_SIZE_MB, 1, 1 << 20);
        String version = raw(v, VERSION);
        if (!SEMVER.matcher(version).matches()) {
            throw bad(v, VERSION, "is not MAJOR.MINOR.PATCH (e.g. 1.0.0)");
        }
        return new RldsOptions(encoding, quality, shardMb * 1_000_000L, version);
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
        return new IllegalArgumentException("RLDS export option " + key + "='" + v.get(key) + "' " + why);
    }
}
