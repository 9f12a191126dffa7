package dev.demoforge.driver.serial;

import java.io.IOException;

/**
 * A servo did not answer properly: no reply in time, or a reply reporting an error. The message names the id,
 * the instruction and what went wrong.
 *
 * @since 0.1
 */
public final class ServoBusException extends IOException {

    private static final long serialVersionUID = 1L;

    /** What went wrong. */
    public enum Kind { TIMEOUT, SERVO_ERROR, BAD_REPLY }

    private final Kind kind;
    private final int id;

    public ServoBusException(Kind kind, int id, String message) {
        super(message);
        this.kind = kind;
        this.id = id;
    }

    public Kind kind() {
        return kind;
    }

    /** The servo id concerned. */
    public int id() {
        return id;
    }
}
