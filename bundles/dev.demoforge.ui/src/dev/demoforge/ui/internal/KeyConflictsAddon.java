package dev.demoforge.ui.internal;

import java.util.HashSet;
import java.util.Set;

import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.commands.MBindingTable;
import org.eclipse.e4.ui.model.application.commands.MKeyBinding;
import org.eclipse.jface.bindings.keys.KeySequence;
import org.eclipse.jface.bindings.keys.ParseException;

import jakarta.annotation.PostConstruct;

/**
 * Keeps DemoForge's own keys (Ctrl+1/2/3, Space) working when other bundles bind the same keys. The Eclipse 3.x
 * compatibility layer ({@code org.eclipse.ui.workbench}, which Tycho's UI test harness always adds) imports its
 * bindings into the model (Ctrl+1 Quick Fix, Ctrl+3 Quick Access); equal keys conflict and then neither fires. (It
 * also drops model bindings it does not know unless they are tagged {@code type:user}, which ours are.) Runs first
 * among the add-ons, after the model was assembled and before the binding tables are built: removes other commands'
 * bindings on the keys that the binding tables of {@code dev.demoforge.*} contexts use.
 */
public final class KeyConflictsAddon {

    private static final String OWN_CONTEXTS = "dev.demoforge.";

    @PostConstruct
    public void removeConflicts(MApplication application) {
        Set<KeySequence> ours = new HashSet<>();
        for (MBindingTable table : application.getBindingTables()) {
            if (own(table)) {
                table.getBindings().forEach(b -> parse(b).ifPresent(ours::add));
            }
        }
        for (MBindingTable table : application.getBindingTables()) {
            if (!own(table)) {
                table.getBindings().removeIf(b -> parse(b).filter(ours::contains).isPresent());
            }
        }
    }

    private static boolean own(MBindingTable table) {
        return table.getBindingContext() != null && table.getBindingContext().getElementId() != null
                && table.getBindingContext().getElementId().startsWith(OWN_CONTEXTS);
    }

    private static java.util.Optional<KeySequence> parse(MKeyBinding binding) {
        try {
            return java.util.Optional.of(KeySequence.getInstance(binding.getKeySequence()));
        } catch (ParseException | IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }
}
