package dev.demoforge.dataset.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.demoforge.device.api.DeviceConfig;
import dev.demoforge.device.api.DeviceDriverFactory;
import dev.demoforge.device.api.KinematicModel;
import dev.demoforge.device.api.StationConfig;
import dev.demoforge.device.api.StationManager;
import dev.demoforge.device.api.StreamKind;
import dev.demoforge.episode.api.EpisodeManifest;
import dev.demoforge.episode.api.RecordedStream;
import dev.demoforge.export.api.FeatureKind;
import dev.demoforge.export.api.FeatureSpec;

/**
 * The end-effector pose features of an episode: for every joint-state stream whose device's driver factory declares
 * a {@link KinematicModel}, a 7-D feature {@code x, y, z, qx, qy, qz, qw} (m, unit quaternion) in the model's base
 * frame, computed by forward kinematics from the joint state interpolated at each row. One arm: key
 * {@code observation.ee_pose}; several: {@code observation.<device>.ee_pose}. The device's model is found through the
 * episode's station as configured now ({@link StationManager}) and the factory of the device's driver id.
 */
final class EndEffectorPoses {

    static final String KEY = "observation.ee_pose";
    static final List<String> NAMES = List.of("x", "y", "z", "qx", "qy", "qz", "qw");

    /** One pose feature and where it comes from. */
    record Pose(FeatureSpec feature, RecordedStream joints, KinematicModel model) {
    }

    private EndEffectorPoses() {
    }

    /** Whether a dataset feature is an end-effector pose this class makes. */
    static boolean isPose(FeatureSpec f) {
        return f.kind() == FeatureKind.VECTOR && (f.key().equals(KEY) || f.key().endsWith(".ee_pose"))
                && f.names().equals(NAMES) && f.info().containsKey("frame");
    }

    /**
     * The pose features of an episode's arms.
     *
     * @throws IOException naming the station, device and driver when no arm of the episode has a kinematic model
     */
    static List<Pose> of(EpisodeManifest m, StationManager stations, List<DeviceDriverFactory> factories)
            throws IOException {
        String where = "Episode " + m.episodeId() + " (station '" + m.stationId() + "')";
        StationConfig station = stations == null ? null : stations.station(m.stationId()).orElse(null);
        if (station == null) {
            throw new IOException(where + ": the end-effector pose needs the station's configuration to find the"
                    + " arms' kinematic models, but station '" + m.stationId() + "' is not known here");
        }
        List<RecordedStream> arms = m.streams().stream().filter(s -> s.spec().kind() == StreamKind.JOINT_STATE)
                .toList();
        List<String> without = new ArrayList<>();
        List<Pose> found = new ArrayList<>();
        for (RecordedStream joints : arms) {
            DeviceConfig device = station.devices().stream().filter(d -> d.deviceId().equals(joints.deviceId()))
                    .findFirst().orElse(null);
            Optional<KinematicModel> model = device == null ? Optional.empty() : factories.stream()
                    .filter(f -> f.driverId().equals(device.driverId())).findFirst()
                    .flatMap(f -> f.kinematicModel(device));
            if (model.isEmpty()) {
                without.add("'" + joints.deviceId() + "' (driver " + (device == null ? "unknown" : device.driverId())
                        + ")");
                continue;
            }
            checkJoints(where, joints, model.get());
            found.add(new Pose(null, joints, model.get()));
        }
        if (found.isEmpty()) {
            throw new IOException(where + ": no arm declares a kinematic model, so there is no end-effector pose to"
                    + " export" + (without.isEmpty() ? " (no joint-state stream)" : "; arms without one: " + without));
        }
        return found.stream().map(p -> new Pose(feature(found.size() == 1 ? KEY
                : "observation." + p.joints().deviceId() + ".ee_pose", p), p.joints(), p.model())).toList();
    }

    private static FeatureSpec feature(String key, Pose p) {
        return FeatureSpec.vector(key, FeatureKind.VECTOR, NAMES, Map.of("frame", p.model().baseFrame(),
                "units", "m, unit quaternion (qx, qy, qz, qw)", "source", "forward kinematics of "
                        + p.joints().topic()));
    }

    /** The model's joints must be the first elements of the stream, named alike (a ".pos"-style suffix allowed). */
    private static void checkJoints(String where, RecordedStream joints, KinematicModel model) throws IOException {
        List<String> elements = joints.spec().elementNames();
        List<String> wanted = model.jointNames();
        boolean ok = elements.size() >= wanted.size();
        for (int i = 0; ok && i < wanted.size(); i++) {
            ok = elements.get(i).equals(wanted.get(i)) || elements.get(i).startsWith(wanted.get(i) + ".");
        }
        if (!ok) {
            throw new IOException(where + ": the kinematic model of '" + joints.deviceId() + "' takes joints "
                    + wanted + ", but " + joints.topic() + " carries " + elements);
        }
    }

    /** The pose of one row from the joint state interpolated at it. */
    static float[] pose(KinematicModel model, float[] joints) {
        double[] q = new double[joints.length];
        for (int i = 0; i < q.length; i++) {
            q[i] = joints[i];
        }
        double[] p = model.forwardKinematics(q);
        float[] out = new float[7];
        for (int i = 0; i < 7; i++) {
            out[i] = (float) p[i];
        }
        return out;
    }
}
