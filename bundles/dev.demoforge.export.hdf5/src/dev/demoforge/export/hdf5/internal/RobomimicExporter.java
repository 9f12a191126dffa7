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
 * robomimic HDF5 (formats.md §4): one file, {@code data/demo_<i>/{obs, next_obs, actions, rewards, dones, states}},
 * {@code num_samples}, {@code total}, {@code env_args}, {@code mask/train} and {@code mask/valid}. Stateless; sessions
 * are independent.
 */
@Component(service = DatasetExporter.class)
public final class RobomimicExporter implements DatasetExporter {

    /** The format id. */
    public static final String FORMAT_ID = "robomimic";

    @Override
    public String formatId() {
        return FORMAT_ID;
    }

    @Override
    public String label() {
        return "robomimic HDF5";
    }

    @Override
    public ExporterCapabilities capabilities() {
        return new ExporterCapabilities(false, true, EnumSet.allOf(FeatureKind.class), RobomimicOptions.specs());
    }

    @Override
    public ExportSession begin(Path outputDir, DatasetSpec spec, Map<String, String> options) throws IOException {
        Path out = outputDir.toAbsolutePath().normalize();
        RobomimicOptions o = RobomimicOptions.parse(options);
        check(spec);
        Staging.checkOutput(out);
        Hdf5Native.ensureLoaded();
        Path staging = Staging.create(out);
        try {
            return new RobomimicSession(out, staging, spec, o);
        } catch (IOException | RuntimeException e) {
            Staging.deleteTree(staging);
            throw e;
        }
    }

    static void check(DatasetSpec spec) {
        Mapping m = Mapping.of(spec);
        if (m.actions().isEmpty()) {
            throw new IllegalArgumentException("dataset '" + spec.name() + "' needs an ACTION feature (for "
                    + "data/demo_N/actions); it has " + spec.features().stream().map(FeatureSpec::key).toList());
        }
        Map<FeatureSpec, String> keys = new LinkedHashMap<>();
        spec.features().stream().filter(f -> f.kind() != FeatureKind.ACTION).forEach(f -> keys.put(f, obsKey(f)));
        Mapping.checkUnique("robomimic", keys, List.of());
    }

    /**
     * Whether a feature is an end-effector pose ({@code x, y, z, qx, qy, qz, qw} in a stated {@code frame}, as the
     * dataset service adds it): stored as robosuite names it, {@code obs/robot<i>_eef_pos} (N, 3) and
     * {@code obs/robot<i>_eef_quat} (N, 4, scalar last), arms numbered in feature order.
     */
    static boolean isEndEffectorPose(FeatureSpec f) {
        return f.kind() == FeatureKind.VECTOR && f.key().endsWith("ee_pose")
                && f.names().equals(List.of("x", "y", "z", "qx", "qy", "qz", "qw"));
    }

    /**
     * The {@code obs/} key of a feature: {@code observation.state} → {@code state}, {@code observation.ft.wrench} →
     * {@code ft_wrench}, {@code observation.images.cam_scene} → {@code cam_scene_image} (robosuite's
     * {@code <camera>_image} naming).
     */
    static String obsKey(FeatureSpec f) {
        String name = Mapping.shortName(f).replace('.', '_');
        return f.kind() == FeatureKind.VIDEO ? name + "_image" : name;
    }
}
