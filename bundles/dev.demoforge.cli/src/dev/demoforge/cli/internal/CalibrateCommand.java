package dev.demoforge.cli.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import dev.demoforge.catalog.api.Catalog;
import dev.demoforge.dataset.CalibrationSteps;
import dev.demoforge.dataset.LatencyCalibration;
import dev.demoforge.dataset.LatencyEstimate;
import dev.demoforge.device.api.ConnectedStation;
import dev.demoforge.device.api.DeviceHandle;
import dev.demoforge.device.api.JointCommandable;
import dev.demoforge.device.api.Sample;
import dev.demoforge.device.api.SampleSink;
import dev.demoforge.device.api.StreamSpec;
import dev.demoforge.device.api.VectorSample;
import dev.demoforge.device.api.StationConfig;
import dev.demoforge.device.api.StationManager;
import dev.demoforge.device.api.StreamKind;
import dev.demoforge.episode.api.EpisodeStore;
import dev.demoforge.episode.api.EpisodeSummary;
import dev.demoforge.episode.api.RawEpisode;
import dev.demoforge.episode.api.RecordedStream;
import dev.demoforge.episode.api.Recorder;
import dev.demoforge.episode.api.Recording;
import dev.demoforge.episode.api.RecordingRequest;
import dev.demoforge.timesync.TimeSyncService;

/**
 * {@code calibrate latency}: records S seconds of the station while its arm moves (a throw-away episode under the
 * workspace, deleted afterwards), estimates every camera's fixed latency against the arm's joints
 * ({@link LatencyCalibration}) and prints it with the device property line that sets it. An arm that takes joint
 * commands is stepped through {@link CalibrationSteps#DEFAULT}; otherwise the operator is asked for brisk motions.
 */
final class CalibrateCommand {

    private final Services services;
    private final Workspace workspace;
    private final PrintStream out;

    CalibrateCommand(Services services, Workspace workspace, PrintStream out) {
        this.services = services;
        this.workspace = workspace;
        this.out = out;
    }

    void latency(String stationId, double seconds, String joints, boolean json, boolean save)
            throws IOException, InterruptedException, UsageException {
        if (seconds < 4) {
            throw new UsageException("calibrate latency needs --seconds of at least 4 (motion to correlate)");
        }
        String jointTopic = joints;
        StationManager stations = services.get(StationManager.class);
        Catalog catalog = services.get(Catalog.class);
        StationConfig config = SavedStations.resolve(stations, stationId);
        Path root = Files.createDirectories(workspace.root().resolve("calibration"));
        if (!json) {
            out.printf("Recording %.0f s of station %s: move the arm in view of every camera...%n", seconds, stationId);
        }
        EpisodeSummary summary;
        try (ConnectedStation station = stations.connect(config)) {
            LatestPose pose = new LatestPose();
            station.addSink(pose);
            Thread.sleep(500);
            Optional<DeviceHandle> arm = station.devices().stream().filter(d -> d.capability(JointCommandable.class)
                    .isPresent() && pose.of(d) != null).findFirst();
            if (!json) {
                out.println(arm.isPresent() ? "Stepping " + arm.get().config().deviceId() + " ("
                        + CalibrationSteps.DEFAULT + ")..." : "No arm takes commands: move the arm briskly, with"
                        + " sudden starts and stops, in view of every camera...");
            }
            Recording recording = services.get(Recorder.class).start(station, new RecordingRequest(root,
                    "latency calibration", System.getProperty("user.name"), null, null));
            long end = System.nanoTime() + Math.round(seconds * 1e9);
            if (arm.isPresent()) {
                JointCommandable commandable = arm.get().capability(JointCommandable.class).orElseThrow();
                CalibrationSteps.DEFAULT.drive(commandable, pose.of(arm.get()), end);
                if (jointTopic == null) {
                    jointTopic = arm.get().streams().stream().filter(s -> s.kind() == StreamKind.JOINT_STATE)
                            .map(s -> RecordedStream.topic(arm.get().config().deviceId(), s.name())).findFirst()
                            .orElse(null);
                }
            } else {
                Thread.sleep(Math.max(0, (end - System.nanoTime()) / 1_000_000));
            }
            summary = recording.stop();
        }
        try {
            RawEpisode episode = services.get(EpisodeStore.class).open(summary.directory());
            String against = jointTopic != null ? jointTopic : episode.manifest().streams().stream()
                    .filter(s -> s.spec().kind() == StreamKind.JOINT_STATE).map(RecordedStream::topic).findFirst()
                    .orElseThrow(() -> new UsageException("Station " + stationId + " has no joint-state stream"));
            LatencyCalibration calibration = services.get(LatencyCalibration.class);
            List<LatencyEstimate> estimates = new ArrayList<>();
            for (RecordedStream s : episode.manifest().streams()) {
                if (s.spec().kind() == StreamKind.CAMERA) {
                    estimates.add(calibration.estimate(episode, s.topic(), against));
                }
            }
            print(stationId, episode, estimates, json);
            if (save) {
                save(catalog, config, episode, estimates, json);
            }
        } finally {
            delete(summary.directory());
        }
    }

