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
 * @since 0.1
 */
public record EpisodeManifest(String episodeId, String task, String operator, String sessionId, String stationId,
        String robotType, Instant startedAt, long startHostNanos, List<RecordedStream> streams, EpisodeStatus status,
        EpisodeSummary summary) {

    public EpisodeManifest {
        streams = List.copyOf(streams);
    }
}
