package dev.demoforge.quality.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.demoforge.quality.api.CheckResult;
import dev.demoforge.quality.api.Reason;
import dev.demoforge.quality.api.Verdict;

/**
 * Precision and recall of the built-in checks against simulated ground truth. Each check detects a problem: a
 * verdict other than PASS is a positive. {@code success} against a truth outcome other than success;
 * {@code hesitation} against truth hesitations, a true positive only when one of its reasons overlaps a truth
 * hesitation in time; {@code smoothness} against the truth's jerky flag. Episodes whose trial did not end inside the
 * recording are skipped. Not thread-safe; build, then read.
 *
 * @since 0.1
 */
public final class Validation {

    /** Check ids validated, in report order. */
    public static final List<String> CHECKS = List.of("success", "hesitation", "smoothness");

    /**
     * Confusion counts of one check.
     *
     * @param checkId  the check
     * @param problem  what a positive means
     * @param tp       flagged and truly a problem
     * @param fp       flagged, no problem
     * @param fn       not flagged, truly a problem
     * @param tn       not flagged, no problem
     * @since 0.1
     */
    public record Row(String checkId, String problem, int tp, int fp, int fn, int tn) {

        /** TP / (TP + FP); NaN when nothing was flagged. */
        public double precision() {
            return tp + fp == 0 ? Double.NaN : (double) tp / (tp + fp);
        }

        /** TP / (TP + FN); NaN when nothing was truly a problem. */
        public double recall() {
            return tp + fn == 0 ? Double.NaN : (double) tp / (tp + fn);
        }
    }

    private final int[][] counts = new int[CHECKS.size()][4];
    private int skipped;
    private int scored;

    /** Adds one episode's truth and check results; returns false (and counts it as skipped) if incomplete. */
    public boolean add(SimTruth truth, List<CheckResult> results) {
        if (!truth.complete()) {
            skipped++;
            return false;
        }
        scored++;
        for (int k = 0; k < CHECKS.size(); k++) {
            String id = CHECKS.get(k);
            CheckResult r = results.stream().filter(c -> c.checkId().equals(id)).findFirst().orElse(null);
            boolean flagged = r != null && r.verdict() != Verdict.PASS;
            boolean problem = switch (id) {
                case "success" -> !truth.success();
                case "hesitation" -> !truth.hesitations().isEmpty();
                default -> truth.jerky();
            };
            if (id.equals("hesitation") && flagged && problem && !overlapsTruth(r, truth)) {
                counts[k][1]++;
                counts[k][2]++;
                continue;
            }
            counts[k][flagged ? (problem ? 0 : 1) : (problem ? 2 : 3)]++;
        }
        return true;
    }

    private static boolean overlapsTruth(CheckResult r, SimTruth truth) {
        for (Reason reason : r.reasons()) {
            for (double[] h : truth.hesitations()) {
                if (reason.startSeconds() < h[1] && h[0] < reason.endSeconds()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Episodes scored. */
    public int scored() {
        return scored;
    }

    /** Episodes skipped because their trial did not end inside the recording. */
    public int skipped() {
        return skipped;
    }

    /** One row per check of {@link #CHECKS}. */
    public List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        String[] problems = {"task failure", "hesitation", "jerky motion"};
        for (int k = 0; k < CHECKS.size(); k++) {
            int[] c = counts[k];
            rows.add(new Row(CHECKS.get(k), problems[k], c[0], c[1], c[2], c[3]));
        }
        return rows;
    }

    /** A plain-text table of {@link #rows()}. */
    public String table() {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%-11s %-13s %4s %4s %4s %4s %9s %7s%n",
                "CHECK", "DETECTS", "TP", "FP", "FN", "TN", "PRECISION", "RECALL"));
        for (Row r : rows()) {
            b.append(String.format(Locale.ROOT, "%-11s %-13s %4d %4d %4d %4d %9.2f %7.2f%n", r.checkId(), r.problem(),
                    r.tp(), r.fp(), r.fn(), r.tn(), r.precision(), r.recall()));
        }
        b.append(String.format(Locale.ROOT, "%d episodes scored, %d skipped (trial not finished in the recording)%n",
                scored, skipped));
        return b.toString();
    }
}
