package dev.demoforge.catalog.api;

import java.time.Instant;

import dev.demoforge.episode.api.EpisodeStatus;

/**
 * One episode as the catalog knows it.
 *
 * @param id              episode id (also its directory name)
 * @param sessionId       session, or null
 * @param stationId       station it was recorded on
 * @param task            task / language instruction
 * @param operator        who teleoperated
 * @param startedAt       wall-clock start
 * @param durationSeconds recorded duration
 * @param frames          frames of the reference camera
 * @param drops           dropped samples over all streams
 * @param status          raw-episode life cycle
 * @param review          review decision
 * @param directory       absolute path of the raw episode directory
 * @param problem         what went wrong while recording, or empty
 * @since 0.1
 */
public record EpisodeRecord(String id, String sessionId, String stationId, String task, String operator,
        Instant startedAt, double durationSeconds, long frames, long drops, EpisodeStatus status, ReviewState review,
        String directory, String problem) {

    public EpisodeRecord withReview(ReviewState newReview) {
        return new EpisodeRecord(id, sessionId, stationId, task, operator, startedAt, durationSeconds, frames, drops,
                status, newReview, directory, problem);
    }
}
