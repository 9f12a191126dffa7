package dev.demoforge.review.ui.internal;

import java.util.Comparator;
import java.util.List;

import org.eclipse.nebula.widgets.nattable.sort.ISortModel;
import org.eclipse.nebula.widgets.nattable.sort.SortDirectionEnum;


/**
 * Sorts the table's backing list in place by one column (clicking a header cycles ascending, descending, none);
 * unsorted means the catalog's order (start time). UI thread only.
 */
final class EpisodeSortModel implements ISortModel {

    private final List<QueueRow> rows;
    private int column = -1;
    private SortDirectionEnum direction = SortDirectionEnum.NONE;

    EpisodeSortModel(List<QueueRow> rows) {
        this.rows = rows;
    }

    /** Re-applies the current order, e.g. after the rows were reloaded. */
    void apply() {
        if (column < 0 || direction == SortDirectionEnum.NONE) {
            rows.sort(EpisodeColumn.STARTED.comparator());
        } else {
            Comparator<QueueRow> order = EpisodeColumn.values()[column].comparator();
            rows.sort(direction == SortDirectionEnum.DESC ? order.reversed() : order);
        }
    }

    @Override
    public List<Integer> getSortedColumnIndexes() {
        return isColumnIndexSorted(column) ? List.of(column) : List.of();
    }

    @Override
    public boolean isColumnIndexSorted(int columnIndex) {
        return columnIndex >= 0 && columnIndex == column && direction != SortDirectionEnum.NONE;
    }

    @Override
    public SortDirectionEnum getSortDirection(int columnIndex) {
        return columnIndex == column ? direction : SortDirectionEnum.NONE;
    }

    @Override
    public int getSortOrder(int columnIndex) {
        return isColumnIndexSorted(columnIndex) ? 0 : -1;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public List<Comparator> getComparatorsForColumnIndex(int columnIndex) {
        return List.of(getColumnComparator(columnIndex));
    }

    @Override
    public Comparator<?> getColumnComparator(int columnIndex) {
        return EpisodeColumn.values()[columnIndex].comparator();
    }

    @Override
    public void sort(int columnIndex, SortDirectionEnum sortDirection, boolean accumulate) {
        column = columnIndex;
        direction = sortDirection;
        apply();
    }

    @Override
    public void clear() {
        column = -1;
        direction = SortDirectionEnum.NONE;
        apply();
    }
}
