package dev.demoforge.ui.internal;

import java.util.List;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.model.application.commands.MParameter;
import org.eclipse.e4.ui.model.application.ui.advanced.MPerspective;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.model.application.ui.menu.ItemType;
import org.eclipse.e4.ui.model.application.ui.menu.MHandledToolItem;
import org.eclipse.e4.ui.model.application.ui.menu.MItem;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;

import jakarta.inject.Named;

/**
 * Switches to the perspective named by the command parameter (toolbar radio items, Ctrl+1/2/3) and keeps the
 * toolbar's radio items in step with the active perspective.
 */
public final class SwitchPerspectiveHandler {

    /** Command id. */
    public static final String COMMAND = "dev.demoforge.ui.command.switchPerspective";

    /** Parameter holding the element id of the perspective to show. */
    public static final String PARAMETER = "dev.demoforge.ui.commandparameter.perspectiveId";

    @Execute
    public void execute(@Named(PARAMETER) String perspectiveId, MWindow window, EModelService models,
            EPartService parts, @Optional MItem item) {
        if (item != null && item.getType() == ItemType.RADIO && !item.isSelected()) {
            return; // SWT also reports the radio item being deselected; only the newly selected one switches
        }
        List<MPerspective> found = models.findElements(window, perspectiveId, MPerspective.class);
        if (found.isEmpty()) {
            return;
        }
        parts.switchPerspective(found.get(0));
        for (MHandledToolItem toolItem : models.findElements(window, null, MHandledToolItem.class)) {
            if (toolItem.getCommand() != null && COMMAND.equals(toolItem.getCommand().getElementId())) {
                boolean current = toolItem.getParameters().stream().map(MParameter::getValue)
                        .anyMatch(perspectiveId::equals);
                if (toolItem.isSelected() != current) {
                    toolItem.setSelected(current);
                }
            }
        }
    }
}
