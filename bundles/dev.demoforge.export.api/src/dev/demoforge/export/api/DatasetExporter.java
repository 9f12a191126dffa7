package dev.demoforge.export.api;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A dataset format writer, registered as a DS service (one per format). Vendors implement it.
 * <p>
 * Threading: the service itself is stateless and may be called from any thread; each {@link ExportSession} it returns
 * is used by one thread. {@link #formatId()}, {@link #label()} and {@link #capabilities()} return fast and never block.
 *
 * @since 0.1
 */
@ConsumerType
public interface DatasetExporter {

    /** Stable format id, e.g. {@code "lerobot"}. */
    String formatId();

    /** User-facing name, e.g. {@code "LeRobot dataset v3.0"}. */
    String label();

    /** What the format holds and which options it takes. */
    ExporterCapabilities capabilities();

    /**
     * Starts an export into {@code outputDir}. Files are written into a staging directory beside it (same
     * filesystem) and only moved to {@code outputDir} by {@link ExportSession#finish}.
     *
     * @param outputDir must not exist, or be an empty directory; a non-empty directory is refused with an
     *                  {@link IOException} naming it
     * @param spec      schema; features the format cannot hold are refused with an {@link IllegalArgumentException}
     * @param options   values keyed by {@link OptionSpec#key()}; missing keys take their defaults, bad values are
     *                  refused with an {@link IllegalArgumentException} naming the option
     */
    ExportSession begin(Path outputDir, DatasetSpec spec, Map<String, String> options) throws IOException;
}
