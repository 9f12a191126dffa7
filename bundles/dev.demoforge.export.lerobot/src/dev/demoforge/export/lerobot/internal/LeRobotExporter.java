package dev.demoforge.export.lerobot.internal;

import dev.demoforge.export.support.Staging;
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
import dev.demoforge.export.api.FeatureSpec;

/**
 * LeRobot dataset v3.0 exporter (formats.md §1): parquet data and metadata, one H.264 (or AV1) mp4 per camera key
 * and file. Stateless; sessions are independent.
 */
@Component(service = DatasetExporter.class)
public final class LeRobotExporter implements DatasetExporter {

    /** The format id. */
    public static final String FORMAT_ID = "lerobot";

    @Override
    public String formatId() {
        return FORMAT_ID;
    }

    @Override
    public String label() {
        return "LeRobot dataset v3.0";
    }

    @Override
    public ExporterCapabilities capabilities() {
        return new ExporterCapabilities(true, false, EnumSet.allOf(FeatureKind.class), LeRobotOptions.specs());
    }

    @Override
    public ExportSession begin(Path outputDir, DatasetSpec spec, Map<String, String> options) throws IOException {
        Path out = outputDir.toAbsolutePath().normalize();
        LeRobotOptions o = LeRobotOptions.parse(options);
        check(spec);
        Staging.checkOutput(out);
        return new LeRobotSession(out, Staging.create(out), spec, o);
    }

    private static void check(DatasetSpec spec) {
        for (FeatureSpec f : spec.features()) {
            if (DataFileWriter.DEFAULT_KEYS.contains(f.key())) {
                throw new IllegalArgumentException("feature key '" + f.key() + "' is reserved by LeRobot for the "
                        + "column it adds to every dataset");
            }
            if (f.kind() == FeatureKind.VIDEO && (f.imageWidth() % 2 != 0 || f.imageHeight() % 2 != 0)) {
                throw new IllegalArgumentException("video feature '" + f.key() + "' is " + f.imageWidth() + "x"
                        + f.imageHeight() + "; yuv420p video needs an even width and height");
            }
        }
    }
}
