package dev.demoforge.catalog.api;

/** A catalog operation failed; the message names the database and what went wrong. @since 0.1 */
public class CatalogException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CatalogException(String message, Throwable cause) {
        super(message, cause);
    }
}
