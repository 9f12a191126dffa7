package dev.demoforge.media;

import java.io.IOException;

/**
 * A video file could not be written or read: the message names the file (and the frame or codec where that
 * applies) and says what is wrong; the cause, if any, is FFmpeg's own error.
 *
 * @since 0.1
 */
public final class MediaException extends IOException {

    private static final long serialVersionUID = 1L;

    public MediaException(String message) {
        super(message);
    }

    public MediaException(String message, Throwable cause) {
        super(message, cause);
    }
}
