package dev.demoforge.ui.tests;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.eclipse.swt.widgets.Display;

/**
 * How late the UI thread runs a timer due every {@value #PERIOD_MILLIS} ms: lateness = start of the run minus when
 * it was due. It measures everything that keeps the UI thread (or the process) busy, every part's repaints included,
 * not one part. Start and stop on the UI thread; collects while the event loop runs.
 */
final class UiLatencyProbe {

    static final int PERIOD_MILLIS = 20;

    private final Display display;
    private final List<Long> lateness = new ArrayList<>();
    private boolean running;
    private long due;

    UiLatencyProbe(Display display) {
        this.display = display;
    }

    void start() {
        running = true;
        due = System.nanoTime() + PERIOD_MILLIS * 1_000_000L;
        display.timerExec(PERIOD_MILLIS, this::tick);
    }

    void stop() {
        running = false;
    }

    private void tick() {
        if (!running) {
            return;
        }
        long now = System.nanoTime();
        lateness.add(Math.max(0, now - due));
        due = now + PERIOD_MILLIS * 1_000_000L;
        display.timerExec(PERIOD_MILLIS, this::tick);
    }

    /** "n=.., lateness p50/p95/max .. ms". */
    String summary() {
        long[] sorted = lateness.stream().mapToLong(Long::longValue).sorted().toArray();
        if (sorted.length == 0) {
            return "n=0";
        }
        return String.format(Locale.ROOT, "n=%d, UI timer lateness p50 %.1f p95 %.1f max %.1f ms", sorted.length,
                sorted[sorted.length / 2] / 1e6, sorted[(int) Math.floor(0.95 * (sorted.length - 1))] / 1e6,
                sorted[sorted.length - 1] / 1e6);
    }
}
