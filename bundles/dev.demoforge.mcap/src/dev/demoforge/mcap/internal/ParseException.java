package dev.demoforge.mcap.internal;

/**
 * A record's content does not match its declared layout. The message names the field and the position inside the
 * record content; callers prefix the record's file offset.
 */
public final class ParseException extends Exception {

    private static final long serialVersionUID = 1L;

    public ParseException(String message) {
        super(message);
    }
}
