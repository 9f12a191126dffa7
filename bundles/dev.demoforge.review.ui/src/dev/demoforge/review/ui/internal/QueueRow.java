package dev.demoforge.review.ui.internal;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;

import dev.demoforge.catalog.api.CheckRecord;
import dev.demoforge.catalog.api.EpisodeRecord;

/**
 * One row of the episode queue: the catalog row and what its quality checks found.
 *
 * @param episode    the catalog row
 * @param verdict    the worst check verdict (FAIL, WARN, PASS), "" when not checked
 * @param smoothness the smoothness check's score (lowest SPARC), NaN if none
 * @param problems   the failing and warning checks' reasons, "check: reason; …"
 * @param flagged    a reviewer flagged it
 */
record QueueRow(EpisodeRecord episode, String verdict, double smoothness, String problems, boolean flagged) {

    static QueueRow of(EpisodeRecord episode, List<CheckRecord> checks, boolean flagged) {
        String verdict = checks.stream().map(CheckRecord::verdict).max(QueueRow::compareVerdicts).orElse("");
        double smoothness = checks.stream().filter(c -> "smoothness".equals(c.checkId())).mapToDouble(CheckRecord::score)
                .findFirst().orElse(Double.NaN);
        String problems = checks.stream().filter(c -> !"PASS".equals(c.verdict()))
                .map(c -> c.checkId() + " " + c.verdict() + ": " + reasons(c)).collect(Collectors.joining("; "));
        return new QueueRow(episode, verdict, smoothness, problems, flagged);
    }

    /** Orders verdicts by severity: "" < PASS < WARN < FAIL. */
    static int compareVerdicts(String a, String b) {
        return Integer.compare(severity(a), severity(b));
    }

    static int severity(String verdict) {
        return switch (verdict == null ? "" : verdict) {
        case "PASS" -> 1;
        case "WARN" -> 2;
        case "FAIL" -> 3;
        default -> 0;
        };
    }

    private static String reasons(CheckRecord check) {
        if (check.reasonsJson() == null || check.reasonsJson().isBlank()) {
            return "";
        }
        try {
            JsonElement parsed = JsonParser.parseString(check.reasonsJson());
            if (!parsed.isJsonArray()) {
                return "";
            }
            List<String> texts = new java.util.ArrayList<>();
            for (JsonElement reason : parsed.getAsJsonArray()) {
                JsonElement text = reason.isJsonObject() ? reason.getAsJsonObject().get("text") : null;
                if (text != null) {
                    texts.add(text.getAsString());
                }
            }
            return String.join(", ", texts);
        } catch (RuntimeException e) {
            return "unreadable reasons: " + e.getMessage();
        }
    }

    /** Whether every word of a filter occurs in some column's text (case-insensitive). */
    boolean matches(String filter) {
        if (filter == null || filter.isBlank()) {
            return true;
        }
        String text = java.util.Arrays.stream(EpisodeColumn.values()).map(c -> c.text(this))
                .collect(Collectors.joining(" ")).toLowerCase(Locale.ROOT);
        return java.util.Arrays.stream(filter.toLowerCase(Locale.ROOT).split("\\s+"))
                .allMatch(word -> word.isEmpty() || text.contains(word));
    }
}
