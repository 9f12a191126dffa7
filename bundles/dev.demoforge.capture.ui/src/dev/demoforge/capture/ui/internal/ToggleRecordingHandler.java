package dev.demoforge.capture.ui.internal;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;

/**
 * Space in the Capture perspective: the episode loop's start/stop while a session runs; begins a session when a task
 * is chosen; otherwise starts or stops a free recording. The work happens in jobs and on the loop's thread.
 */
public final class ToggleRecordingHandler {

    @CanExecute
    public boolean canExecute(@Optional CaptureSession session, @Optional LoopControl control) {
        return session != null && (session.canToggle() || control != null && control.active());
    }

    @Execute
    public void execute(CaptureSession session, @Optional LoopControl control) {
        if (control == null) {
            session.toggle();
        } else {
            control.startStop();
        }
    }
}
