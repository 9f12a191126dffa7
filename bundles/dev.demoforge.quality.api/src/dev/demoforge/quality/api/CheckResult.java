package dev.demoforge.quality.api;

import java.util.List;

/**
 * What one check found on one episode.
 *
 * @param checkId the check's id
 * @param verdict pass, warn or fail
 * @param score   check-specific score, documented by each check
 * @param reasons reasons with time ranges
 * @since 0.1
 */
public record CheckResult(String checkId, Verdict verdict, double score, List<Reason> reasons) {

    public CheckResult {
        reasons = List.copyOf(reasons);
    }
}
