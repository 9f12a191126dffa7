package dev.demoforge.export.lerobot.internal;

import java.util.List;
import java.util.Map;

/**
 * Everything {@code meta/episodes} says about one written episode.
 *
 * @param index  episode_index
 * @param tasks  distinct task strings of the episode
 * @param length rows
 * @param data   data file holding its rows
 * @param from   first global {@code index} (inclusive)
 * @param to     last global {@code index} (exclusive)
 * @param videos per video key, in feature order: file and time span inside it
 * @param stats  per feature, in {@code info.features} order (video and default columns included)
 */
record EpisodeRecord(int index, List<String> tasks, int length, ChunkFile data, long from, long to,
        Map<String, VideoSpan> videos, Map<String, FeatureStats> stats) {

    /**
     * Where an episode sits in a video file.
     *
     * @param file position of the mp4
     * @param from seconds of its first frame in that file ({@code frames_before / fps})
     * @param to   seconds after its last frame ({@code (frames_before + length) / fps})
     */
    record VideoSpan(ChunkFile file, double from, double to) {
    }
}
