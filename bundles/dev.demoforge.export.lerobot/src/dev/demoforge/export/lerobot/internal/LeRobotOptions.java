package dev.demoforge.export.lerobot.internal;

import java.util.List;
import java.util.Map;

import dev.demoforge.export.api.OptionSpec;
import dev.demoforge.media.EncoderSettings;
import dev.demoforge.thirdparty.parquet.Compression;

/**
 * Parsed exporter options; defaults are LeRobot's own ({@code chunks_size} 1000, data files 100 MB, video files
 * 200 MB, snappy parquet, GOP 2).
 */
record LeRobotOptions(int chunksSize, int dataFilesSizeMb, int videoFilesSizeMb, Compression compression,
        String videoCodec, int gop) {

    static final String CHUNKS_SIZE = "chunks_size";
    static final String DATA_MB = "data_files_size_in_mb";
    static final String VIDEO_MB = "video_files_size_in_mb";
    static final String COMPRESSION = "parquet_compression";
    static final String CODEC = "video_codec";
    static final String GOP = "video_gop";

    /** Encoders offered: H.264 (decodable everywhere) and AV1 (LeRobot's default, needs an AV1 decoder). */
    static final List<String> CODECS = List.of("libopenh264", "libsvtav1");

    static List<OptionSpec> specs() {
        return List.of(
                new OptionSpec(CODEC, "Video encoder", OptionSpec.CHOICE, "libopenh264", CODECS),
                new OptionSpec(GOP, "Keyframe interval (frames)", OptionSpec.INT, "2", List.of()),
                new OptionSpec(COMPRESSION, "Parquet compression", OptionSpec.CHOICE, "snappy",
                        List.of("snappy", "none")),
                new OptionSpec(CHUNKS_SIZE, "Files per chunk directory", OptionSpec.INT, "1000", List.of()),
                new OptionSpec(DATA_MB, "Target parquet file size (MB)", OptionSpec.INT, "100", List.of()),
                new OptionSpec(VIDEO_MB, "Target video file size (MB)", OptionSpec.INT, "200", List.of()));
    }

    static LeRobotOptions parse(Map<String, String> options) {
        Map<String, String> o = options == null ? Map.of() : options;
        for (String key : o.keySet()) {
            if (specs().stream().noneMatch(s -> s.key().equals(key))) {
                throw new IllegalArgumentException("unknown LeRobot export option '" + key + "'");
            }
        }
        String codec = o.getOrDefault(CODEC, "libopenh264");
        if (!CODECS.contains(codec)) {
            throw new IllegalArgumentException("option " + CODEC + "='" + codec + "' is not one of " + CODECS);
        }
        String comp = o.getOrDefault(COMPRESSION, "snappy");
        Compression compression = switch (comp) {
            case "snappy" -> Compression.SNAPPY;
            case "none" -> Compression.UNCOMPRESSED;
            default -> throw new IllegalArgumentException(
                    "option " + COMPRESSION + "='" + comp + "' is not one of [snappy, none]");
        };
        return new LeRobotOptions(positive(o, CHUNKS_SIZE, 1000), positive(o, DATA_MB, 100),
                positive(o, VIDEO_MB, 200), compression, codec, positive(o, GOP, 2));
    }

    /** Encoder settings for the dataset videos: the media bundle's dataset preset with this codec and GOP. */
    EncoderSettings encoderSettings() {
        EncoderSettings base = EncoderSettings.dataset().withGop(gop);
        return videoCodec.equals("libsvtav1") ? base.withCodec(videoCodec).withCrf(30, "12") : base;
    }

    private static int positive(Map<String, String> o, String key, int dflt) {
        String v = o.get(key);
        if (v == null) {
            return dflt;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("option " + key + "='" + v + "' must be an integer > 0");
    }
}
