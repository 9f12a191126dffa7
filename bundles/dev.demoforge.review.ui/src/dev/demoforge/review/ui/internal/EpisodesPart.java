package dev.demoforge.review.ui.internal;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.core.services.nls.Translation;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.nebula.widgets.nattable.NatTable;
import org.eclipse.nebula.widgets.nattable.config.DefaultNatTableStyleConfiguration;
import org.eclipse.nebula.widgets.nattable.data.IColumnAccessor;
import org.eclipse.nebula.widgets.nattable.data.ListDataProvider;
import org.eclipse.nebula.widgets.nattable.grid.data.DefaultColumnHeaderDataProvider;
import org.eclipse.nebula.widgets.nattable.grid.data.DefaultCornerDataProvider;
import org.eclipse.nebula.widgets.nattable.grid.data.DefaultRowHeaderDataProvider;
import org.eclipse.nebula.widgets.nattable.grid.layer.ColumnHeaderLayer;
import org.eclipse.nebula.widgets.nattable.grid.layer.CornerLayer;
import org.eclipse.nebula.widgets.nattable.grid.layer.DefaultColumnHeaderDataLayer;
import org.eclipse.nebula.widgets.nattable.grid.layer.DefaultRowHeaderDataLayer;
import org.eclipse.nebula.widgets.nattable.grid.layer.GridLayer;
import org.eclipse.nebula.widgets.nattable.grid.layer.RowHeaderLayer;
import org.eclipse.nebula.widgets.nattable.layer.DataLayer;
import org.eclipse.nebula.widgets.nattable.selection.RowSelectionProvider;
import org.eclipse.nebula.widgets.nattable.selection.SelectionLayer;
import org.eclipse.nebula.widgets.nattable.sort.SortHeaderLayer;
import org.eclipse.nebula.widgets.nattable.sort.config.SingleClickSortConfiguration;
import org.eclipse.nebula.widgets.nattable.viewport.ViewportLayer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

