package dev.demoforge.catalog.api;

import java.time.Instant;

/**
 * A recording session: one operator at one station on one task.
 *
 * @param id         session id
 * @param operator   operator name
 * @param stationId  station
 * @param task       task
 * @param sceneNotes free text about the scene
 * @param startedAt  start
 * @param endedAt    end, or null while open
 * @since 0.1
 */
public record SessionRecord(String id, String operator, String stationId, String task, String sceneNotes,
        Instant startedAt, Instant endedAt) {
}
