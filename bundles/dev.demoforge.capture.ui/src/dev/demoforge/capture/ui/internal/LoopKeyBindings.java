package dev.demoforge.capture.ui.internal;

import java.util.Map;

import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.commands.MBindingTable;
import org.eclipse.e4.ui.model.application.commands.MKeyBinding;

import dev.demoforge.capture.LoopAction;
import dev.demoforge.capture.LoopKeys;

/**
 * Puts the configured loop keys into the model's key bindings of the Capture keys context (the bindings the model
 * fragment contributes), so that a pedal or another key can drive the loop. A USB foot pedal is a HID keyboard: set
 * it to send the configured key.
 */
final class LoopKeyBindings {

    static final String TOGGLE_BINDING = "dev.demoforge.capture.ui.keybinding.toggleRecording";
    static final String ACTION_BINDING_PREFIX = "dev.demoforge.capture.ui.keybinding.loop.";

    private LoopKeyBindings() {
    }

    static void apply(MApplication application, LoopKeys keys) {
        for (MBindingTable table : application.getBindingTables()) {
            for (MKeyBinding binding : table.getBindings()) {
                String id = binding.getElementId();
                if (TOGGLE_BINDING.equals(id)) {
                    set(binding, keys.key(LoopAction.START_STOP));
                } else if (id != null && id.startsWith(ACTION_BINDING_PREFIX)) {
                    set(binding, keys.key(LoopAction.valueOf(id.substring(ACTION_BINDING_PREFIX.length()))));
                }
            }
        }
    }

    private static void set(MKeyBinding binding, String key) {
        if (!key.equals(binding.getKeySequence())) {
            binding.setKeySequence(key);
        }
    }

    /** The keys legend shown to the operator. */
    static String legend(LoopKeys keys, Map<LoopAction, String> names) {
        StringBuilder text = new StringBuilder();
        for (LoopAction action : LoopAction.values()) {
            text.append(text.isEmpty() ? "" : "   ").append(keys.key(action)).append(' ').append(names.get(action));
        }
        return text.toString();
    }
}
