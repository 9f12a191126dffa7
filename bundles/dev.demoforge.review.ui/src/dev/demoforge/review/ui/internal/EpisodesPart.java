package dev.demoforge.review.ui.internal;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.services.EContextService;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.e4.ui.workbench.modeling.EPartService.PartState;
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
import org.eclipse.swt.widgets.Text;
import org.eclipse.nebula.widgets.nattable.grid.GridRegion;
import org.eclipse.nebula.widgets.nattable.tooltip.NatTableContentTooltip;
import org.eclipse.nebula.widgets.nattable.ui.matcher.MouseEventMatcher;

import dev.demoforge.catalog.api.Catalog;
import dev.demoforge.catalog.api.EpisodeQuery;
import dev.demoforge.catalog.api.EpisodeRecord;
import dev.demoforge.catalog.api.RejectReason;
import dev.demoforge.catalog.api.ReviewLog;
import dev.demoforge.catalog.api.ReviewState;
import dev.demoforge.review.ui.internal.editor.DecisionStack;
import dev.demoforge.review.ui.internal.editor.EpisodeEditorPart;
import dev.demoforge.review.ui.internal.editor.RejectReasonPopup;
import dev.demoforge.ui.UiEvents;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * The episode queue: the catalog's episodes with their check verdicts (severity icons like Eclipse markers), SPARC,
 * review state and the checks' reasons (Problems column; full text as tooltip) in a NatTable, sortable by any
 * column and filtered by words; Refresh, Accept and Reject; Enter or a double-click opens the episode in the
 * editor (Enter is an e4 binding in {@value #KEYS_CONTEXT}, active while this part is). Accept / Reject go through
 * the {@link ReviewLog} on the editor's {@link DecisionStack} (reject asks for a reason). The visible order is the
 * {@link ReviewQueue} the editor walks. Catalog calls run in jobs; results come
 * back through {@link UISynchronize} and are dropped if the part is gone. Reloads when the catalog changes
 * ({@link UiEvents#CATALOG_CHANGED}).
 */
public final class EpisodesPart {

    /** Widget data key naming a control ("episodes", "filter", "refresh", "accept", "reject", "summary"). */
    public static final String CONTROL_KEY = "dev.demoforge.control";
    /** The queue's binding context (Enter opens), active while this part is. */
    public static final String KEYS_CONTEXT = "dev.demoforge.review.ui.context.queue";
    /** The episode editor's part id. */
    public static final String EDITOR_PART = "dev.demoforge.review.ui.part.editor";

    @Inject
    @Translation
    Messages messages;

    @Inject
    UISynchronize sync;

    @Inject
    IEventBroker events;

    @Inject
    EPartService partService;

    @Inject
    @Optional
    @Service
    volatile ReviewLog reviewLog;

    private volatile Catalog catalog;
    private final ReviewQueue queue = new ReviewQueue();
    private DecisionStack stack;
    private final List<QueueRow> all = new ArrayList<>();
    private final List<QueueRow> rows = new ArrayList<>();
    private final EpisodeSortModel sortModel = new EpisodeSortModel(rows);
    private QueueStyle style;
    private Text filter;
    private NatTable table;
    private SelectionLayer selection;
    private RowSelectionProvider<QueueRow> selectionProvider;
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
    public void create(Composite parent, MApplication application, MPart part) {
        application.getContext().set(ReviewQueue.class, queue);
        stack = DecisionStack.in(application.getContext());
        part.getContext().get(EContextService.class).activateContext(KEYS_CONTEXT);
        parent.setLayout(new GridLayout(1, false));
        filter = new Text(parent, SWT.SEARCH | SWT.ICON_SEARCH | SWT.ICON_CANCEL);
        filter.setMessage(messages.filter);
        filter.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        filter.setData(CONTROL_KEY, "filter");
        filter.addListener(SWT.Modify, e -> applyFilter());
        Composite bar = new Composite(parent, SWT.NONE);
        bar.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        bar.setLayout(new GridLayout(5, false));
        button(bar, messages.open, "open").addListener(SWT.Selection, e -> openSelected());
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
        ListDataProvider<QueueRow> body = new ListDataProvider<>(rows, new IColumnAccessor<>() {
            @Override
            public Object getDataValue(QueueRow episode, int column) {
                return columns[column].text(episode);
            }

            @Override
            public void setDataValue(QueueRow episode, int column, Object value) {
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
        SortHeaderLayer<QueueRow> sortHeader = new SortHeaderLayer<>(columnHeader, sortModel);

        DefaultRowHeaderDataProvider rowNumbers = new DefaultRowHeaderDataProvider(body);
        RowHeaderLayer rowHeader = new RowHeaderLayer(new DefaultRowHeaderDataLayer(rowNumbers), viewport, selection);
        CornerLayer corner = new CornerLayer(new DataLayer(new DefaultCornerDataProvider(headers, rowNumbers)),
                rowHeader, sortHeader);

        NatTable natTable = new NatTable(parent, new GridLayer(viewport, sortHeader, rowHeader, corner), false);
        natTable.addConfiguration(new DefaultNatTableStyleConfiguration());
        natTable.addConfiguration(new SingleClickSortConfiguration());
        style = new QueueStyle(parent.getDisplay(), rows);
        bodyData.setConfigLabelAccumulator(style);
        natTable.addConfiguration(style);
        natTable.configure();
        natTable.getUiBindingRegistry().registerFirstDoubleClickBinding(MouseEventMatcher.bodyLeftClick(SWT.NONE),
                (t, e) -> openSelected());
        new NatTableContentTooltip(natTable, GridRegion.BODY);
        int[] widths = { 200, 70, 200, 80, 60, 140, 70, 60, 90, 320, 60, 50, 80 };
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
        ReviewLog log = reviewLog;
        Job job = Job.create(messages.jobLoad, monitor -> {
            List<QueueRow> loaded = new ArrayList<>();
            try {
                for (EpisodeRecord e : theCatalog.episodes(EpisodeQuery.all())) {
                    loaded.add(QueueRow.of(e, theCatalog.checks(e.id()), log != null && log.flagged(e.id())));
                }
            } catch (RuntimeException e) {
                sync.asyncExec(() -> showProblem(MessageFormat.format(messages.loadFailed, e.getMessage())));
                return;
            }
            sync.asyncExec(() -> show(loaded));
        });
        job.setSystem(true);
        job.schedule();
    }

    private void show(List<QueueRow> loaded) {
        if (table.isDisposed()) {
            return;
        }
        List<String> chosen = selected().stream().map(r -> r.episode().id()).toList();
        all.clear();
        all.addAll(loaded);
        applyFilter();
        for (int i = 0; i < rows.size(); i++) {
            if (chosen.contains(rows.get(i).episode().id())) {
                selection.selectRow(0, i, false, true);
            }
        }
    }

    /** Shows the rows matching the filter in the sort order, and makes that order the queue. */
    private void applyFilter() {
        if (table == null || table.isDisposed()) {
            return;
        }
        selection.clear();
        rows.clear();
        all.stream().filter(r -> r.matches(filter.getText())).forEach(rows::add);
        sortModel.apply();
        queue.set(rows.stream().map(r -> r.episode().id()).toList());
        table.refresh();
        showSummary();
    }

    /** Opens the first selected episode in the episode editor (and activates it). UI thread. */
    public void openSelected() {
        List<QueueRow> chosen = selected();
        if (chosen.isEmpty()) {
            return;
        }
        try {
            MPart editor = partService.showPart(EDITOR_PART, PartState.ACTIVATE);
            if (editor == null || !(editor.getObject() instanceof EpisodeEditorPart part)) {
                showProblem(messages.noEditor + " (" + editor + ")");
                return;
            }
            part.open(chosen.get(0).episode().id());
        } catch (RuntimeException e) {
            System.getLogger(getClass().getName()).log(System.Logger.Level.ERROR, "Opening the episode editor", e);
            showProblem(messages.noEditor + " " + e);
        }
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

    private List<QueueRow> selected() {
        List<QueueRow> chosen = new ArrayList<>();
        if (selectionProvider == null) {
            return chosen;
        }
        for (Object o : ((IStructuredSelection) selectionProvider.getSelection()).toList()) {
            chosen.add((QueueRow) o);
        }
        return chosen;
    }

    @PreDestroy
    public void dispose() {
        if (style != null) {
            style.dispose();
        }
    }

    /**
     * Decides for the selected episodes through the shared {@link DecisionStack} (so the editor's Ctrl+Z undoes
     * them, newest first); a rejection first asks for the reason. The queue reloads on the catalog event.
     */
    private void review(ReviewState decision) {
        ReviewLog log = reviewLog;
        List<String> ids = selected().stream().map(r -> r.episode().id()).toList();
        if (ids.isEmpty()) {
            return;
        }
        if (log == null) {
            showProblem(messages.noReviewLog);
            return;
        }
        if (decision == ReviewState.ACCEPTED) {
            decide(log, ids, decision, null);
        } else {
            RejectReasonPopup.open(table.getShell(), MessageFormat.format(messages.rejectBecause, ids.size()),
                    reason -> {
                        if (reason != null) {
                            decide(log, ids, decision, reason);
                        }
                    });
        }
    }

    /** One decision per episode, in order; the queue and the editor follow on one catalog event at the end. */
    private void decide(ReviewLog log, List<String> ids, ReviewState decision, RejectReason reason) {
        AtomicInteger left = new AtomicInteger(ids.size());
        Runnable oneDone = () -> {
            if (left.decrementAndGet() == 0) {
                events.post(UiEvents.STATUS, MessageFormat.format(messages.reviewed, ids.size(), decision));
                events.post(UiEvents.CATALOG_CHANGED, ids.get(ids.size() - 1));
            }
        };
        for (String id : ids) {
            stack.decide(log, id, decision, reason, done -> oneDone.run(), problem -> {
                sync.asyncExec(() -> showProblem(MessageFormat.format(messages.reviewFailed, id, problem)));
                oneDone.run();
            });
        }
    }

    private static Button button(Composite parent, String text, String key) {
        Button button = new Button(parent, SWT.PUSH);
        button.setText(text);
        button.setData(CONTROL_KEY, key);
        return button;
    }
}
