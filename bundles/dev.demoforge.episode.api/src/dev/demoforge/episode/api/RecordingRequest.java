package dev.demoforge.episode.api;

import java.nio.file.Path;

/**
 * What to record.
 *
 * @param episodesRoot directory under which the episode's own directory is created
 * @param task         the task / language instruction of the episode
 * @param operator     who teleoperated
 * @param sessionId    catalog session the episode belongs to, or null
 * @param seed         seed for simulated devices, or null to derive one from the episode id
 * @since 0.1
 */
public record RecordingRequest(Path episodesRoot, String task, String operator, String sessionId, Long seed) {
}
