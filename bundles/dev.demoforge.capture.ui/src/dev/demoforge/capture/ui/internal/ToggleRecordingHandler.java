package dev.demoforge.capture.ui.internal;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;

/** Starts or stops recording (Space in the Capture perspective); the work happens in the session's jobs. */
public final class ToggleRecordingHandler {

    @CanExecute
    public boolean canExecute(@Optional CaptureSession session) {
        return session != null && session.canToggle();
    }

    @Execute
    public void execute(CaptureSession session) {
        session.toggle();
    }
}
