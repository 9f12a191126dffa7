package dev.demoforge.review.ui.internal.editor;

import java.util.List;
import java.util.Locale;
import java.util.function.DoubleConsumer;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;

import dev.demoforge.catalog.api.Annotation;
import dev.demoforge.catalog.api.Trim;

/**
 * The episode's timeline in seconds from its start (host time base): check reasons as coloured regions (red FAIL,
 * yellow WARN, grey a passing check's note) with their text as tooltip, the trimmed-away parts greyed, annotations as labelled bars, the
 * cursor; a click or drag scrubs. UI thread only.
 */
final class TimelineCanvas extends Canvas {

    private static final int MARGIN = 6;
    private static final int REGION_ROW = 14;

    private double duration = 1;
    private double cursor;
    private List<EpisodeView.Region> regions = List.of();
    private List<Annotation> annotations = List.of();
    private Trim trim;
    private double mark = Double.NaN;
    private final DoubleConsumer scrub;
    private boolean dragging;

    TimelineCanvas(Composite parent, DoubleConsumer scrub) {
        super(parent, SWT.DOUBLE_BUFFERED);
        this.scrub = scrub;
        addListener(SWT.Paint, e -> paint(e.gc));
        addListener(SWT.MouseDown, e -> {
            dragging = true;
            scrub.accept(seconds(e.x));
        });
        addListener(SWT.MouseMove, this::mouseMove);
        addListener(SWT.MouseUp, e -> dragging = false);
    }

    void show(double newDuration, List<EpisodeView.Region> newRegions) {
        duration = Math.max(newDuration, 1e-3);
        regions = newRegions;
        redraw();
    }

    void review(Trim newTrim, List<Annotation> newAnnotations) {
        trim = newTrim;
        annotations = newAnnotations;
        redraw();
    }

    void cursor(double seconds) {
        cursor = seconds;
        redraw();
    }

    /** The start of the span the next annotation gets (NaN: none). */
    void mark(double seconds) {
        mark = seconds;
        redraw();
    }

    @Override
    public Point computeSize(int wHint, int hHint, boolean changed) {
        return new Point(wHint == SWT.DEFAULT ? 400 : wHint, 3 * REGION_ROW + 28);
    }

    private void mouseMove(Event e) {
        if (dragging) {
            scrub.accept(seconds(e.x));
            return;
        }
        double t = seconds(e.x);
        String tip = null;
        for (EpisodeView.Region r : regions) {
            if (t >= r.start() - 0.05 && t <= r.end() + 0.05) {
                tip = (tip == null ? "" : tip + "\n") + r.checkId() + " " + r.verdict() + ": " + r.text();
            }
        }
        for (Annotation a : annotations) {
            if (t >= a.startSeconds() && t <= a.endSeconds()) {
                tip = (tip == null ? "" : tip + "\n") + a.kind().name().toLowerCase(Locale.ROOT) + ": " + a.text();
            }
        }
        if (!java.util.Objects.equals(tip, getToolTipText())) {
            setToolTipText(tip);
        }
    }

    private double seconds(int x) {
        int width = Math.max(1, getClientArea().width - 2 * MARGIN);
        return Math.max(0, Math.min(duration, (x - MARGIN) * duration / width));
    }

    private int x(double seconds) {
        int width = Math.max(1, getClientArea().width - 2 * MARGIN);
        return MARGIN + (int) Math.round(seconds / duration * width);
    }

    private void paint(GC gc) {
        Rectangle area = getClientArea();
        gc.setBackground(color(SWT.COLOR_LIST_BACKGROUND));
        gc.fillRectangle(area);
        int top = 2;
        for (EpisodeView.Region r : regions) {
            boolean fail = "FAIL".equals(r.verdict());
            boolean warn = "WARN".equals(r.verdict());
            gc.setBackground(color(fail ? SWT.COLOR_RED : warn ? SWT.COLOR_DARK_YELLOW : SWT.COLOR_GRAY));
            int row = fail ? 0 : 1;
            gc.fillRectangle(x(r.start()), top + row * REGION_ROW, Math.max(2, x(r.end()) - x(r.start())),
                    REGION_ROW - 2);
        }
        int annotationTop = top + 2 * REGION_ROW;
        gc.setForeground(color(SWT.COLOR_WHITE));
        for (Annotation a : annotations) {
            gc.setBackground(color(SWT.COLOR_DARK_BLUE));
            int w = Math.max(2, x(a.endSeconds()) - x(a.startSeconds()));
            gc.fillRectangle(x(a.startSeconds()), annotationTop, w, REGION_ROW - 2);
            gc.setClipping(x(a.startSeconds()), annotationTop, w, REGION_ROW);
            gc.drawText(a.text(), x(a.startSeconds()) + 2, annotationTop - 1, true);
            gc.setClipping((Rectangle) null);
        }
        if (trim != null) {
            gc.setAlpha(110);
            gc.setBackground(color(SWT.COLOR_DARK_GRAY));
            gc.fillRectangle(x(0), 0, x(trim.startSeconds()) - x(0), area.height);
            gc.fillRectangle(x(trim.endSeconds()), 0, x(duration) - x(trim.endSeconds()), area.height);
            gc.setAlpha(255);
        }
        int axis = top + 3 * REGION_ROW + 2;
        gc.setForeground(color(SWT.COLOR_WIDGET_FOREGROUND));
        gc.drawLine(x(0), axis, x(duration), axis);
        double step = duration > 60 ? 10 : duration > 20 ? 5 : 1;
        for (double t = 0; t <= duration + 1e-9; t += step) {
            gc.drawLine(x(t), axis, x(t), axis + 3);
            gc.drawText(String.format(Locale.ROOT, "%.0f", t), x(t) + 1, axis + 2, true);
        }
        if (Double.isFinite(mark)) {
            gc.setForeground(color(SWT.COLOR_DARK_BLUE));
            gc.drawLine(x(mark), 0, x(mark), area.height);
        }
        gc.setForeground(color(SWT.COLOR_BLUE));
        gc.setLineWidth(2);
        gc.drawLine(x(cursor), 0, x(cursor), area.height);
        gc.setLineWidth(1);
    }

    private Color color(int id) {
        return getDisplay().getSystemColor(id);
    }
}
