package dev.demoforge.export.hdf5.internal;

import dev.demoforge.export.support.Staging;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;

import dev.demoforge.export.api.DatasetExporter;
import dev.demoforge.export.api.DatasetSpec;
import dev.demoforge.export.api.ExportSession;
import dev.demoforge.export.api.ExporterCapabilities;
import dev.demoforge.export.api.FeatureKind;
import dev.demoforge.export.api.FeatureSpec;

/**
 * ALOHA / ACT episode files (formats.md §3): one {@code episode_<i>.hdf5} per episode with {@code /observations/qpos},
 * {@code qvel}, {@code effort}, {@code images/<camera>} and {@code /action}; optionally the mobile-aloha JPEG variant.
 * Stateless; sessions are independent.
 */
@Component(service = DatasetExporter.class)
public final class AlohaExporter implements DatasetExporter {

    /** The format id. */
    public static final String FORMAT_ID = "aloha-hdf5";

    @Override
    public String formatId() {
        return FORMAT_ID;
    }

    @Override
    public String label() {
        return "ALOHA / ACT HDF5 episodes";
    }

    @Override
    public ExporterCapabilities capabilities() {
        return new ExporterCapabilities(false, true, EnumSet.allOf(FeatureKind.class), AlohaOptions.specs());
    }

    @Override
    public ExportSession begin(Path outputDir, DatasetSpec spec, Map<String, String> options) throws IOException {
        Path out = outputDir.toAbsolutePath().normalize();
        AlohaOptions o = AlohaOptions.parse(options);
        check(spec);
        Staging.checkOutput(out);
        Hdf5Native.ensureLoaded();
        return new AlohaSession(out, Staging.create(out), spec, o);
    }

    static void check(DatasetSpec spec) {
        Mapping m = Mapping.of(spec);
        if (m.states().isEmpty() || m.actions().isEmpty() || m.videos().isEmpty()) {
            throw new IllegalArgumentException("dataset '" + spec.name() + "' needs a STATE feature (for "
                    + "/observations/qpos), an ACTION feature (for /action) and a camera (ACT reads images); it has "
                    + spec.features().stream().map(f -> f.key() + " (" + f.kind() + ")").toList());
        }
        Map<FeatureSpec, String> vectors = new LinkedHashMap<>();
        m.vectors().forEach(f -> vectors.put(f, Mapping.shortName(f)));
        Mapping.checkUnique("ALOHA", vectors, List.of("qpos", "qvel", "effort", "images"));
        Map<FeatureSpec, String> cameras = new LinkedHashMap<>();
        m.videos().forEach(f -> cameras.put(f, Mapping.shortName(f)));
        Mapping.checkUnique("ALOHA", cameras, List.of());
    }
}
