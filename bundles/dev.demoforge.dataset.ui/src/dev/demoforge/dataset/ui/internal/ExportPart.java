package dev.demoforge.dataset.ui.internal;

import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.core.services.nls.Translation;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ProgressBar;
import org.eclipse.swt.widgets.Text;

import dev.demoforge.catalog.api.Catalog;
import dev.demoforge.dataset.DatasetService;
import dev.demoforge.episode.api.EpisodeStore;
import dev.demoforge.export.api.DatasetExporter;
import dev.demoforge.export.api.ExportResult;
import dev.demoforge.ui.UiEvents;
import dev.demoforge.ui.Workspace;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * Exports accepted episodes: episode selection, dataset name, format (one entry per registered
 * {@link DatasetExporter}) with its options, output directory, and an Export button that runs an {@link ExportJob}
 * with a progress bar and a Cancel button ({@link JobProgress}).
 */
public final class ExportPart {

    /** Widget data key naming a control. */
    public static final String CONTROL_KEY = "dev.demoforge.control";

    @Inject
    @Translation
    Messages messages;

    @Inject
    UISynchronize sync;

    @Inject
    IEventBroker events;

    private volatile DatasetService datasets;
    private volatile EpisodeStore store;
    private volatile List<DatasetExporter> exporters = List.of();
    private final List<DatasetExporter> shownExporters = new ArrayList<>();
    private EpisodeChooser episodes;
    private Text name;
    private Combo format;
    private OptionsForm options;
    private Button endEffectorPose;
    private Text output;
    private Button export;
    private Label status;
    private JobProgress jobs;
    private String defaultOutput = "";
    private Catalog pendingCatalog;

    @Inject
    void catalog(@Optional @Service Catalog catalog) {
        if (episodes != null) {
            episodes.setCatalog(catalog);
        } else {
            pendingCatalog = catalog;
        }
    }

    @Inject
    void datasetService(@Optional @Service DatasetService service) {
        datasets = service;
    }

    @Inject
    void episodeStore(@Optional @Service EpisodeStore service) {
        store = service;
    }

    @Inject
    void exporters(@Optional @Service List<DatasetExporter> registered) {
        exporters = registered == null ? List.of() : List.copyOf(registered);
        sync.asyncExec(this::showFormats);
    }

