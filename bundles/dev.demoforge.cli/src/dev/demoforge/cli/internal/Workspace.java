package dev.demoforge.cli.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The workspace directory: {@code catalog.mv.db} and {@code episodes/}. The catalog service reads the same
 * {@code demoforge.workspace} property, which the command line sets before it asks for the catalog.
 */
record Workspace(Path root) {

    static final String PROPERTY = "demoforge.workspace";

    static Workspace select(Path root) throws UsageException {
        if (Files.exists(root) && !Files.isDirectory(root)) {
            throw new UsageException("--workspace " + root + " is a file, not a directory");
        }
        try {
            Files.createDirectories(root.resolve("episodes"));
        } catch (IOException e) {
            throw new UsageException("Cannot use workspace " + root + ": " + e.getMessage());
        }
        if (!Files.isWritable(root)) {
            throw new UsageException("Workspace " + root + " is not writable");
        }
        System.setProperty(PROPERTY, root.toString());
        return new Workspace(root);
    }

    Path episodes() {
        return root.resolve("episodes");
    }
}
