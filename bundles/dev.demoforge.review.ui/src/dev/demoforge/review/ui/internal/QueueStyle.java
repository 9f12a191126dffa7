package dev.demoforge.review.ui.internal;

import java.util.List;

import org.eclipse.nebula.widgets.nattable.config.AbstractRegistryConfiguration;
import org.eclipse.nebula.widgets.nattable.config.CellConfigAttributes;
import org.eclipse.nebula.widgets.nattable.config.IConfigRegistry;
import org.eclipse.nebula.widgets.nattable.layer.LabelStack;
import org.eclipse.nebula.widgets.nattable.layer.cell.IConfigLabelAccumulator;
import org.eclipse.nebula.widgets.nattable.painter.cell.ImagePainter;
import org.eclipse.nebula.widgets.nattable.painter.cell.TextPainter;
import org.eclipse.nebula.widgets.nattable.painter.cell.decorator.CellPainterDecorator;
import org.eclipse.nebula.widgets.nattable.style.DisplayMode;
import org.eclipse.nebula.widgets.nattable.ui.util.CellEdgeEnum;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.widgets.Display;

/**
 * Marker-like severity icons in the queue's Checks column: the platform's error / warning / information icons
 * (scaled to 16 px) before the worst verdict, chosen by a cell label per row. Owns the icons: dispose with the part.
 */
final class QueueStyle extends AbstractRegistryConfiguration implements IConfigLabelAccumulator {

    static final String FAIL = "verdict.FAIL";
    static final String WARN = "verdict.WARN";
    static final String PASS = "verdict.PASS";

    private final List<QueueRow> rows;
    private final Image error;
    private final Image warning;
    private final Image info;

    QueueStyle(Display display, List<QueueRow> rows) {
        this.rows = rows;
        error = icon(display, SWT.ICON_ERROR);
        warning = icon(display, SWT.ICON_WARNING);
        info = icon(display, SWT.ICON_INFORMATION);
    }

    private static Image icon(Display display, int id) {
        return new Image(display, display.getSystemImage(id).getImageData().scaledTo(16, 16));
    }

    @Override
    public void accumulateConfigLabels(LabelStack labels, int columnPosition, int rowPosition) {
        if (columnPosition == EpisodeColumn.VERDICT.ordinal() && rowPosition >= 0 && rowPosition < rows.size()) {
            switch (rows.get(rowPosition).verdict()) {
            case "FAIL" -> labels.addLabel(FAIL);
            case "WARN" -> labels.addLabel(WARN);
            case "PASS" -> labels.addLabel(PASS);
            default -> {
            }
            }
        }
    }

    @Override
    public void configureRegistry(IConfigRegistry registry) {
        register(registry, FAIL, error);
        register(registry, WARN, warning);
        register(registry, PASS, info);
    }

    private static void register(IConfigRegistry registry, String label, Image image) {
        registry.registerConfigAttribute(CellConfigAttributes.CELL_PAINTER,
                new CellPainterDecorator(new TextPainter(), CellEdgeEnum.LEFT, new ImagePainter(image)),
                DisplayMode.NORMAL, label);
        registry.registerConfigAttribute(CellConfigAttributes.CELL_PAINTER,
                new CellPainterDecorator(new TextPainter(), CellEdgeEnum.LEFT, new ImagePainter(image)),
                DisplayMode.SELECT, label);
    }

    void dispose() {
        error.dispose();
        warning.dispose();
        info.dispose();
    }
}
