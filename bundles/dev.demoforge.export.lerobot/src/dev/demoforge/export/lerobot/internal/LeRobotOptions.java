package dev.demoforge.export.lerobot.internal;

import java.util.List;
import java.util.Map;

import dev.demoforge.export.api.OptionSpec;
import dev.demoforge.media.Codecs;
import dev.demoforge.media.EncoderSettings;
import dev.demoforge.thirdparty.parquet.Compression;

/**
 * Parsed exporter options; defaults are LeRobot's own ({@code chunks_size} 1000, data files 100 MB, video files
 * 200 MB, snappy parquet, GOP 2). v2.1 has no file size options (one file per episode).
 *
 * @param remux copy the recording's H.264 packets where the dataset's frames are an unchanged run of them
 *              (option {@code video_remux=auto}); {@code false}: always decode and encode
 */
record LeRobotOptions(int chunksSize, int dataFilesSizeMb, int videoFilesSizeMb, Compression compression,
        String videoCodec, int gop, boolean remux) {

    static final String CHUNKS_SIZE = "chunks_size";
    static final String DATA_MB = "data_files_size_in_mb";
    static final String VIDEO_MB = "video_files_size_in_mb";
    static final String COMPRESSION = "parquet_compression";
    static final String CODEC = "video_codec";
    static final String GOP = "video_gop";
    static final String REMUX = "video_remux";

    /** Encoders offered: H.264 (decodable everywhere) and AV1 (LeRobot's default, needs an AV1 decoder). */
    static final List<String> CODECS = List.of("libopenh264", "libsvtav1");

    static List<OptionSpec> specs(LeRobotFormat format) {
        List<OptionSpec> common = List.of(
                new OptionSpec(CODEC, "Video encoder", OptionSpec.CHOICE, "libopenh264", CODECS),
                new OptionSpec(GOP, "Keyframe interval (frames)", OptionSpec.INT, "2", List.of()),
                new OptionSpec(REMUX, "Copy recorded H.264 without re-encoding", OptionSpec.CHOICE, "auto",
                        List.of("auto", "off")),
                new OptionSpec(COMPRESSION, "Parquet compression", OptionSpec.CHOICE, "snappy",
                        List.of("snappy", "none")),
                new OptionSpec(CHUNKS_SIZE, format.filePerEpisode() ? "Episodes per chunk directory"
                        : "Files per chunk directory", OptionSpec.INT, "1000", List.of()));
        if (format.filePerEpisode()) {
            return common;
        }
        List<OptionSpec> all = new java.util.ArrayList<>(common);
        all.add(new OptionSpec(DATA_MB, "Target parquet file size (MB)", OptionSpec.INT, "100", List.of()));
        all.add(new OptionSpec(VIDEO_MB, "Target video file size (MB)", OptionSpec.INT, "200", List.of()));
        return List.copyOf(all);
    }

    static LeRobotOptions parse(LeRobotFormat format, Map<String, String> options) {
        Map<String, String> o = options == null ? Map.of() : options;
        List<OptionSpec> specs = specs(format);
        for (String key : o.keySet()) {
            if (specs.stream().noneMatch(s -> s.key().equals(key))) {
                throw new IllegalArgumentException("unknown " + format.label() + " export option '" + key
                        + "'; options: " + specs.stream().map(OptionSpec::key).toList());
            }
        }
        String codec = o.getOrDefault(CODEC, "libopenh264");
        if (!CODECS.contains(codec)) {
            throw new IllegalArgumentException("option " + CODEC + "='" + codec + "' is not one of " + CODECS);
        }
        if (!Codecs.encoderAvailable(codec)) {
            throw new IllegalArgumentException("option " + CODEC + "='" + codec + "': the embedded FFmpeg "
                    + Codecs.ffmpegVersion() + " has no encoder '" + codec + "' (avcodec_find_encoder_by_name found "
                    + "none); choose another " + CODEC + " or install a JavaCV FFmpeg build that has it");
        }
        String remux = o.getOrDefault(REMUX, "auto");
        if (!List.of("auto", "off").contains(remux)) {
            throw new IllegalArgumentException("option " + REMUX + "='" + remux + "' is not one of [auto, off]");
        }
        String comp = o.getOrDefault(COMPRESSION, "snappy");
        Compression compression = switch (comp) {
            case "snappy" -> Compression.SNAPPY;
            case "none" -> Compression.UNCOMPRESSED;
            default -> throw new IllegalArgumentException(
                    "option " + COMPRESSION + "='" + comp + "' is not one of [snappy, none]");
        };
        return new LeRobotOptions(positive(o, CHUNKS_SIZE, 1000), positive(o, DATA_MB, 100),
                positive(o, VIDEO_MB, 200), compression, codec, positive(o, GOP, 2), remux.equals("auto"));
    }

    /** FFmpeg's canonical name of the codec the encoder writes ({@code "h264"}, {@code "av1"}). */
    String codecFamily() {
        return videoCodec.equals("libsvtav1") ? "av1" : "h264";
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
