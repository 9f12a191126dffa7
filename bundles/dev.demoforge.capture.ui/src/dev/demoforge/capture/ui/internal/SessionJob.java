package dev.demoforge.capture.ui.internal;

import java.util.function.Consumer;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;

/** A system job of the family {@link CaptureSession#JOB_FAMILY} (tests join it). */
final class SessionJob extends Job {

    private final Consumer<IProgressMonitor> body;

    SessionJob(String name, Consumer<IProgressMonitor> body) {
        super(name);
        this.body = body;
        setSystem(true);
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        body.accept(monitor);
        return monitor.isCanceled() ? Status.CANCEL_STATUS : Status.OK_STATUS;
    }

    @Override
    public boolean belongsTo(Object family) {
        return family == CaptureSession.JOB_FAMILY;
    }
}
