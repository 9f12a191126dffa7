package dev.demoforge.capture;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * Which key triggers which loop action, as SWT/e4 key sequences ({@code SPACE}, {@code S}, {@code F12}). A USB foot
 * pedal is a HID keyboard: configure it to send one of these keys. Stored as text,
 * {@code START_STOP=SPACE;SUCCESS=S;FAILURE=F;DISCARD=D;PAUSE=P}. Immutable.
 *
 * @param keys one key sequence per action
 * @since 0.1
 */
public record LoopKeys(Map<LoopAction, String> keys) {

    /** Space start/stop, S success, F failure, D discard and re-record, P pause. */
    public static final LoopKeys DEFAULTS = new LoopKeys(Map.of(LoopAction.START_STOP, "SPACE", LoopAction.SUCCESS,
            "S", LoopAction.FAILURE, "F", LoopAction.DISCARD, "D", LoopAction.PAUSE, "P"));

    public LoopKeys {
        EnumMap<LoopAction, String> copy = new EnumMap<>(LoopAction.class);
        for (LoopAction action : LoopAction.values()) {
            String key = keys.get(action);
            if (key == null || key.isBlank()) {
                throw new IllegalArgumentException("No key for " + action);
            }
            copy.put(action, key.strip().toUpperCase(Locale.ROOT));
        }
        if (copy.values().stream().distinct().count() != copy.size()) {
            throw new IllegalArgumentException("Two loop actions share a key: " + copy);
        }
        keys = java.util.Collections.unmodifiableMap(copy);
    }

    public String key(LoopAction action) {
        return keys.get(action);
    }

    /** The stored form. */
    public String format() {
        StringBuilder text = new StringBuilder();
        keys.forEach((action, key) -> text.append(text.isEmpty() ? "" : ";").append(action).append('=').append(key));
        return text.toString();
    }

    /**
     * Reads the stored form; actions it leaves out keep their default key. A bad entry is an
     * {@link IllegalArgumentException} naming it.
     */
    public static LoopKeys parse(String text) {
        Map<LoopAction, String> keys = new EnumMap<>(DEFAULTS.keys());
        if (text == null || text.isBlank()) {
            return DEFAULTS;
        }
        for (String entry : text.split(";")) {
            if (entry.isBlank()) {
                continue;
            }
            int eq = entry.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("Loop key entry '" + entry + "' is not ACTION=KEY");
            }
            String action = entry.substring(0, eq).strip().toUpperCase(Locale.ROOT);
            try {
                keys.put(LoopAction.valueOf(action), entry.substring(eq + 1));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Loop key entry '" + entry + "': unknown action " + action
                        + "; known: " + java.util.Arrays.toString(LoopAction.values()), e);
            }
        }
        return new LoopKeys(keys);
    }
}
