package dev.demoforge.dataset.ui.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.ProgressMonitorWrapper;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;

import dev.demoforge.catalog.api.EpisodeRecord;
import dev.demoforge.dataset.DatasetService;
import dev.demoforge.episode.api.EpisodeStore;
import dev.demoforge.episode.api.RawEpisode;
import dev.demoforge.export.api.DatasetExporter;
import dev.demoforge.export.api.ExportResult;

/**
 * Exports episodes through the dataset service (which aligns raw episodes to the dataset timeline and drives the
 * exporter). Progress is kept in a {@link Progress} the part polls; {@link #cancel()} reaches the exporter through
 * the monitor, and the exporter then leaves nothing behind.
 */
final class ExportJob extends Job {

    /** Family of export jobs. */
    static final Object FAMILY = ExportJob.class;

    private static final String PLUGIN = "dev.demoforge.dataset.ui";

    /** What to export. */
    record Request(DatasetService datasets, EpisodeStore store, DatasetExporter exporter, String name,
            List<EpisodeRecord> episodes, Path outputDir, Map<String, String> options) {
    }

    private final Request request;
    private final Messages messages;
    private volatile Progress progress;
    private volatile ExportResult result;

    ExportJob(Request request, Messages messages) {
        super(MessageFormat.format(messages.jobExport, request.episodes().size(), request.exporter().label()));
        this.request = request;
        this.messages = messages;
        setUser(true);
    }

    /** How far the export got; null until the job runs. */
    Progress progress() {
        return progress;
    }

    /** The export's result once the job finished successfully, else null. */
    ExportResult result() {
        return result;
    }

    Request request() {
        return request;
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        Progress tracked = new Progress(monitor);
        progress = tracked;
        List<RawEpisode> raw = new ArrayList<>();
        for (EpisodeRecord episode : request.episodes()) {
            try {
                raw.add(request.store().open(Path.of(episode.directory())));
            } catch (IOException | RuntimeException e) {
                return new Status(IStatus.ERROR, PLUGIN,
                        MessageFormat.format(messages.openFailed, episode.id(), e.getMessage()), e);
            }
        }
        try {
            result = request.datasets().export(request.exporter(), request.name(), raw, request.outputDir(),
                    request.options(), tracked);
            return Status.OK_STATUS;
        } catch (OperationCanceledException e) {
            return Status.CANCEL_STATUS;
        } catch (IOException | RuntimeException e) {
            return new Status(IStatus.ERROR, PLUGIN, MessageFormat.format(messages.exportFailed,
                    e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        } finally {
            tracked.done();
        }
    }

    @Override
    public boolean belongsTo(Object family) {
        return family == FAMILY;
    }

    /**
     * Forwards to the job's monitor and remembers how far the work got, for the UI to read at its own pace. Written
     * by the job's thread only; read from any thread.
     */
    static final class Progress extends ProgressMonitorWrapper {

        private volatile double total;
        private volatile double worked;
        private volatile String task = "";

        Progress(IProgressMonitor monitor) {
            super(monitor);
        }

        /** Fraction done, 0 to 1, or -1 before the work is sized. */
        double fraction() {
            return total > 0 ? Math.min(1, worked / total) : -1;
        }

        String task() {
            return task;
        }

        @Override
        public void beginTask(String name, int totalWork) {
            super.beginTask(name, totalWork);
            total = totalWork;
            worked = 0;
            task = name == null ? "" : name;
        }

        @Override
        public void internalWorked(double work) {
            super.internalWorked(work);
            worked += work;
        }

        @Override
        public void worked(int work) {
            internalWorked(work);
        }

        @Override
        public void subTask(String name) {
            super.subTask(name);
            if (name != null && !name.isEmpty()) {
                task = name;
            }
        }

        @Override
        public void setTaskName(String name) {
            super.setTaskName(name);
            if (name != null && !name.isEmpty()) {
                task = name;
            }
        }
    }
}
