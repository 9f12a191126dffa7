package dev.demoforge.catalog.internal;

import java.nio.file.Path;

import org.osgi.framework.BundleContext;

/** Where the workspace is: framework or system property {@code demoforge.workspace}, else ~/demoforge-workspace. */
final class WorkspaceLocation {

    static final String PROPERTY = "demoforge.workspace";

    private WorkspaceLocation() {
    }

    static Path resolve(BundleContext context) {
        String configured = context == null ? System.getProperty(PROPERTY) : context.getProperty(PROPERTY);
        return configured == null || configured.isBlank()
                ? Path.of(System.getProperty("user.home"), "demoforge-workspace")
                : Path.of(configured).toAbsolutePath();
    }
}
