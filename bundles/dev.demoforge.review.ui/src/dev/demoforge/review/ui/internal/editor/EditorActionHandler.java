package dev.demoforge.review.ui.internal.editor;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.services.IServiceConstants;

import jakarta.inject.Named;

/**
 * Runs the editor command's action (parameter {@value #PARAMETER}) on the active episode editor. Enabled only while
 * an episode editor is the active part.
 */
public final class EditorActionHandler {

    public static final String PARAMETER = "dev.demoforge.review.ui.commandparameter.action";

    @CanExecute
    public boolean canExecute(@Optional @Named(IServiceConstants.ACTIVE_PART) MPart part) {
        return part != null && part.getObject() instanceof EpisodeEditorPart;
    }

    @Execute
    public void execute(@Named(IServiceConstants.ACTIVE_PART) MPart part, @Named(PARAMETER) String action) {
        if (part.getObject() instanceof EpisodeEditorPart editor) {
            editor.perform(action);
        }
    }
}
