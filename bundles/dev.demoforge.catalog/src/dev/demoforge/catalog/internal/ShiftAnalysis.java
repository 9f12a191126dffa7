package dev.demoforge.catalog.internal;

import static dev.demoforge.catalog.api.OperatorShifts.MIN_GROUP;
import static dev.demoforge.catalog.api.OperatorShifts.PASS_RATE_DROP;
import static dev.demoforge.catalog.api.OperatorShifts.RECENT;
import static dev.demoforge.catalog.api.OperatorShifts.SHIFT_GAP_HOURS;
import static dev.demoforge.catalog.api.OperatorShifts.SHIFT_HOURS;
import static dev.demoforge.catalog.api.OperatorShifts.SMOOTHNESS_DROP;
import static dev.demoforge.catalog.api.OperatorShifts.T_MIN;
import static dev.demoforge.catalog.api.OperatorShifts.Z_MIN;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.demoforge.catalog.api.OperatorShift;
import dev.demoforge.catalog.api.OperatorShift.ShiftEpisode;
import dev.demoforge.catalog.api.OperatorShift.ShiftHour;

/** Groups an operator's episodes into shifts and applies the fatigue rule of {@link dev.demoforge.catalog.api.OperatorShifts}. */
final class ShiftAnalysis {

    /** One episode as the analysis needs it. */
    record Row(String operator, String episodeId, Instant start, double durationSeconds, boolean passed,
            double smoothness) {
    }

    private ShiftAnalysis() {
    }

    /** Rows ordered by operator, then start. */
    static List<OperatorShift> shifts(List<Row> rows) {
        List<OperatorShift> shifts = new ArrayList<>();
        List<Row> current = new ArrayList<>();
        for (Row row : rows) {
            if (!current.isEmpty() && startsNewShift(current, row)) {
                shifts.add(shift(current));
                current = new ArrayList<>();
            }
            current.add(row);
        }
        if (!current.isEmpty()) {
            shifts.add(shift(current));
        }
        return shifts;
    }

    private static boolean startsNewShift(List<Row> shift, Row next) {
        Row first = shift.get(0);
        Row last = shift.get(shift.size() - 1);
        return !first.operator().equals(next.operator()) || hours(last.start(), next.start()) > SHIFT_GAP_HOURS
                || hours(first.start(), next.start()) > SHIFT_HOURS;
    }

    private static OperatorShift shift(List<Row> rows) {
        Instant start = rows.get(0).start();
        Instant end = rows.stream().map(r -> r.start().plusMillis(Math.round(r.durationSeconds() * 1000)))
                .max(Instant::compareTo).orElseThrow();
        List<ShiftEpisode> episodes = rows.stream()
                .map(r -> new ShiftEpisode(r.episodeId(), hours(start, r.start()), r.passed(), r.smoothness())).toList();
        double lengthHours = Math.max(hours(start, end), 1.0 / 60);
        List<ShiftHour> hours = new ArrayList<>();
        int lastHour = (int) Math.floor(episodes.get(episodes.size() - 1).hoursIn());
        for (int h = 0; h <= lastHour; h++) {
            final int hour = h;
            List<ShiftEpisode> in = episodes.stream().filter(e -> (int) Math.floor(e.hoursIn()) == hour).toList();
            hours.add(new ShiftHour(h, in.size(), passRate(in), meanSmoothness(in)));
        }
        return new OperatorShift(rows.get(0).operator(), start, end, episodes, episodes.size() / lengthHours,
                passRate(episodes), meanSmoothness(episodes), hours, fatigue(episodes));
    }

    /** The fatigue rule: the first hour against the last {@code RECENT} episodes after it; empty when no warning. */
    static String fatigue(List<ShiftEpisode> episodes) {
        List<ShiftEpisode> baseline = episodes.stream().filter(e -> e.hoursIn() < 1.0).toList();
        List<ShiftEpisode> later = episodes.stream().filter(e -> e.hoursIn() >= 1.0).toList();
        List<ShiftEpisode> recent = later.subList(Math.max(0, later.size() - RECENT), later.size());
        if (baseline.size() < MIN_GROUP || recent.size() < MIN_GROUP) {
            return "";
        }
        List<String> why = new ArrayList<>();
        double[] a = smoothness(baseline);
        double[] b = smoothness(recent);
        if (a.length >= MIN_GROUP && b.length >= MIN_GROUP) {
            double drop = mean(a) - mean(b);
            double t = drop / Math.sqrt(variance(a) / a.length + variance(b) / b.length);
            if (drop > SMOOTHNESS_DROP && (t >= T_MIN || Double.isInfinite(t))) {
                why.add(String.format(Locale.ROOT, "smoothness fell from %.2f (first hour, %d episodes) to %.2f"
                        + " (last %d), t = %.1f", mean(a), a.length, mean(b), b.length, t));
            }
        }
        double p1 = passRate(baseline);
        double p2 = passRate(recent);
        double pooled = (p1 * baseline.size() + p2 * recent.size()) / (baseline.size() + recent.size());
        double z = (p1 - p2) / Math.sqrt(pooled * (1 - pooled) * (1.0 / baseline.size() + 1.0 / recent.size()));
        if (p1 - p2 >= PASS_RATE_DROP && z >= Z_MIN) {
            why.add(String.format(Locale.ROOT, "pass rate fell from %.0f %% (first hour, %d episodes) to %.0f %%"
                    + " (last %d), z = %.1f", 100 * p1, baseline.size(), 100 * p2, recent.size(), z));
        }
        return String.join("; ", why);
    }

    private static double hours(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 3_600_000.0;
    }

    private static double passRate(List<ShiftEpisode> episodes) {
        return episodes.isEmpty() ? Double.NaN
                : episodes.stream().filter(ShiftEpisode::passed).count() / (double) episodes.size();
    }

    private static double meanSmoothness(List<ShiftEpisode> episodes) {
        double[] values = smoothness(episodes);
        return values.length == 0 ? Double.NaN : mean(values);
    }

    private static double[] smoothness(List<ShiftEpisode> episodes) {
        return episodes.stream().mapToDouble(ShiftEpisode::smoothness).filter(Double::isFinite).toArray();
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    private static double variance(double[] values) {
        double m = mean(values);
        double sum = 0;
        for (double v : values) {
            sum += (v - m) * (v - m);
        }
        return sum / (values.length - 1);
    }
}
