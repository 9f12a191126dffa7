package dev.demoforge.export.example.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;

import dev.demoforge.export.api.DatasetExporter;
import dev.demoforge.export.api.DatasetSpec;
import dev.demoforge.export.api.ExportSession;
import dev.demoforge.export.api.ExporterCapabilities;
import dev.demoforge.export.api.FeatureKind;
import dev.demoforge.export.api.OptionSpec;
import dev.demoforge.export.support.Staging;

/**
 * An example exporter to copy: one NumPy {@code .npz} per episode ({@code data/episode_NNNNNN.npz}) holding every
 * vector feature as a float32 {@code [T, D]} array, {@code timestamp} (float32, s), {@code frame_index} (int64) and,
 * with {@code images=true}, every camera as uint8 {@code [T, H, W, 3]} RGB frames; plus {@code meta.json} (fps,
 * features, episodes with their tasks and lengths, splits). Load an episode with {@code numpy.load(path)}.
 * Stateless; each session is used by one thread.
 */
@Component(service = DatasetExporter.class)
public final class NpzExporter implements DatasetExporter {

    /** The format id. */
    public static final String FORMAT_ID = "npz";
    static final String IMAGES = "images";
    static final String COMPRESSION = "compression";

    private static final ExporterCapabilities CAPABILITIES = new ExporterCapabilities(false, true,
            EnumSet.allOf(FeatureKind.class), List.of(
                    new OptionSpec(IMAGES, "Camera frames as arrays", OptionSpec.BOOL, "true", List.of()),
                    new OptionSpec(COMPRESSION, "Compression", OptionSpec.CHOICE, "deflate",
                            List.of("deflate", "none"))));

    @Override
    public String formatId() {
        return FORMAT_ID;
    }

    @Override
    public String label() {
        return "NumPy .npz per episode (example)";
    }

    @Override
    public ExporterCapabilities capabilities() {
        return CAPABILITIES;
    }

    @Override
    public ExportSession begin(Path outputDir, DatasetSpec spec, Map<String, String> options) throws IOException {
        for (String key : options.keySet()) {
            if (CAPABILITIES.options().stream().noneMatch(o -> o.key().equals(key))) {
                throw new IllegalArgumentException("npz export option '" + key + "' is unknown; options: "
                        + CAPABILITIES.options().stream().map(OptionSpec::key).toList());
            }
        }
        String images = options.getOrDefault(IMAGES, "true");
        if (!images.equals("true") && !images.equals("false")) {
            throw new IllegalArgumentException("npz export option images='" + images + "' is not true or false");
        }
        String compression = options.getOrDefault(COMPRESSION, "deflate");
        if (!compression.equals("deflate") && !compression.equals("none")) {
            throw new IllegalArgumentException("npz export option compression='" + compression
                    + "' is not one of [deflate, none]");
        }
        Staging.checkOutput(outputDir);
        return new NpzSession(outputDir, Staging.create(outputDir), spec, images.equals("true"),
                compression.equals("deflate"));
    }
}
