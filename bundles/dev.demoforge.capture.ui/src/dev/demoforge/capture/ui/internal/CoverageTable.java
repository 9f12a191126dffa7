package dev.demoforge.capture.ui.internal;

import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;

import dev.demoforge.capture.Scene;
import dev.demoforge.capture.ScenePlanner;

/**
 * Scene combinations against episodes done / planned, coloured as a heat map: green when covered, amber when
 * started, red when none yet; the current scene is marked. UI thread only.
 */
final class CoverageTable {

    private final Table table;
    private List<ScenePlanner.Coverage> shown = List.of();
    private Scene shownCurrent;

    CoverageTable(Composite parent, Messages messages) {
        table = new Table(parent, SWT.BORDER | SWT.FULL_SELECTION);
        table.setHeaderVisible(true);
        table.setData(RecordPart.CONTROL_KEY, "coverage");
        column(messages.coverageScene, 230, "scene");
        column(messages.coverageDone, 60, "done");
        column(messages.coveragePlanned, 70, "planned");
    }

    Table table() {
        return table;
    }

    private void column(String title, int width, String key) {
        TableColumn column = new TableColumn(table, SWT.LEFT);
        column.setText(title);
        column.setWidth(width);
        column.setData("dev.demoforge.column", key);
    }

    void show(List<ScenePlanner.Coverage> rows, Scene current) {
        if (rows.equals(shown) && java.util.Objects.equals(current, shownCurrent)) {
            return;
        }
        shown = rows;
        shownCurrent = current;
        table.setRedraw(false);
        table.removeAll();
        for (ScenePlanner.Coverage row : rows) {
            TableItem item = new TableItem(table, SWT.NONE);
            item.setText(new String[] { (row.scene().equals(current) ? "\u25B6 " : "") + row.scene().label(),
                    Integer.toString(row.done()), Integer.toString(row.planned()) });
            item.setBackground(1, heat(row));
        }
        table.setRedraw(true);
    }

    private Color heat(ScenePlanner.Coverage row) {
        int colour = row.done() >= row.planned() ? SWT.COLOR_GREEN
                : row.done() > 0 ? SWT.COLOR_YELLOW : row.planned() > 0 ? SWT.COLOR_RED : SWT.COLOR_WHITE;
        return table.getDisplay().getSystemColor(colour);
    }
}
