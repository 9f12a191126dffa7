package dev.demoforge.review.ui.internal.editor;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.events.PaintEvent;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swtchart.Chart;
import org.eclipse.swtchart.IAxis;
import org.eclipse.swtchart.ICustomPaintListener;
import org.eclipse.swtchart.ILineSeries;
import org.eclipse.swtchart.ILineSeries.PlotSymbolType;
import org.eclipse.swtchart.ISeries.SeriesType;
import org.eclipse.swtchart.Range;

/**
 * SWTChart line charts of the episode's joints, gripper, wrench and joint speed side by side, x in episode seconds
 * (host time base), with a vertical cursor line that follows playback. UI thread only.
 */
final class SignalPlots extends Composite {

    private static final int[] COLORS = { SWT.COLOR_BLUE, SWT.COLOR_RED, SWT.COLOR_DARK_GREEN, SWT.COLOR_MAGENTA,
            SWT.COLOR_DARK_CYAN, SWT.COLOR_DARK_YELLOW, SWT.COLOR_BLACK };

    private final List<Chart> charts = new ArrayList<>();
    private double cursor;

    SignalPlots(Composite parent) {
        super(parent, SWT.NONE);
        setLayout(new GridLayout(1, true));
    }

    void show(List<EpisodeView.Plot> plots, double duration) {
        charts.forEach(Control::dispose);
        charts.clear();
        setLayout(new GridLayout(Math.max(1, plots.size()), true));
        for (EpisodeView.Plot plot : plots) {
            Chart chart = new Chart(this, SWT.NONE);
            chart.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
            chart.getTitle().setText(plot.title() + (plot.units().isEmpty() ? "" : " (" + plot.units() + ")"));
            chart.getAxisSet().getXAxis(0).getTitle().setText("s");
            chart.getAxisSet().getYAxis(0).getTitle().setVisible(false);
            chart.getLegend().setVisible(false);
            for (int k = 0; k < plot.names().size(); k++) {
                ILineSeries<?> series = (ILineSeries<?>) chart.getSeriesSet().createSeries(SeriesType.LINE,
                        plot.names().get(k));
                series.setXSeries(plot.seconds());
                series.setYSeries(plot.values()[k]);
                series.setSymbolType(PlotSymbolType.NONE);
                series.setLineColor(getDisplay().getSystemColor(COLORS[k % COLORS.length]));
            }
            chart.getAxisSet().adjustRange();
            chart.getAxisSet().getXAxis(0).setRange(new Range(0, Math.max(duration, 1e-3)));
            chart.getPlotArea().addCustomPaintListener(new ICustomPaintListener() {
                @Override
                public void paintControl(PaintEvent e) {
                    IAxis x = chart.getAxisSet().getXAxis(0);
                    int px = x.getPixelCoordinate(cursor);
                    e.gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_BLUE));
                    e.gc.setLineWidth(2);
                    e.gc.drawLine(px, 0, px, e.height > 0 ? e.height : chart.getPlotArea().getSize().y);
                    e.gc.setLineWidth(1);
                }

                @Override
                public boolean drawBehindSeries() {
                    return false;
                }
            });
            charts.add(chart);
        }
        layout(true, true);
    }

    void cursor(double seconds) {
        cursor = seconds;
        for (Chart chart : charts) {
            chart.getPlotArea().getControl().redraw();
        }
    }

    /** How many charts are shown (for tests). */
    int chartCount() {
        return charts.size();
    }
}
