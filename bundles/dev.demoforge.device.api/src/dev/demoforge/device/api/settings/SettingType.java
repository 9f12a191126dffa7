package dev.demoforge.device.api.settings;

/**
 * The value type of a driver setting. Values are always stored as strings in a
 * {@link dev.demoforge.device.api.DeviceConfig}; the type says how a form edits and checks them.
 *
 * @since 0.1
 */
public enum SettingType {
    STRING, INTEGER, DOUBLE, BOOLEAN;

    /** Whether {@code value} parses as this type (blank values are never valid). */
    public boolean accepts(String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        String v = value.strip();
        try {
            switch (this) {
                case INTEGER -> Long.parseLong(v);
                case DOUBLE -> Double.parseDouble(v);
                case BOOLEAN -> {
                    return v.equals("true") || v.equals("false");
                }
                default -> {
                    return true;
                }
            }
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
