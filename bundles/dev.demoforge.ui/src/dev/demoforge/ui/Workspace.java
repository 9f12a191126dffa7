package dev.demoforge.ui;

import java.nio.file.Path;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

/**
 * Where the workbench keeps its data: the directory named by the framework or system property {@value #PROPERTY},
 * by default {@code ~/demoforge-workspace}. The catalog service reads the same property the same way.
 * <p>
 * Threading: any thread; no I/O (directories are created by whoever writes into them).
 *
 * @since 0.1
 */
public final class Workspace {

    /** System property naming the workspace directory. */
    public static final String PROPERTY = "demoforge.workspace";

    private Workspace() {
    }

    /** The workspace directory, absolute. */
    public static Path root() {
        Bundle bundle = FrameworkUtil.getBundle(Workspace.class);
        BundleContext context = bundle == null ? null : bundle.getBundleContext();
        String configured = context == null ? System.getProperty(PROPERTY) : context.getProperty(PROPERTY);
        Path root = configured == null || configured.isBlank()
                ? Path.of(System.getProperty("user.home"), "demoforge-workspace")
                : Path.of(configured);
        return root.toAbsolutePath().normalize();
    }

    /** Raw episodes: one directory per episode. */
    public static Path episodes() {
        return root().resolve("episodes");
    }

    /** Default parent of exported datasets. */
    public static Path datasets() {
        return root().resolve("datasets");
    }
}
