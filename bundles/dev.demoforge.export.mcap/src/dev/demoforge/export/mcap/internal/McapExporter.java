package dev.demoforge.export.mcap.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;

import org.osgi.service.component.annotations.Component;

import dev.demoforge.export.api.DatasetExporter;
import dev.demoforge.export.api.DatasetSpec;
import dev.demoforge.export.api.ExportSession;
import dev.demoforge.export.api.ExporterCapabilities;
import dev.demoforge.export.api.FeatureKind;
import dev.demoforge.export.support.Staging;

/**
 * Reviewed episodes as MCAP files for Foxglove (formats.md 6): one indexed file per episode, cameras as
 * {@code foxglove.CompressedImage} (protobuf), vectors as JSON plottable by path, chunked with chunk and message
 * indexes and statistics in the summary so Foxglove seeks without scanning. Stateless; sessions are independent.
 */
@Component(service = DatasetExporter.class)
public final class McapExporter implements DatasetExporter {

    /** The format id. */
    public static final String FORMAT_ID = "mcap";

    @Override
    public String formatId() {
        return FORMAT_ID;
    }

    @Override
    public String label() {
        return "MCAP for Foxglove (one file per episode)";
    }

    @Override
    public ExporterCapabilities capabilities() {
        return new ExporterCapabilities(false, true, EnumSet.allOf(FeatureKind.class), McapOptions.specs());
    }

    @Override
    public ExportSession begin(Path outputDir, DatasetSpec spec, Map<String, String> options) throws IOException {
        Path out = outputDir.toAbsolutePath().normalize();
        McapOptions o = McapOptions.parse(options);
        if (spec.features().isEmpty()) {
            throw new IllegalArgumentException("dataset '" + spec.name() + "' has no features to write");
        }
        Staging.checkOutput(out);
        return new McapSession(out, Staging.create(out), spec, o);
    }
}
