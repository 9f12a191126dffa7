package dev.demoforge.driver.ur.internal;

import java.io.IOException;

/**
 * The controller answered, but not as needed: a refused protocol version, an unknown or busy recipe variable, a
 * controller too old, a packet out of step. {@link #permanent()} says whether trying again can help.
 */
final class RtdeException extends IOException {

    private static final long serialVersionUID = 1L;
    private final boolean permanent;

    RtdeException(String message, boolean permanent) {
        super(message);
        this.permanent = permanent;
    }

    /** True when reconnecting would meet the same answer (the configuration or the controller must change). */
    boolean permanent() {
        return permanent;
    }
}
