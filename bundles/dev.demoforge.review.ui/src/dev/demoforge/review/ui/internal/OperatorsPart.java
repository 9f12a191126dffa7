package dev.demoforge.review.ui.internal;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swtchart.Chart;
import org.eclipse.swtchart.ILineSeries;
import org.eclipse.swtchart.ILineSeries.PlotSymbolType;
import org.eclipse.swtchart.ISeries.SeriesType;
import org.eclipse.swtchart.Range;

import dev.demoforge.catalog.api.OperatorShift;
import dev.demoforge.catalog.api.OperatorShift.ShiftEpisode;
import dev.demoforge.catalog.api.OperatorShifts;
import dev.demoforge.ui.UiEvents;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * Quality per operator and shift ({@link OperatorShifts}): episodes per hour, pass rate, mean smoothness, a fatigue
 * warning, and a chart of the trend through the shift (rolling means over {@link #WINDOW} episodes against hours
 * into the shift). Loads in a job; reloads when the catalog changes.
 */
public final class OperatorsPart {

    /** Rolling window of the trend chart, episodes. */
    static final int WINDOW = 5;
    private static final DateTimeFormatter START = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    @Inject
    UISynchronize sync;

    private volatile OperatorShifts shifts;
    private List<OperatorShift> loaded = List.of();
    private Combo choice;
    private Label summary;
    private Label warning;
    private Chart chart;

    @Inject
    void shifts(@Optional @Service OperatorShifts newShifts) {
        shifts = newShifts;
        if (choice != null && !choice.isDisposed()) {
            reload();
        }
    }

    @PostConstruct
    public void create(Composite parent) {
        parent.setLayout(new GridLayout(2, false));
        choice = new Combo(parent, SWT.READ_ONLY);
        choice.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        choice.setData(EpisodesPart.CONTROL_KEY, "shift");
        choice.addListener(SWT.Selection, e -> showShift());
        Button refresh = new Button(parent, SWT.PUSH);
        refresh.setText("Refresh");
        refresh.addListener(SWT.Selection, e -> reload());
        summary = new Label(parent, SWT.WRAP);
        summary.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1));
        summary.setData(EpisodesPart.CONTROL_KEY, "summary");
        warning = new Label(parent, SWT.WRAP);
        warning.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1));
        warning.setForeground(parent.getDisplay().getSystemColor(SWT.COLOR_RED));
        warning.setData(EpisodesPart.CONTROL_KEY, "fatigue");
        chart = new Chart(parent, SWT.NONE);
        chart.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 2, 1));
        chart.getTitle().setText("Trend through the shift (rolling " + WINDOW + " episodes)");
        chart.getAxisSet().getXAxis(0).getTitle().setText("hours into the shift");
        chart.getAxisSet().getYAxis(0).getTitle().setText("pass rate");
        int smoothAxis = chart.getAxisSet().createYAxis();
        chart.getAxisSet().getYAxis(smoothAxis).getTitle().setText("smoothness (SPARC)");
        reload();
    }

    @Focus
    public void focus() {
        choice.setFocus();
    }

    @Inject
    @Optional
    void catalogChanged(@UIEventTopic(UiEvents.CATALOG_CHANGED) String episodeId) {
        if (choice != null && !choice.isDisposed()) {
            reload();
        }
    }

    private void reload() {
        OperatorShifts source = shifts;
        if (source == null) {
            summary.setText("No operator statistics service is installed.");
            return;
        }
        Job job = Job.create("Reading operator shifts", monitor -> {
            try {
                List<OperatorShift> found = source.shifts(null);
                sync.asyncExec(() -> show(found));
            } catch (RuntimeException e) {
                sync.asyncExec(() -> {
                    if (!summary.isDisposed()) {
                        summary.setText("Could not read operator shifts: " + e.getMessage());
                    }
                });
            }
        });
        job.setSystem(true);
        job.schedule();
    }

    private void show(List<OperatorShift> found) {
        if (choice.isDisposed()) {
            return;
        }
        loaded = found;
        int selected = Math.max(0, choice.getSelectionIndex());
        choice.removeAll();
        for (OperatorShift s : found) {
            choice.add(s.operator() + " · " + START.format(s.start()) + " · " + s.episodes().size() + " episodes"
                    + (s.fatigued() ? " ⚠" : ""));
        }
        if (!found.isEmpty()) {
            choice.select(Math.min(selected, found.size() - 1));
        }
        showShift();
    }

    private void showShift() {
        int i = choice.getSelectionIndex();
        if (i < 0 || i >= loaded.size()) {
            summary.setText("No finished episodes with an operator yet.");
            warning.setText("");
            return;
        }
        OperatorShift s = loaded.get(i);
        summary.setText(String.format(Locale.ROOT, "%s: %d episodes, %.1f per hour, pass rate %.0f %%, mean"
                + " smoothness %.2f", s.operator(), s.episodes().size(), s.episodesPerHour(), 100 * s.passRate(),
                s.meanSmoothness()));
        warning.setText(s.fatigued() ? "Possible fatigue: " + s.fatigue() : "");
        plot(s);
        summary.getParent().layout(true, true);
    }

    private void plot(OperatorShift s) {
        for (var series : chart.getSeriesSet().getSeries()) {
            chart.getSeriesSet().deleteSeries(series.getId());
        }
        List<ShiftEpisode> episodes = s.episodes();
        double[] hours = episodes.stream().mapToDouble(ShiftEpisode::hoursIn).toArray();
        double[] pass = rolling(episodes, e -> e.passed() ? 1 : 0);
        double[] smooth = rolling(episodes, ShiftEpisode::smoothness);
        line("pass rate", hours, pass, 0, SWT.COLOR_DARK_GREEN);
        line("smoothness", hours, smooth, chart.getAxisSet().getYAxisIds()[1], SWT.COLOR_BLUE);
        chart.getAxisSet().adjustRange();
        chart.getAxisSet().getYAxis(0).setRange(new Range(0, 1.05));
        chart.redraw();
    }

    private void line(String name, double[] x, double[] y, int axis, int color) {
        ILineSeries<?> series = (ILineSeries<?>) chart.getSeriesSet().createSeries(SeriesType.LINE, name);
        series.setXSeries(x);
        series.setYSeries(y);
        series.setYAxisId(axis);
        series.setSymbolType(PlotSymbolType.CIRCLE);
        series.setSymbolSize(2);
        series.setLineColor(chart.getDisplay().getSystemColor(color));
    }

    /** The mean of the last {@link #WINDOW} finite values up to each episode (NaN values skipped). */
    private static double[] rolling(List<ShiftEpisode> episodes, java.util.function.ToDoubleFunction<ShiftEpisode> f) {
        double[] out = new double[episodes.size()];
        List<Double> window = new ArrayList<>();
        for (int i = 0; i < episodes.size(); i++) {
            double v = f.applyAsDouble(episodes.get(i));
            if (Double.isFinite(v)) {
                window.add(v);
                if (window.size() > WINDOW) {
                    window.remove(0);
                }
            }
            out[i] = window.isEmpty() ? 0 : window.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        }
        return out;
    }
}