import dev.demoforge.catalog.api.Catalog;
import dev.demoforge.catalog.api.EpisodeQuery;
import dev.demoforge.catalog.api.EpisodeRecord;
import dev.demoforge.catalog.api.ReviewState;
import dev.demoforge.ui.UiEvents;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * The catalog's episodes in a NatTable (sortable by any column), with Refresh, Accept and Reject. Catalog calls run
 * in jobs; results come back through {@link UISynchronize} and are dropped if the part is gone. Reloads when the
 * capture session reports a new episode ({@link UiEvents#CATALOG_CHANGED}).
 */
public final class EpisodesPart {

    /** Widget data key naming a control ("episodes", "refresh", "accept", "reject", "summary"). */
    public static final String CONTROL_KEY = "dev.demoforge.control";

    @Inject
    @Translation
    Messages messages;

    @Inject
    UISynchronize sync;

    @Inject
    IEventBroker events;

    private volatile Catalog catalog;
    private final List<EpisodeRecord> rows = new ArrayList<>();
    private final EpisodeSortModel sortModel = new EpisodeSortModel(rows);
    private NatTable table;
    private SelectionLayer selection;
    private RowSelectionProvider<EpisodeRecord> selectionProvider;
    private Label summary;

    @Inject
    void catalog(@Optional @Service Catalog newCatalog) {
        boolean appeared = catalog == null && newCatalog != null;
        catalog = newCatalog;
        if (appeared && table != null) {
            reload();
        }
    }

    @PostConstruct
    public void create(Composite parent) {
        parent.setLayout(new GridLayout(1, false));
        Composite bar = new Composite(parent, SWT.NONE);
        bar.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        bar.setLayout(new GridLayout(4, false));
        button(bar, messages.refresh, "refresh").addListener(SWT.Selection, e -> reload());
        button(bar, messages.accept, "accept").addListener(SWT.Selection, e -> review(ReviewState.ACCEPTED));
        button(bar, messages.reject, "reject").addListener(SWT.Selection, e -> review(ReviewState.REJECTED));
        summary = new Label(bar, SWT.NONE);
        summary.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        summary.setData(CONTROL_KEY, "summary");

        table = createTable(parent);
        table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        table.setData(CONTROL_KEY, "episodes");
        selectionProvider.addSelectionChangedListener(e -> showSummary());
        reload();
    }

    @Focus
    public void focus() {
        table.setFocus();
    }

    @Inject
    @Optional
    void catalogChanged(@UIEventTopic(UiEvents.CATALOG_CHANGED) String episodeId) {
        if (table != null && !table.isDisposed()) {
            reload();
        }
    }

    private NatTable createTable(Composite parent) {
        EpisodeColumn[] columns = EpisodeColumn.values();
        ListDataProvider<EpisodeRecord> body = new ListDataProvider<>(rows, new IColumnAccessor<>() {
            @Override
            public Object getDataValue(EpisodeRecord episode, int column) {
                return columns[column].text(episode);
            }

            @Override
            public void setDataValue(EpisodeRecord episode, int column, Object value) {
                throw new UnsupportedOperationException("episodes are read-only here");
            }

            @Override
            public int getColumnCount() {
                return columns.length;
            }
        });
        DataLayer bodyData = new DataLayer(body);
        selection = new SelectionLayer(bodyData);
        ViewportLayer viewport = new ViewportLayer(selection);

        DefaultColumnHeaderDataProvider headers = new DefaultColumnHeaderDataProvider(
                Arrays.stream(columns).map(c -> c.title(messages)).toArray(String[]::new));
        DataLayer headerData = new DefaultColumnHeaderDataLayer(headers);
        ColumnHeaderLayer columnHeader = new ColumnHeaderLayer(headerData, viewport, selection);
        SortHeaderLayer<EpisodeRecord> sortHeader = new SortHeaderLayer<>(columnHeader, sortModel);

        DefaultRowHeaderDataProvider rowNumbers = new DefaultRowHeaderDataProvider(body);
        RowHeaderLayer rowHeader = new RowHeaderLayer(new DefaultRowHeaderDataLayer(rowNumbers), viewport, selection);
        CornerLayer corner = new CornerLayer(new DataLayer(new DefaultCornerDataProvider(headers, rowNumbers)),
                rowHeader, sortHeader);

        NatTable natTable = new NatTable(parent, new GridLayer(viewport, sortHeader, rowHeader, corner), false);
        natTable.addConfiguration(new DefaultNatTableStyleConfiguration());
        natTable.addConfiguration(new SingleClickSortConfiguration());
        natTable.configure();
        int[] widths = { 200, 220, 90, 70, 150, 90, 70, 60, 90, 90 };
        for (EpisodeColumn column : columns) {
            bodyData.setColumnWidthByPosition(column.ordinal(), widths[column.ordinal()]);
        }
        selectionProvider = new RowSelectionProvider<>(selection, body, false);
        return natTable;
    }

    /** Lists the catalog's episodes in a job and shows them. */
    void reload() {
        Catalog theCatalog = catalog;
        if (theCatalog == null) {
            summary.setText(messages.noCatalog);
            return;
        }
        Job job = Job.create(messages.jobLoad, monitor -> {
            List<EpisodeRecord> loaded;
            try {
                loaded = theCatalog.episodes(EpisodeQuery.all());
            } catch (RuntimeException e) {
                sync.asyncExec(() -> showProblem(MessageFormat.format(messages.loadFailed, e.getMessage())));
                return;
            }
            sync.asyncExec(() -> show(loaded));
        });
        job.setSystem(true);
        job.schedule();
    }

    private void show(List<EpisodeRecord> loaded) {
        if (table.isDisposed()) {
            return;
        }
        selection.clear();
        rows.clear();
        rows.addAll(loaded);
        sortModel.apply();
        table.refresh();
        showSummary();
    }

    private void showProblem(String text) {
        if (!summary.isDisposed()) {
            summary.setText(text);
            events.post(UiEvents.STATUS, text);
        }
    }

    private void showSummary() {
        if (summary.isDisposed()) {
            return;
        }
        int chosen = selected().size();
        summary.setText(chosen == 0 ? MessageFormat.format(messages.loaded, rows.size())
                : MessageFormat.format(messages.selected, rows.size(), chosen));
        summary.getParent().layout();
    }

    private List<EpisodeRecord> selected() {
        List<EpisodeRecord> chosen = new ArrayList<>();
        for (Object o : ((IStructuredSelection) selectionProvider.getSelection()).toList()) {
            chosen.add((EpisodeRecord) o);
        }
        return chosen;
    }

    /** Records the decision for the selected episodes in a job, then reloads. */
    private void review(ReviewState decision) {
        Catalog theCatalog = catalog;
        List<String> ids = selected().stream().map(EpisodeRecord::id).toList();
        if (theCatalog == null || ids.isEmpty()) {
            return;
        }
        String reviewer = System.getProperty("user.name", "");
        Job job = Job.create(messages.jobReview, monitor -> {
            for (String id : ids) {
                try {
                    theCatalog.review(id, decision, reviewer, "");
                } catch (RuntimeException e) {
                    sync.asyncExec(() -> showProblem(MessageFormat.format(messages.reviewFailed, id, e.getMessage())));
                    return;
                }
            }
            events.post(UiEvents.STATUS, MessageFormat.format(messages.reviewed, ids.size(), decision));
            events.post(UiEvents.CATALOG_CHANGED, ids.get(0));
        });
        job.setSystem(true);
        job.schedule();
    }

    private static Button button(Composite parent, String text, String key) {
        Button button = new Button(parent, SWT.PUSH);
        button.setText(text);
        button.setData(CONTROL_KEY, key);
        return button;
    }
}
