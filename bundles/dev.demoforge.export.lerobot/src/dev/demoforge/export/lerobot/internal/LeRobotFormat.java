package dev.demoforge.export.lerobot.internal;

/**
 * The two LeRobot dataset versions DemoForge writes, and where they differ on disk (formats.md §1 and §2). Both
 * share the data columns, features, stats and video rules; v3.0 packs many episodes into each data and video file
 * and keeps its metadata in parquet, v2.1 (lerobot 0.3.x) writes one parquet and one mp4 per episode and JSON-lines
 * metadata.
 */
enum LeRobotFormat {

    /** LeRobot dataset v3.0, lerobot ≥ 0.4. */
    V3_0("lerobot", "LeRobot dataset v3.0", "v3.0", "List"),
    /** LeRobot dataset v2.1, lerobot 0.3.x. */
    V2_1("lerobot-v2.1", "LeRobot dataset v2.1 (lerobot 0.3.x)", "v2.1", "Sequence");

    /** v2.1 {@code DEFAULT_PARQUET_PATH}. */
    static final String V21_DATA_PATH = "data/chunk-{episode_chunk:03d}/episode_{episode_index:06d}.parquet";
    /** v2.1 {@code DEFAULT_VIDEO_PATH}. */
    static final String V21_VIDEO_PATH =
            "videos/chunk-{episode_chunk:03d}/{video_key}/episode_{episode_index:06d}.mp4";

    private final String formatId;
    private final String label;
    private final String codebaseVersion;
    private final String hfListType;

    LeRobotFormat(String formatId, String label, String codebaseVersion, String hfListType) {
        this.formatId = formatId;
        this.label = label;
        this.codebaseVersion = codebaseVersion;
        this.hfListType = hfListType;
    }

    String formatId() {
        return formatId;
    }

    String label() {
        return label;
    }

    /** {@code info.json}'s {@code codebase_version}. */
    String codebaseVersion() {
        return codebaseVersion;
    }

    /**
     * The {@code _type} of a vector in the parquet footer's {@code huggingface} features: {@code datasets} ≥ 4 writes
     * {@code "List"}; v2.1 is read by {@code datasets} ≤ 3.6, which only knows {@code "Sequence"}.
     */
    String hfListType() {
        return hfListType;
    }

    /** Whether every episode gets its own data and video files (v2.1). */
    boolean filePerEpisode() {
        return this == V2_1;
    }

    /** The file of episode {@code episode} in the per-episode layout: chunk {@code episode / chunksSize}. */
    static ChunkFile episodeFile(int episode, int chunksSize) {
        return new ChunkFile(episode / chunksSize, episode);
    }

    /** Path of a data file: v3.0 {@code data/chunk-XXX/file-YYY.parquet}, v2.1 {@code .../episode_XXXXXX.parquet}. */
    String dataPath(ChunkFile f) {
        return this == V2_1 ? String.format("data/chunk-%03d/episode_%06d.parquet", f.chunk(), f.file())
                : f.dataPath();
    }

    /** Path of a video file: v3.0 {@code videos/<key>/chunk-XXX/file-YYY.mp4}, v2.1 {@code videos/chunk-XXX/<key>/...}. */
    String videoPath(String videoKey, ChunkFile f) {
        return this == V2_1 ? String.format("videos/chunk-%03d/%s/episode_%06d.mp4", f.chunk(), videoKey, f.file())
                : f.videoPath(videoKey);
    }
}
