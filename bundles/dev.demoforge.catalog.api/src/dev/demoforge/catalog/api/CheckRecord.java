package dev.demoforge.catalog.api;

/**
 * A stored quality-check result.
 *
 * @param checkId     the check's id
 * @param verdict     PASS, WARN or FAIL
 * @param score       the check's score (check-specific scale)
 * @param reasonsJson reasons with their time ranges, as a JSON array
 * @since 0.1
 */
public record CheckRecord(String checkId, String verdict, double score, String reasonsJson) {
}