    @PostConstruct
    public void create(Composite parent) {
        parent.setLayout(new GridLayout(1, false));
        episodes = new EpisodeChooser(parent, messages, sync);
        episodes.control().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        episodes.setCatalog(pendingCatalog);

        Composite form = new Composite(parent, SWT.NONE);
        form.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        form.setLayout(new GridLayout(3, false));
        name = text(form, messages.name, "demoforge_dataset", "name");
        name.addModifyListener(e -> suggestOutput());
        new Label(form, SWT.NONE);
        new Label(form, SWT.NONE).setText(messages.format);
        format = new Combo(form, SWT.READ_ONLY);
        format.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        format.setData(CONTROL_KEY, "format");
        format.addListener(SWT.Selection, e -> formatChanged());
        new Label(form, SWT.NONE);
        new Label(form, SWT.NONE).setText(messages.options);
        options = new OptionsForm(form);
        options.control().setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1));
        new Label(form, SWT.NONE);
        endEffectorPose = new Button(form, SWT.CHECK);
        endEffectorPose.setText(messages.endEffectorPose);
        endEffectorPose.setToolTipText(messages.endEffectorPoseTip);
        endEffectorPose.setData(CONTROL_KEY, "eePose");
        endEffectorPose.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        output = text(form, messages.output, "", "output");
        Button browse = new Button(form, SWT.PUSH);
        browse.setText(messages.browse);
        browse.addListener(SWT.Selection, e -> browse());

        Composite actions = new Composite(parent, SWT.NONE);
        actions.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        actions.setLayout(new GridLayout(4, false));
        export = button(actions, messages.export, "export");
        export.addListener(SWT.Selection, e -> export());
        Button cancel = button(actions, messages.cancel, "cancel");
        ProgressBar bar = new ProgressBar(actions, SWT.HORIZONTAL | SWT.SMOOTH);
        bar.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        bar.setData(CONTROL_KEY, "progress");
        status = new Label(actions, SWT.WRAP);
        status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 4, 1));
        status.setData(CONTROL_KEY, "status");
        jobs = new JobProgress(sync, bar, status, cancel, messages.progress);
        showFormats();
    }

    @Focus
    public void focus() {
        format.setFocus();
    }

    @Inject
    @Optional
    void catalogChanged(@UIEventTopic(UiEvents.CATALOG_CHANGED) String episodeId) {
        if (episodes != null && !episodes.control().isDisposed()) {
            episodes.reload();
        }
    }

    private void showFormats() {
        if (format == null || format.isDisposed()) {
            return;
        }
        String selected = format.getText();
        shownExporters.clear();
        shownExporters.addAll(exporters);
        shownExporters.sort(Comparator.comparing(DatasetExporter::label));
        format.removeAll();
        shownExporters.forEach(e -> format.add(e.label()));
        int index = Math.max(0, format.indexOf(selected));
        if (!shownExporters.isEmpty()) {
            format.select(index);
        }
        formatChanged();
        export.setEnabled(!jobs.isRunning() && !shownExporters.isEmpty());
        if (shownExporters.isEmpty()) {
            status.setText(messages.noFormats);
        }
    }

    private DatasetExporter selectedExporter() {
        int index = format.getSelectionIndex();
        return index < 0 || index >= shownExporters.size() ? null : shownExporters.get(index);
    }

    private void formatChanged() {
        DatasetExporter exporter = selectedExporter();
        options.show(exporter == null ? List.of() : exporter.capabilities().options());
        suggestOutput();
    }

    /** Keeps the output directory at its suggestion (datasets/NAME-FORMAT) until the user types another. */
    private void suggestOutput() {
        DatasetExporter exporter = selectedExporter();
        if (output == null || exporter == null || !output.getText().equals(defaultOutput)) {
            return;
        }
        defaultOutput = Workspace.datasets().resolve(name.getText().strip() + "-" + exporter.formatId()).toString();
        output.setText(defaultOutput);
    }

    private void browse() {
        DirectoryDialog dialog = new DirectoryDialog(output.getShell());
        dialog.setFilterPath(Workspace.datasets().toString());
        String chosen = dialog.open();
        if (chosen != null) {
            output.setText(chosen);
        }
    }

    private void export() {
        DatasetExporter exporter = selectedExporter();
        DatasetService service = datasets;
        EpisodeStore episodeStore = store;
        String problem = exporter == null ? messages.noFormats
                : service == null || episodeStore == null ? messages.noDatasetService
                : episodes.checked().isEmpty() ? messages.noEpisodes
                : output.getText().isBlank() ? messages.noOutput : null;
        if (problem != null) {
            status.setText(problem);
            return;
        }
        Map<String, String> values = new LinkedHashMap<>(options.values());
        values.put(DatasetService.EE_POSE_OPTION, Boolean.toString(endEffectorPose.getSelection()));
        ExportJob job = new ExportJob(new ExportJob.Request(service, episodeStore, exporter, name.getText().strip(),
                episodes.checked(), Path.of(output.getText().strip()), values), messages);
        export.setEnabled(false);
        jobs.run(job, job::progress, result -> finished(job, result));
    }

    private void finished(ExportJob job, IStatus result) {
        export.setEnabled(!shownExporters.isEmpty());
        String text;
        if (result.getSeverity() == IStatus.CANCEL) {
            jobs.showProgress(0);
            text = MessageFormat.format(messages.exportCancelled, job.request().outputDir());
        } else if (result.isOK() && job.result() != null) {
            ExportResult r = job.result();
            jobs.showProgress(1);
            text = MessageFormat.format(messages.exported, r.episodes(), r.frames(),
                    String.format(Locale.ROOT, "%.1f", r.bytes() / 1e6), r.outputDir(),
                    String.format(Locale.ROOT, "%.1f", r.elapsed().toMillis() / 1000.0));
        } else {
            text = result.getMessage();
        }
        status.setText(text);
        status.getParent().layout();
        events.post(UiEvents.STATUS, text);
    }

    private static Text text(Composite parent, String title, String value, String key) {
        new Label(parent, SWT.NONE).setText(title);
        Text text = new Text(parent, SWT.BORDER);
        text.setText(value);
        text.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        text.setData(CONTROL_KEY, key);
        return text;
    }

    private static Button button(Composite parent, String title, String key) {
        Button button = new Button(parent, SWT.PUSH);
        button.setText(title);
        button.setData(CONTROL_KEY, key);
        return button;
    }
}
