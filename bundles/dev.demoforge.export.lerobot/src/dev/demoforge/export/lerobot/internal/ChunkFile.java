package dev.demoforge.export.lerobot.internal;

/**
 * A {@code (chunk_index, file_index)} counter of LeRobot v3.0 ({@code update_chunk_file_indices}): the next file is
 * {@code file_index + 1}, except when {@code file_index == chunks_size - 1}, where it becomes chunk
 * {@code chunk_index + 1}, file 0. Data, each video key and the episodes metadata keep counters of their own.
 */
record ChunkFile(int chunk, int file) {

    static final ChunkFile FIRST = new ChunkFile(0, 0);

    /** The position after this one with {@code chunksSize} files per chunk directory. */
    ChunkFile next(int chunksSize) {
        return file == chunksSize - 1 ? new ChunkFile(chunk + 1, 0) : new ChunkFile(chunk, file + 1);
    }

    /** {@code chunk-XXX/file-YYY} as in {@code CHUNK_FILE_PATTERN}. */
    String pattern() {
        return String.format("chunk-%03d/file-%03d", chunk, file);
    }

    /** {@code data/chunk-XXX/file-YYY.parquet}. */
    String dataPath() {
        return "data/" + pattern() + ".parquet";
    }

    /** {@code videos/<key>/chunk-XXX/file-YYY.mp4}. */
    String videoPath(String videoKey) {
        return "videos/" + videoKey + "/" + pattern() + ".mp4";
    }

    /** {@code meta/episodes/chunk-XXX/file-YYY.parquet}. */
    String episodesPath() {
        return "meta/episodes/" + pattern() + ".parquet";
    }

    /**
     * Whether an item of {@code newUnits} units (frames or rows) would push the current file past {@code limitMb},
     * as the recorder decides: {@code current_MB + (current_MB / units_in_file) * new_units >= limit_MB}.
     */
    static boolean wouldOverflow(long currentBytes, long unitsInFile, long newUnits, int limitMb) {
        if (unitsInFile == 0) {
            return false;
        }
        double currentMb = currentBytes / (1024.0 * 1024.0);
        return currentMb + currentMb / unitsInFile * newUnits >= limitMb;
    }
}
