package dev.demoforge.driver.serial;

import java.io.IOException;

/**
 * A serial port could not be opened or was lost; the message names the port and what to do.
 *
 * @since 0.1
 */
public final class SerialLinkException extends IOException {

    private static final long serialVersionUID = 1L;

    /** Why the port is unusable. */
    public enum Kind {
        /** No such port (not plugged in, wrong path). */
        MISSING,
        /** The port exists but this user may not open it. */
        DENIED,
        /** Another program holds the port. */
        BUSY,
        /** The port went away while open (unplugged adapter, ended pty). */
        LOST
    }

    private final Kind kind;

    public SerialLinkException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