    /** The latest joint (then gripper) readings of every device, to step an arm around where it stands. */
    private static final class LatestPose implements SampleSink {
        private final Map<String, double[]> joints = new ConcurrentHashMap<>();
        private final Map<String, double[]> grippers = new ConcurrentHashMap<>();

        @Override
        public void onSample(String deviceId, StreamSpec stream, Sample sample) {
            if (sample instanceof VectorSample v) {
                if (stream.kind() == StreamKind.JOINT_STATE) {
                    joints.put(deviceId, v.values());
                } else if (stream.kind() == StreamKind.GRIPPER) {
                    grippers.put(deviceId, v.values());
                }
            }
        }

        /** The device's pose in command order (joints, then gripper; half open if unknown), or null. */
        double[] of(DeviceHandle device) {
            double[] q = joints.get(device.config().deviceId());
            if (q == null) {
                return null;
            }
            int width = device.capability(JointCommandable.class).map(c -> c.commandNames().size()).orElse(q.length);
            double[] g = grippers.getOrDefault(device.config().deviceId(), new double[0]);
            double[] pose = new double[width];
            for (int i = 0; i < width; i++) {
                pose[i] = i < q.length ? q[i] : i - q.length < g.length ? g[i - q.length] : 0.5;
            }
            return pose;
        }
    }

    private void print(String stationId, RawEpisode episode, List<LatencyEstimate> estimates, boolean json) {
        if (json) {
            Map<String, Object> all = new LinkedHashMap<>();
            all.put("station", stationId);
            all.put("machine", BenchReport.machine());
            all.put("estimates", estimates);
            out.println(Json.GSON.toJson(all));
            return;
        }
        out.printf("%-20s %-14s %18s %12s %12s %8s%n", "camera", "vs", "latency ms", "configured", "R²",
                "frames");
        for (LatencyEstimate e : estimates) {
            out.printf("%-20s %-14s %10.2f ± %5.2f %12.2f %12.3f %8d%n", e.cameraTopic(), e.jointTopic(),
                    e.latencyNs() / 1e6, e.uncertaintyNs() / 1e6, e.configuredNs() / 1e6, e.rSquared(), e.frames());
        }
        out.println();
        out.println("Device properties to set (station configuration):");
        for (LatencyEstimate e : estimates) {
            out.printf("  %s: %s=%d%n", deviceOf(episode, e), TimeSyncService.LATENCY_PROPERTY, e.latencyNs());
        }
    }

    /** Writes the estimated latencies into the camera devices of the station and saves it in the catalog. */
    private void save(Catalog catalog, StationConfig config, RawEpisode episode, List<LatencyEstimate> estimates,
            boolean json) {
        Map<String, String> latencies = new LinkedHashMap<>();
        for (LatencyEstimate e : estimates) {
            latencies.put(deviceOf(episode, e), Long.toString(e.latencyNs()));
        }
        boolean wasSaved = catalog.station(config.id()).isPresent();
        catalog.putStation(SavedStations.withProperty(config, TimeSyncService.LATENCY_PROPERTY, latencies));
        if (!json) {
            out.printf("Saved %s of %s into station %s in the catalog%s.%n", TimeSyncService.LATENCY_PROPERTY,
                    latencies.keySet(), config.id(), wasSaved ? "" : " (first saved copy of the built-in station)");
        }
    }

    private static String deviceOf(RawEpisode episode, LatencyEstimate e) {
        return episode.manifest().streams().stream().filter(s -> s.topic().equals(e.cameraTopic())).findFirst()
                .orElseThrow().deviceId();
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
