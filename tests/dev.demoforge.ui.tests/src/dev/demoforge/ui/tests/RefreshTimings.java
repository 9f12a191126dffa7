package dev.demoforge.ui.tests;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

import org.eclipse.swt.widgets.Composite;

/**
 * The Plots part's UI-thread time per refresh (wall and CPU, kept by the part under widget data keys), collected over
 * the windows a test marks with {@link #begin()} / {@link #end()}. UI thread only.
 */
final class RefreshTimings {

    static final String WALL_KEY = "dev.demoforge.refreshNanos";
    static final String CPU_KEY = "dev.demoforge.refreshCpuNanos";

    private final Deque<Long> wall;
    private final Deque<Long> cpu;
    private final List<Long> wallKept = new ArrayList<>();
    private final List<Long> cpuKept = new ArrayList<>();
    private int wallFrom;
    private int cpuFrom;
    private long windowStart;
    private long windowNanos;

    RefreshTimings(Composite plotsPart) {
        this.wall = deque(plotsPart, WALL_KEY);
        this.cpu = deque(plotsPart, CPU_KEY);
    }

    @SuppressWarnings("unchecked")
    private static Deque<Long> deque(Composite part, String key) {
        Object data = Workbench.descendants(part, Composite.class).stream().map(c -> c.getData(key))
                .filter(d -> d != null).findFirst().orElse(null);
        assertNotNull(data, "the Plots part keeps no " + key);
        return (Deque<Long>) data;
    }

    void begin() {
        wallFrom = wall.size();
        cpuFrom = cpu.size();
        windowStart = System.nanoTime();
    }

    void end() {
        wallKept.addAll(new ArrayList<>(wall).subList(Math.min(wallFrom, wall.size()), wall.size()));
        cpuKept.addAll(new ArrayList<>(cpu).subList(Math.min(cpuFrom, cpu.size()), cpu.size()));
        windowNanos += System.nanoTime() - windowStart;
    }

    int count() {
        return wallKept.size();
    }

    /** Refreshes per second over the marked windows. */
    double rateHz() {
        return wallKept.size() / (windowNanos / 1e9);
    }

    double medianWallMillis() {
        return percentile(wallKept, 0.5);
    }

    /** "n=.. rate .. Hz, wall mean/p50/p95/max .., CPU mean/p95 .." in ms. */
    String summary() {
        return String.format(Locale.ROOT, "n=%d, %.1f Hz; wall mean %.2f p50 %.2f p95 %.2f max %.2f ms;"
                + " UI-thread CPU mean %.2f p95 %.2f ms", count(), rateHz(), mean(wallKept),
                percentile(wallKept, 0.5), percentile(wallKept, 0.95), percentile(wallKept, 1), mean(cpuKept),
                percentile(cpuKept, 0.95));
    }

    double meanCpuMillis() {
        return mean(cpuKept);
    }

    private static double mean(List<Long> nanos) {
        return nanos.stream().mapToLong(Long::longValue).average().orElse(Double.NaN) / 1e6;
    }

    private static double percentile(List<Long> nanos, double q) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        return sorted.length == 0 ? Double.NaN : sorted[(int) Math.floor(q * (sorted.length - 1))] / 1e6;
    }
}
