package dev.demoforge.dataset.ui.internal;

import java.text.MessageFormat;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ProgressBar;

/**
 * Runs one export or build {@link Job} at a time for a part and shows it: the Cancel button is enabled while the job
 * runs and cancels it; the job's {@link ExportJob.Progress} is polled every {@value #REFRESH_MILLIS} ms into the
 * progress bar (fraction of the work) and the status label (current task). UI thread only; the job itself runs in
 * the background.
 */
final class JobProgress {

    /** How often the progress is polled, ms. */
    static final int REFRESH_MILLIS = 200;

    private final UISynchronize sync;
    private final ProgressBar bar;
    private final Label status;
    private final Button cancel;
    private final String progressPattern;
    private final Runnable poll = this::poll;
    private Job running;
    private Supplier<ExportJob.Progress> progress;

    /**
     * @param progressPattern the status text while running, {@code {0}} the task ({@code Messages.progress})
     */
    JobProgress(UISynchronize sync, ProgressBar bar, Label status, Button cancel, String progressPattern) {
        this.sync = sync;
        this.bar = bar;
        this.status = status;
        this.cancel = cancel;
        this.progressPattern = progressPattern;
        cancel.setEnabled(false);
        cancel.addListener(SWT.Selection, e -> {
            if (running != null) {
                running.cancel();
            }
        });
    }

    /** A job started by {@link #run} has not finished yet. */
    boolean isRunning() {
        return running != null;
    }

    /**
     * Schedules {@code job} and shows its progress until it is done; then disables Cancel and passes the job's
     * result to {@code whenDone} on the UI thread (unless the part is disposed).
     *
     * @param progress the job's progress, null until the job runs
     */
    void run(Job job, Supplier<ExportJob.Progress> progress, Consumer<IStatus> whenDone) {
        job.addJobChangeListener(new JobChangeAdapter() {
            @Override
            public void done(IJobChangeEvent event) {
                sync.asyncExec(() -> finished(job, event.getResult(), whenDone));
            }
        });
        running = job;
        this.progress = progress;
        cancel.setEnabled(true);
        bar.setSelection(0);
        status.setText(job.getName());
        job.schedule();
        poll();
    }

    /** Sets the progress bar to {@code fraction} (0 to 1) of its range, e.g. full when the job succeeded. */
    void showProgress(double fraction) {
        bar.setSelection((int) Math.round(fraction * bar.getMaximum()));
    }

    private void poll() {
        if (bar.isDisposed() || running == null) {
            return;
        }
        ExportJob.Progress p = progress.get();
        if (p != null) {
            double fraction = p.fraction();
            bar.setSelection(fraction < 0 ? 0 : (int) Math.round(fraction * bar.getMaximum()));
            if (!p.task().isEmpty()) {
                status.setText(MessageFormat.format(progressPattern, p.task()));
            }
        }
        bar.getDisplay().timerExec(REFRESH_MILLIS, poll);
    }

    private void finished(Job job, IStatus result, Consumer<IStatus> whenDone) {
        if (running == job) {
            running = null;
            progress = null;
        }
        if (status.isDisposed()) {
            return;
        }
        cancel.setEnabled(false);
        whenDone.accept(result);
    }
}
