package dev.demoforge.episode.api;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * The outcome of recording (or recovering) one episode.
 *
 * @param episodeId       id, also the directory name
 * @param directory       the raw episode directory
 * @param startedAt       wall-clock start
 * @param durationSeconds from the first to the last recorded sample
 * @param streams         per-stream figures
 * @param status          FINISHED, or RECOVERED after a crash
 * @param problem         what went wrong (disk full, device lost), or empty
 * @since 0.1
 */
public record EpisodeSummary(String episodeId, Path directory, Instant startedAt, double durationSeconds,
        List<StreamSummary> streams, EpisodeStatus status, String problem) {

    public EpisodeSummary {
        streams = List.copyOf(streams);
    }

    /** Total dropped samples over all streams. */
    public long drops() {
        return streams.stream().mapToLong(StreamSummary::drops).sum();
    }

    /** Frames of the first camera stream, 0 without cameras. */
    public long cameraFrames() {
        return streams.stream().filter(s -> s.kind() == dev.demoforge.device.api.StreamKind.CAMERA)
                .mapToLong(StreamSummary::samples).findFirst().orElse(0);
    }
}
