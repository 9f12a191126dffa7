package dev.demoforge.episode.api;

import java.time.Instant;
import java.util.List;

/**
 * Contents of {@code episode.json}: what was recorded, by whom, on which station.
 *
 * @param episodeId       id, also the directory name
 * @param task            task / language instruction
 * @param operator        who teleoperated
 * @param sessionId       catalog session, or null
 * @param stationId       station id
 * @param robotType       embodiment name from the station
 * @param startedAt       wall clock at start
 * @param startHostNanos  host monotonic time at start; MCAP log times are {@code startedAt + (host - startHostNanos)}
 * @param streams         recorded streams
 * @param status          life-cycle state
 * @param summary         filled in when the episode is finished or recovered, otherwise null
 * @param clockModels     file in the episode directory holding the fitted model of every device clock (JSON,
 *                        {@code dev.demoforge.timesync.DeviceClocks}), written when the episode is finished or
 *                        recovered; null before, and in episodes recorded before it existed (since 0.2)
 * @since 0.1
 */
public record EpisodeManifest(String episodeId, String task, String operator, String sessionId, String stationId,
        String robotType, Instant startedAt, long startHostNanos, List<RecordedStream> streams, EpisodeStatus status,
        EpisodeSummary summary, String clockModels) {

    public EpisodeManifest {
        streams = List.copyOf(streams);
    }

    /** A manifest without a clock-model file. */
    public EpisodeManifest(String episodeId, String task, String operator, String sessionId, String stationId,
            String robotType, Instant startedAt, long startHostNanos, List<RecordedStream> streams,
            EpisodeStatus status, EpisodeSummary summary) {
        this(episodeId, task, operator, sessionId, stationId, robotType, startedAt, startHostNanos, streams, status,
                summary, null);
    }

    /** This manifest in another state, with its summary and clock-model file. @since 0.2 */
    public EpisodeManifest finish(EpisodeStatus newStatus, EpisodeSummary newSummary, String clockModelsFile) {
        return new EpisodeManifest(episodeId, task, operator, sessionId, stationId, robotType, startedAt,
                startHostNanos, streams, newStatus, newSummary, clockModelsFile);
    }
}
