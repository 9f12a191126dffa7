package dev.demoforge.capture.ui.internal;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;

import dev.demoforge.capture.LoopAction;
import jakarta.inject.Named;

/** Success / failure / discard / pause keys (S, F, D, P by default) of the episode loop. */
public final class LoopActionHandler {

    /** Command parameter naming the {@link LoopAction}. */
    public static final String PARAMETER = "dev.demoforge.capture.ui.commandparameter.loopAction";

    @CanExecute
    public boolean canExecute(@Optional LoopControl control) {
        return control != null && control.active();
    }

    @Execute
    public void execute(@Named(PARAMETER) String action, LoopControl control) {
        control.press(LoopAction.valueOf(action));
    }
}
