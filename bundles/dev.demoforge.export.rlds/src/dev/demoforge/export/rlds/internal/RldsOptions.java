package dev.demoforge.export.rlds.internal;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import dev.demoforge.export.api.OptionSpec;
import dev.demoforge.export.support.OptionValues;

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
        OptionValues o = new OptionValues("RLDS", specs(), values);
        String encoding = o.choice(IMAGE_ENCODING);
        int quality = o.integer(JPEG_QUALITY, 1, 100);
        int shardMb = o.integer(SHARD_SIZE_MB, 1, 1 << 20);
        String version = o.string(VERSION);
        if (!SEMVER.matcher(version).matches()) {
            throw o.bad(VERSION, "is not MAJOR.MINOR.PATCH (e.g. 1.0.0)");
        }
        return new RldsOptions(encoding, quality, shardMb * 1_000_000L, version);
    }
}
