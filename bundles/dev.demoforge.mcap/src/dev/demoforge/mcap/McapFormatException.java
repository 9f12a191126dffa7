package dev.demoforge.mcap;

import java.io.IOException;

/**
 * The file is not an MCAP file at all (empty, or it does not start with the MCAP magic). Damage after a valid
 * start is not an exception: {@link McapReader} reports it in {@link McapReader.Result#problem()}.
 *
 * @since 0.1
 */
public class McapFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    public McapFormatException(String message) {
        super(message);
    }
}
