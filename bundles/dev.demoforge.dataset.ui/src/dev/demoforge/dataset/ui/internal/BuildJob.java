package dev.demoforge.dataset.ui.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.text.MessageFormat;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;

import dev.demoforge.dataset.BuildResult;
import dev.demoforge.dataset.DatasetBuilder;

/**
 * Builds a saved dataset through the {@link DatasetBuilder} (hashing, alignment, export, manifest). Progress is kept
 * in an {@link ExportJob.Progress} the part polls; {@link #cancel()} reaches the exporter through the monitor, which
 * then leaves nothing behind.
 */
final class BuildJob extends Job {

    private static final String PLUGIN = "dev.demoforge.dataset.ui";

    private final DatasetBuilder builder;
    private final String dataset;
    private final Path outputDir;
    private final Messages messages;
    private volatile ExportJob.Progress progress;
    private volatile BuildResult result;

    BuildJob(DatasetBuilder builder, String dataset, Path outputDir, Messages messages) {
        super(MessageFormat.format(messages.jobBuild, dataset));
        this.builder = builder;
        this.dataset = dataset;
        this.outputDir = outputDir;
        this.messages = messages;
        setUser(true);
    }

    Path outputDir() {
        return outputDir;
    }

    /** How far the build got; null until the job runs. */
    ExportJob.Progress progress() {
        return progress;
    }

    /** The build's result once the job finished successfully, else null. */
    BuildResult result() {
        return result;
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        ExportJob.Progress tracked = new ExportJob.Progress(monitor);
        progress = tracked;
        try {
            result = builder.build(dataset, outputDir, tracked);
            return Status.OK_STATUS;
        } catch (OperationCanceledException e) {
            return Status.CANCEL_STATUS;
        } catch (IOException | RuntimeException e) {
            return new Status(IStatus.ERROR, PLUGIN, MessageFormat.format(messages.buildFailed, dataset,
                    e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        } finally {
            tracked.done();
        }
    }

    @Override
    public boolean belongsTo(Object family) {
        return family == ExportJob.FAMILY;
    }
}
