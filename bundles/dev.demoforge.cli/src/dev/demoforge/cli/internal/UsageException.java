package dev.demoforge.cli.internal;

/** Bad command line: unknown verb or option, missing or malformed value. Exit code 2. */
final class UsageException extends Exception {

    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
