package dev.demoforge.capture.ui.internal;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.eclipse.e4.core.services.nls.Translation;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swtchart.Chart;
import org.eclipse.swtchart.ILineSeries;
import org.eclipse.swtchart.ISeries;
import org.eclipse.swtchart.ISeriesSet;
import org.eclipse.swtchart.LineStyle;

import dev.demoforge.capture.LiveSeries;
import dev.demoforge.device.api.ConnectedStation;
import dev.demoforge.device.api.StreamKind;
import dev.demoforge.episode.api.Recording;
import dev.demoforge.episode.api.StreamSummary;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * Live plots of the station's joints, gripper and wrench (SWTChart), the last {@value #WINDOW_SECONDS} s, refreshed
 * every {@value #REFRESH_MILLIS} ms at a fixed rate (each refresh is due one period after the previous one was due,
 * so a late timer does not push the later ones back; a refresh more than a period late is skipped, not caught up in
 * a burst) from a {@link LiveSeries} sink (bounded rings, {@value #PLOT_HZ} Hz per stream, filled on
 * the drivers' threads without blocking), plus the recording's stream health (a fixed-height label, so that a
 * changing figure never relayouts the charts). The UI-thread time of each refresh
 * (series update and synchronous repaint) is kept for the last {@value #KEPT_TIMINGS} refreshes under the widget
 * data keys {@value #TIMINGS_KEY} (wall time) and {@value #CPU_TIMINGS_KEY} (the UI thread's CPU time, which other
 * processes' load does not inflate), each a {@code Deque<Long>} of nanoseconds, for measurement.
 */
public final class PlotsPart {

    static final int REFRESH_MILLIS = 100;
    private static final long PERIOD_NANOS = REFRESH_MILLIS * 1_000_000L;
    static final int WINDOW_SECONDS = 10;
    static final int PLOT_HZ = 50;
    static final int KEPT_TIMINGS = 5000;
    static final String TIMINGS_KEY = "dev.demoforge.refreshNanos";
    static final String CPU_TIMINGS_KEY = "dev.demoforge.refreshCpuNanos";
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private static final int[] COLOURS = { SWT.COLOR_BLUE, SWT.COLOR_RED, SWT.COLOR_DARK_GREEN, SWT.COLOR_MAGENTA,
        SWT.COLOR_DARK_CYAN, SWT.COLOR_DARK_YELLOW, SWT.COLOR_BLACK, SWT.COLOR_GRAY };

    @Inject
    @Translation
    Messages messages;

    @Inject
    CaptureSession session;

    private final LiveSeries series = new LiveSeries(WINDOW_SECONDS * PLOT_HZ + 1, 1_000_000_000L / PLOT_HZ);
    private final Runnable refresh = this::refresh;
    private final Map<StreamKind, Chart> charts = new EnumMap<>(StreamKind.class);
    private final Deque<Long> timings = new ArrayDeque<>();
    private final Deque<Long> cpuTimings = new ArrayDeque<>();
    private Composite root;
    private Label health;
    private ConnectedStation attached;
    /** When the next refresh is due, {@link System#nanoTime()}. */
    private long due;

    @PostConstruct
    public void create(Composite parent) {
        root = parent;
        parent.setLayout(new GridLayout(3, true));
        chart(parent, StreamKind.JOINT_STATE, messages.plotJoints);
        chart(parent, StreamKind.GRIPPER, messages.plotGripper);
        chart(parent, StreamKind.WRENCH, messages.plotWrench);
        health = new Label(parent, SWT.WRAP);
        GridData healthLayout = new GridData(SWT.FILL, SWT.TOP, true, false, 3, 1);
        healthLayout.heightHint = 4 * health.getFont().getFontData()[0].getHeight() * 2;
        health.setLayoutData(healthLayout);
        health.setData(RecordPart.CONTROL_KEY, "health");
        parent.setData(TIMINGS_KEY, timings);
        parent.setData(CPU_TIMINGS_KEY, cpuTimings);
        refresh();
    }

    private void chart(Composite parent, StreamKind kind, String title) {
        Chart chart = new Chart(parent, SWT.NONE);
        chart.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        chart.getTitle().setText(title);
        chart.getLegend().setVisible(false);
        chart.getAxisSet().getXAxis(0).getTitle().setText("s");
        chart.getAxisSet().getYAxis(0).getTitle().setVisible(false);
        chart.setData(RecordPart.CONTROL_KEY, "plot." + kind.name().toLowerCase(Locale.ROOT));
        charts.put(kind, chart);
    }

    @Focus
    public void focus() {
        root.setFocus();
    }

    @PreDestroy
    public void dispose() {
        if (attached != null) {
            attached.removeSink(series);
        }
    }

    private void refresh() {
        if (root == null || root.isDisposed()) {
            return;
        }
        long start = System.nanoTime();
        long cpuStart = THREADS.getCurrentThreadCpuTime();
        due = start - due > PERIOD_NANOS || due == 0 ? start + PERIOD_NANOS : due + PERIOD_NANOS;
        CaptureSession.State state = session.state();
        if (state.station() != attached && state.phase() != CaptureSession.Phase.CLOSED) {
            if (attached != null) {
                attached.removeSink(series);
            }
            attached = state.station();
            if (attached != null) {
                attached.addSink(series);
            }
        }
        long now = System.nanoTime();
        Map<StreamKind, Set<String>> live = new EnumMap<>(StreamKind.class);
        for (String topic : series.topics()) {
            LiveSeries.Window w = series.window(topic, now, WINDOW_SECONDS * 1_000_000_000L);
            Chart chart = w == null ? null : charts.get(w.spec().kind());
            if (chart == null) {
                continue;
            }
            for (int c = 0; c < w.values().length; c++) {
                String id = topic + ":" + w.spec().elementNames().get(c);
                live.computeIfAbsent(w.spec().kind(), k -> new HashSet<>()).add(id);
                line(chart, id, c).setXSeries(w.seconds());
                chart.getSeriesSet().getSeries(id).setYSeries(w.values()[c]);
            }
        }
        charts.forEach((kind, chart) -> {
            for (ISeries<?> s : chart.getSeriesSet().getSeries()) {
                if (!live.getOrDefault(kind, Set.of()).contains(s.getId())) {
                    chart.getSeriesSet().deleteSeries(s.getId());
                }
            }
            chart.getAxisSet().getXAxis(0).setRange(new org.eclipse.swtchart.Range(-WINDOW_SECONDS, 0));
            chart.getAxisSet().getYAxis(0).adjustRange();
            chart.redraw();
            chart.update();
        });
        showHealth(state);
        long spent = System.nanoTime() - start;
        keep(timings, spent);
        keep(cpuTimings, THREADS.getCurrentThreadCpuTime() - cpuStart);
        long wait = due - System.nanoTime();
        root.getDisplay().timerExec((int) Math.max(1, (wait + 500_000) / 1_000_000), refresh);
    }

    private static void keep(Deque<Long> kept, long nanos) {
        kept.addLast(nanos);
        if (kept.size() > KEPT_TIMINGS) {
            kept.removeFirst();
        }
    }

    private ILineSeries<?> line(Chart chart, String id, int index) {
        ISeriesSet set = chart.getSeriesSet();
        ISeries<?> existing = set.getSeries(id);
        if (existing instanceof ILineSeries<?> line) {
            return line;
        }
        ILineSeries<?> line = (ILineSeries<?>) set.createSeries(ISeries.SeriesType.LINE, id);
        line.setSymbolType(ILineSeries.PlotSymbolType.NONE);
        line.setLineStyle(LineStyle.SOLID);
        line.setLineColor(chart.getDisplay().getSystemColor(COLOURS[index % COLOURS.length]));
        return line;
    }

    private void showHealth(CaptureSession.State state) {
        Recording recording = state.recording();
        String text;
        if (recording == null) {
            text = messages.healthIdle;
        } else {
            List<String> parts = new ArrayList<>();
            for (StreamSummary s : recording.liveStats()) {
                parts.add(String.format(Locale.ROOT, "%s %d (%d dropped)", s.topic(), s.samples(), s.drops()));
            }
            int deepest = recording.queueDepths().values().stream().mapToInt(Integer::intValue).max().orElse(0);
            text = String.join("   ", parts) + "   " + String.format(Locale.ROOT, messages.healthQueue, deepest);
        }
        if (!text.equals(health.getText())) {
            health.setText(text);
        }
    }
}
