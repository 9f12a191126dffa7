package dev.demoforge.dataset.ui.internal;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;

import dev.demoforge.catalog.api.Catalog;
import dev.demoforge.catalog.api.EpisodeQuery;
import dev.demoforge.catalog.api.EpisodeRecord;
import dev.demoforge.catalog.api.ReviewState;

/**
 * The accepted episodes of the catalog as a check-box table (all checked when first listed). The catalog is read in
 * a job; {@link #setCatalog} and {@link #reload} may be called from any thread, everything else on the UI thread.
 */
final class EpisodeChooser {

    private final Messages messages;
    private final UISynchronize sync;
    private final Group group;
    private final Table table;
    private final Label count;
    private final Set<String> known = new HashSet<>();
    private volatile Catalog catalog;

    EpisodeChooser(Composite parent, Messages messages, UISynchronize sync) {
        this.messages = messages;
        this.sync = sync;
        group = new Group(parent, SWT.NONE);
        group.setText(messages.episodesTitle);
        group.setLayout(new GridLayout(4, false));
        table = new Table(group, SWT.CHECK | SWT.BORDER | SWT.FULL_SELECTION | SWT.MULTI);
        table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 4, 1));
        table.setHeaderVisible(true);
        table.setData(ExportPart.CONTROL_KEY, "episodes");
        String[] titles = { messages.columnEpisode, messages.columnTask, messages.columnDuration,
                messages.columnFrames };
        int[] widths = { 240, 300, 110, 90 };
        for (int i = 0; i < titles.length; i++) {
            TableColumn column = new TableColumn(table, i >= 2 ? SWT.RIGHT : SWT.LEFT);
            column.setText(titles[i]);
            column.setWidth(widths[i]);
        }
        button(messages.refresh).addListener(SWT.Selection, e -> reload());
        button(messages.selectAll).addListener(SWT.Selection, e -> checkAll(true));
        button(messages.selectNone).addListener(SWT.Selection, e -> checkAll(false));
        count = new Label(group, SWT.NONE);
        count.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        table.addListener(SWT.Selection, e -> showCount());
    }

    Composite control() {
        return group;
    }

    void setCatalog(Catalog newCatalog) {
        catalog = newCatalog;
        reload();
    }

    /** Lists the accepted episodes again, keeping the check marks of those already listed. */
    void reload() {
        Catalog theCatalog = catalog;
        if (theCatalog == null) {
            sync.asyncExec(() -> showText(messages.noCatalog));
            return;
        }
        Job job = Job.create(messages.jobLoad, monitor -> {
            try {
                List<EpisodeRecord> accepted = theCatalog.episodes(EpisodeQuery.review(ReviewState.ACCEPTED));
                sync.asyncExec(() -> show(accepted));
            } catch (RuntimeException e) {
                sync.asyncExec(() -> showText(MessageFormat.format(messages.loadFailed, e.getMessage())));
            }
        });
        job.setSystem(true);
        job.schedule();
    }

    /** The checked episodes, in table order. */
    List<EpisodeRecord> checked() {
        List<EpisodeRecord> result = new ArrayList<>();
        for (TableItem item : table.getItems()) {
            if (item.getChecked()) {
                result.add((EpisodeRecord) item.getData());
            }
        }
        return result;
    }

    private void show(List<EpisodeRecord> accepted) {
        if (table.isDisposed()) {
            return;
        }
        Set<String> unchecked = new HashSet<>();
        for (TableItem item : table.getItems()) {
            if (!item.getChecked()) {
                unchecked.add(((EpisodeRecord) item.getData()).id());
            }
        }
        table.removeAll();
        for (EpisodeRecord episode : accepted) {
            TableItem item = new TableItem(table, SWT.NONE);
            item.setData(episode);
            item.setText(new String[] { episode.id(), episode.task(),
                    String.format(Locale.ROOT, "%.1f", episode.durationSeconds()), Long.toString(episode.frames()) });
            item.setChecked(!known.contains(episode.id()) || !unchecked.contains(episode.id()));
            known.add(episode.id());
        }
        showCount();
    }

    private void checkAll(boolean checked) {
        for (TableItem item : table.getItems()) {
            item.setChecked(checked);
        }
        showCount();
    }

    private void showCount() {
        showText(MessageFormat.format(messages.loaded, table.getItemCount(), checked().size()));
    }

    private void showText(String text) {
        if (!count.isDisposed()) {
            count.setText(text);
            group.layout();
        }
    }

    private Button button(String text) {
        Button button = new Button(group, SWT.PUSH);
        button.setText(text);
        return button;
    }
}
