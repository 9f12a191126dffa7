package dev.demoforge.dataset.ui.internal;

import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.core.services.nls.Translation;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ProgressBar;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;

import dev.demoforge.catalog.api.dataset.DatasetBuild;
import dev.demoforge.catalog.api.dataset.DatasetDefinition;
import dev.demoforge.catalog.api.dataset.DatasetStore;
import dev.demoforge.dataset.BuildResult;
import dev.demoforge.dataset.DatasetBuilder;
import dev.demoforge.dataset.DatasetPlan;
import dev.demoforge.ui.UiEvents;
import dev.demoforge.ui.Workspace;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * The datasets saved in the catalog ({@code ./demoforge dataset create}): name, format, episodes the query selects
 * now, splits, last build; Build runs a {@link BuildJob} into the output directory with a progress bar and Cancel.
 * Listing runs in a background job (it resolves every dataset against the catalog).
 */
public final class SavedDatasetsPart {

    /** One table row, resolved off the UI thread. */
    private record Row(String name, String format, int episodes, String splits, String lastBuild) {
    }

    @Inject
    @Translation
    Messages messages;

    @Inject
    UISynchronize sync;

    @Inject
    IEventBroker events;

    private volatile DatasetStore store;
    private volatile DatasetBuilder builder;
    private Table table;
    private Text output;
    private Button build;
    private Label status;
    private JobProgress jobs;

    @Inject
    void datasetStore(@Optional @Service DatasetStore service) {
        store = service;
    }

    @Inject
    void datasetBuilder(@Optional @Service DatasetBuilder service) {
        builder = service;
    }

    @PostConstruct
    public void create(Composite parent) {
        parent.setLayout(new GridLayout(4, false));
        table = new Table(parent, SWT.BORDER | SWT.SINGLE | SWT.FULL_SELECTION);
        table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 4, 1));
        table.setHeaderVisible(true);
        table.setData(ExportPart.CONTROL_KEY, "datasets");
        for (String title : List.of(messages.columnDataset, messages.format, messages.columnEpisodes,
                messages.columnSplits, messages.columnLastBuild)) {
            TableColumn c = new TableColumn(table, SWT.LEFT);
            c.setText(title);
            c.setWidth(150);
        }
        table.addListener(SWT.Selection, e -> suggestOutput());
        Button refresh = button(parent, messages.refresh, "refresh");
        refresh.addListener(SWT.Selection, e -> reload());
        new Label(parent, SWT.NONE).setText(messages.output);
        output = new Text(parent, SWT.BORDER);
        output.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        output.setData(ExportPart.CONTROL_KEY, "output");
        build = button(parent, messages.build, "build");
        build.addListener(SWT.Selection, e -> build());
        Button cancel = button(parent, messages.cancel, "cancel");
        ProgressBar bar = new ProgressBar(parent, SWT.HORIZONTAL | SWT.SMOOTH);
        bar.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        status = new Label(parent, SWT.WRAP);
        status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 4, 1));
        status.setData(ExportPart.CONTROL_KEY, "status");
        jobs = new JobProgress(sync, bar, status, cancel, messages.progress);
        reload();
    }

    /** Lists the saved datasets in a background job and shows them when done. */
    void reload() {
        DatasetStore s = store;
        DatasetBuilder b = builder;
        if (s == null || b == null) {
            status.setText(messages.noDatasetService);
            return;
        }
        Job load = Job.create(messages.jobLoadDatasets, monitor -> {
            try {
                List<Row> rows = new ArrayList<>();
                for (DatasetDefinition d : s.datasets()) {
                    DatasetPlan plan = b.plan(d.name());
                    List<DatasetBuild> builds = s.builds(d.name());
                    String splits = plan.splitCounts().containsKey("") ? "" : plan.splitCounts().entrySet().stream()
                            .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
                    rows.add(new Row(d.name(), d.format(), plan.episodes().size(), splits, builds.isEmpty() ? ""
                            : "v" + builds.get(builds.size() - 1).version() + " " + builds.get(builds.size() - 1)
                                    .builtAt()));
                }
                sync.asyncExec(() -> show(rows));
                return Status.OK_STATUS;
            } catch (RuntimeException e) {
                sync.asyncExec(() -> status.setText(MessageFormat.format(messages.loadFailed, e.getMessage())));
                return Status.OK_STATUS;
            }
        });
        load.setSystem(true);
        load.schedule();
    }

    private void show(List<Row> rows) {
        if (table.isDisposed()) {
            return;
        }
        String selected = selected();
        table.removeAll();
        for (Row r : rows) {
            TableItem item = new TableItem(table, SWT.NONE);
            item.setText(new String[] {r.name(), r.format(), String.valueOf(r.episodes()), r.splits(),
                    r.lastBuild()});
            if (r.name().equals(selected)) {
                table.setSelection(item);
            }
        }
        status.setText(MessageFormat.format(messages.datasetsLoaded, rows.size()));
        suggestOutput();
    }

    private String selected() {
        TableItem[] items = table.getSelection();
        return items.length == 0 ? null : items[0].getText(0);
    }

    private void suggestOutput() {
        String name = selected();
        if (name != null && (output.getText().isBlank() || output.getData("suggested") != null)) {
            String suggestion = Workspace.datasets().resolve(name + "-" + System.currentTimeMillis()).toString();
            output.setText(suggestion);
            output.setData("suggested", suggestion);
        }
    }

    private void build() {
        String name = selected();
        DatasetBuilder b = builder;
        String problem = b == null ? messages.noDatasetService : name == null ? messages.noDataset
                : output.getText().isBlank() ? messages.noOutput : null;
        if (problem != null) {
            status.setText(problem);
            return;
        }
        BuildJob job = new BuildJob(b, name, Path.of(output.getText().strip()), messages);
        build.setEnabled(false);
        jobs.run(job, job::progress, result -> finished(job, result));
    }

    private void finished(BuildJob job, IStatus result) {
        build.setEnabled(true);
        String text;
        if (result.getSeverity() == IStatus.CANCEL) {
            jobs.showProgress(0);
            text = MessageFormat.format(messages.exportCancelled, job.outputDir());
        } else if (result.isOK() && job.result() != null) {
            BuildResult r = job.result();
            jobs.showProgress(1);
            text = MessageFormat.format(messages.built, r.version(), r.export().episodes(), r.export().frames(),
                    String.format(Locale.ROOT, "%.1f", r.export().bytes() / 1e6), r.manifest());
            output.setData("suggested", "");
            reload();
        } else {
            text = result.getMessage();
        }
        status.setText(text);
        status.getParent().layout();
        events.post(UiEvents.STATUS, text);
    }

    private static Button button(Composite parent, String title, String key) {
        Button button = new Button(parent, SWT.PUSH);
        button.setText(title);
        button.setData(ExportPart.CONTROL_KEY, key);
        return button;
    }
}
