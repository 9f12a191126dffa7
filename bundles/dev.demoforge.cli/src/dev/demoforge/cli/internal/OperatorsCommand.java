package dev.demoforge.cli.internal;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.demoforge.catalog.api.OperatorShift;
import dev.demoforge.catalog.api.OperatorShifts;

/**
 * {@code quality --operators [--operator NAME] [--json]}: quality per operator and shift from the catalog
 * ({@link OperatorShifts}): episodes per hour, pass rate, mean smoothness, the hour-by-hour trend and the fatigue
 * warning. Exit code 0; a shift with a fatigue warning is printed with "FATIGUE".
 */
final class OperatorsCommand {

    private final Services services;
    private final PrintStream out;

    OperatorsCommand(Services services, PrintStream out) {
        this.services = services;
        this.out = out;
    }

    int run(String operator, boolean json) {
        List<OperatorShift> shifts = services.get(OperatorShifts.class).shifts(operator);
        if (json) {
            out.println(Json.GSON.toJson(shifts.stream().map(OperatorsCommand::json).toList()));
            return 0;
        }
        if (shifts.isEmpty()) {
            out.println("No finished episodes with an operator in the catalog.");
        }
        for (OperatorShift s : shifts) {
            out.printf(Locale.ROOT, "%-16s %s … %s  %3d episodes  %5.1f /h  pass %3.0f %%  SPARC %6.2f%s%n",
                    s.operator(), s.start(), s.end(), s.episodes().size(), s.episodesPerHour(), 100 * s.passRate(),
                    s.meanSmoothness(), s.fatigued() ? "  FATIGUE: " + s.fatigue() : "");
            for (OperatorShift.ShiftHour h : s.hours()) {
                out.printf(Locale.ROOT, "    hour %d: %3d episodes, pass %s, SPARC %s%n", h.index() + 1, h.episodes(),
                        Double.isNaN(h.passRate()) ? "  -" : String.format(Locale.ROOT, "%3.0f %%", 100 * h.passRate()),
                        Double.isNaN(h.meanSmoothness()) ? "-" : String.format(Locale.ROOT, "%.2f", h.meanSmoothness()));
            }
        }
        return 0;
    }

    private static Map<String, Object> json(OperatorShift s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("operator", s.operator());
        m.put("start", s.start().toString());
        m.put("end", s.end().toString());
        m.put("episodes", s.episodes().size());
        m.put("episodes_per_hour", s.episodesPerHour());
        m.put("pass_rate", s.passRate());
        m.put("mean_smoothness", finite(s.meanSmoothness()));
        m.put("fatigue", s.fatigue());
        m.put("hours", s.hours().stream().map(h -> {
            Map<String, Object> hour = new LinkedHashMap<>();
            hour.put("hour", h.index());
            hour.put("episodes", h.episodes());
            hour.put("pass_rate", finite(h.passRate()));
            hour.put("mean_smoothness", finite(h.meanSmoothness()));
            return hour;
        }).toList());
        return m;
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
