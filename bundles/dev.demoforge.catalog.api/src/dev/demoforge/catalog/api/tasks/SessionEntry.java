package dev.demoforge.catalog.api.tasks;

import java.time.Instant;

/**
 * A capture session: one operator at one station running one task.
 *
 * @param id        session id (the same id as the catalog's session row)
 * @param taskId    the task specification's id
 * @param operator  operator name
 * @param stationId station
 * @param hardware  the station's devices and drivers as recorded at the start (free text / JSON)
 * @param startedAt start (UTC)
 * @param endedAt   end, or null while open (or interrupted)
 * @since 0.1
 */
public record SessionEntry(String id, String taskId, String operator, String stationId, String hardware,
        Instant startedAt, Instant endedAt) {
}
