package dev.demoforge.cli.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.demoforge.catalog.api.ReviewState;
import dev.demoforge.catalog.api.dataset.DatasetEdit;
import dev.demoforge.catalog.api.dataset.DatasetQuery;
import dev.demoforge.catalog.api.dataset.SplitRule;

/**
 * The {@code dataset} verb's options turned into a query, a split rule and edits; every bad value is refused with a
 * {@link UsageException} naming the option and the form it takes.
 */
final class DatasetOptions {

    /** Query options: each narrows the selection; comma lists are alternatives. */
    static final Set<String> QUERY = Set.of("task", "station", "operator", "robot", "from", "to", "review",
            "verdict", "min-score");
    static final Set<String> SPLIT = Set.of("split", "seed", "stratify");
    static final Set<String> EDITS = Set.of("delete", "trim", "relabel", "merge");

    private DatasetOptions() {
    }

    static DatasetQuery query(Arguments a) throws UsageException {
        String task = a.text("task", null);
        Map<String, Double> scores = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : a.keyValues("min-score").entrySet()) {
            scores.put(e.getKey(), number("min-score", e.getValue()));
        }
        List<ReviewState> review = new ArrayList<>();
        for (String r : a.list("review")) {
            try {
                review.add(ReviewState.valueOf(r.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new UsageException("--review takes " + List.of(ReviewState.values()) + ", not '" + r + "'");
            }
        }
        String verdict = a.text("verdict", null);
        if (verdict != null && !List.of("pass", "warn").contains(verdict.toLowerCase(Locale.ROOT))) {
            throw new UsageException("--verdict takes pass (every check passed) or warn (none failed), not '"
                    + verdict + "'");
        }
        try {
            return new DatasetQuery(task == null ? List.of() : List.of(task), a.list("station"), a.list("operator"),
                    a.list("robot"), instant(a, "from", false), instant(a, "to", true), review,
                    verdict == null ? null : verdict.toUpperCase(Locale.ROOT), scores);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** {@code --from}/{@code --to}: an ISO instant, or a date (UTC); {@code --to DATE} includes that whole day. */
    private static Instant instant(Arguments a, String name, boolean endOfDay) throws UsageException {
        String v = a.text(name, null);
        if (v == null) {
            return null;
        }
        try {
            if (v.length() == 10) {
                LocalDate d = LocalDate.parse(v);
                return (endOfDay ? d.plusDays(1) : d).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return Instant.parse(v);
        } catch (DateTimeParseException e) {
            throw new UsageException("--" + name + " takes a date (2026-11-24) or an instant (2026-11-24T08:00:00Z),"
                    + " not '" + v + "'");
        }
    }

    /** {@code --split train=0.8,val=0.2 [--seed N] [--stratify task|operator]}. */
    static SplitRule split(Arguments a) throws UsageException {
        List<SplitRule.Share> shares = new ArrayList<>();
        try {
            for (Map.Entry<String, String> e : a.keyValues("split").entrySet()) {
                shares.add(new SplitRule.Share(e.getKey(), number("split", e.getValue())));
            }
        } catch (IllegalArgumentException e) {
            throw new UsageException("--split: " + e.getMessage());
        }
        String stratify = a.text("stratify", "none").toUpperCase(Locale.ROOT);
        if (!List.of("NONE", "TASK", "OPERATOR").contains(stratify)) {
            throw new UsageException("--stratify takes task or operator, not '" + a.text("stratify", "") + "'");
        }
        if (shares.isEmpty() && (a.text("seed", null) != null || !stratify.equals("NONE"))) {
            throw new UsageException("--seed and --stratify need --split NAME=RATIO,...");
        }
        long seed = a.text("seed", null) == null ? 0 : a.positiveInt("seed", 1);
        return new SplitRule(shares, seed, SplitRule.Stratify.valueOf(stratify));
    }

    /** The one edit asked for: {@code --delete EP}, {@code --trim EP:START:END}, {@code --relabel EP:TEXT}, {@code
     * --merge OTHER}. */
    static DatasetEdit edit(Arguments a) throws UsageException {
        List<String> given = EDITS.stream().filter(e -> a.text(e, null) != null).sorted().toList();
        if (given.size() != 1) {
            throw new UsageException("dataset edit takes exactly one of --delete EP, --trim EP:START:END, --relabel"
                    + " EP:TEXT, --merge OTHER" + (given.isEmpty() ? "" : "; got " + given));
        }
        String v = a.text(given.get(0), null);
        try {
            return switch (given.get(0)) {
                case "delete" -> DatasetEdit.delete(v);
                case "merge" -> DatasetEdit.merge(v);
                case "trim" -> {
                    String[] p = v.split(":");
                    if (p.length != 3) {
                        throw new UsageException("--trim takes EPISODE:START:END in seconds, not '" + v + "'");
                    }
                    yield DatasetEdit.trim(p[0], number("trim", p[1]), number("trim", p[2]));
                }
                default -> {
                    int colon = v.indexOf(':');
                    if (colon <= 0 || colon == v.length() - 1) {
                        throw new UsageException("--relabel takes EPISODE:TASK TEXT, not '" + v + "'");
                    }
                    yield DatasetEdit.relabel(v.substring(0, colon), v.substring(colon + 1).strip());
                }
            };
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static double number(String option, String v) throws UsageException {
        try {
            double d = Double.parseDouble(v);
            if (!Double.isFinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new UsageException("--" + option + ": '" + v + "' is not a number");
        }
    }
}
