package dev.demoforge.export.lerobot.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;

import dev.demoforge.export.api.DatasetExporter;
import dev.demoforge.export.api.DatasetSpec;
import dev.demoforge.export.api.ExportSession;
import dev.demoforge.export.api.ExporterCapabilities;
import dev.demoforge.export.api.FeatureKind;
import dev.demoforge.export.api.FeatureSpec;
import dev.demoforge.export.support.Staging;

/**
 * What the two LeRobot exporter services share: they differ only in their {@link LeRobotFormat}. Stateless;
 * sessions are independent.
 */
abstract class LeRobotExporters implements DatasetExporter {

    private final LeRobotFormat format;

    LeRobotExporters(LeRobotFormat format) {
        this.format = format;
    }

    @Override
    public final String formatId() {
        return format.formatId();
    }

    @Override
    public final String label() {
        return format.label();
    }

    @Override
    public final ExporterCapabilities capabilities() {
        return new ExporterCapabilities(true, false, EnumSet.allOf(FeatureKind.class), LeRobotOptions.specs(format));
    }

    @Override
    public final ExportSession begin(Path outputDir, DatasetSpec spec, Map<String, String> options)
            throws IOException {
        Path out = outputDir.toAbsolutePath().normalize();
        LeRobotOptions o = LeRobotOptions.parse(format, options);
        check(spec);
        Staging.checkOutput(out);
        return new LeRobotSession(format, out, Staging.create(out), spec, o);
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
