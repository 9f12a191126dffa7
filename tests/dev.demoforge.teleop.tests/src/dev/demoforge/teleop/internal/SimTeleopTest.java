package dev.demoforge.teleop.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.demoforge.dataset.AlignmentReport;
import dev.demoforge.dataset.DatasetService;
import dev.demoforge.dataset.StreamAlignment;
import dev.demoforge.device.api.ConnectedStation;
import dev.demoforge.device.api.DeviceConfig;
import dev.demoforge.device.api.StationConfig;
import dev.demoforge.device.api.StationManager;
import dev.demoforge.device.api.VectorSample;
import dev.demoforge.episode.api.EpisodeStore;
import dev.demoforge.episode.api.EpisodeSummary;
import dev.demoforge.episode.api.RawEpisode;
import dev.demoforge.episode.api.Recorder;
import dev.demoforge.episode.api.Recording;
import dev.demoforge.episode.api.RecordingRequest;
import dev.demoforge.export.api.DatasetSpec;
import dev.demoforge.export.api.FeatureSpec;
import dev.demoforge.teleop.TeleopConfig;
import dev.demoforge.teleop.TeleopService;
import dev.demoforge.teleop.TeleopSession;
import dev.demoforge.teleop.TeleopStats;

/**
 * The simulated leader drives the simulated follower through the teleoperation service while an episode is
 * recorded: the follower's joints (a simulated servo) track the mapped leader, its action stream holds the goals it
 * was sent, and the dataset's action is that stream. Joint 0 is offset by 0.3 rad, so a follower that merely played
 * its script (which also follows the leader) would be 0.3 rad off.
 */
class SimTeleopTest {

    private static final double OFFSET = 0.3;
    /** Tracking bound, rad: a 15 ms servo behind goals sent every 5 ms, on leader motions up to about 1.5 rad/s. */
    private static final double TRACKING_P99_RAD = 0.06;

    private static final StreamLog LOG = new StreamLog();
    private static TeleopStats stats;
    private static RawEpisode episode;

    static StationConfig station(String world, Map<String, String> armProperties) throws Exception {
        StationConfig teleop = OsgiServices.get(StationManager.class).station("sim-teleop").orElseThrow();
        List<DeviceConfig> devices = new ArrayList<>();
        for (DeviceConfig d : teleop.devices()) {
            Map<String, String> p = new HashMap<>(d.properties());
            p.put("world", world);
            if (d.deviceId().equals("arm")) {
                p.putAll(armProperties);
            }
            devices.add(new DeviceConfig(d.deviceId(), d.driverId(), p));
        }
        return new StationConfig(teleop.id(), teleop.robotType(), devices);
    }

    @BeforeAll
    static void teleoperateAndRecord() throws Exception {
        StationManager stations = OsgiServices.get(StationManager.class);
        TeleopService teleop = OsgiServices.get(TeleopService.class);
        StationConfig config = station("teleop-follow", Map.of("teleop.offset", OFFSET + ",0,0,0,0,0,0"));
        List<TeleopConfig> pairings = teleop.pairings(config);
        assertEquals(1, pairings.size());
        EpisodeSummary summary;
        try (ConnectedStation station = stations.connect(config)) {
            station.addSink(LOG);
            try (TeleopSession session = teleop.start(station, pairings.get(0))) {
                Thread.sleep(300);
                Recording recording = OsgiServices.get(Recorder.class).start(station, new RecordingRequest(
                        Files.createTempDirectory("teleop-episodes"), "pick the cube", "test", null, 7L));
                Thread.sleep(6_000);
                summary = recording.stop();
                stats = session.stats();
            }
        }
        episode = OsgiServices.get(EpisodeStore.class).open(summary.directory());
        System.out.println("sim teleop: " + stats);
    }

    @Test
    void theFollowerTracksTheMappedLeader() {
        List<VectorSample> leader = LOG.get("/leader/action");
        List<VectorSample> joints = LOG.get("/arm/joints");
        long from = joints.get(0).hostNanos() + 1_000_000_000L;
        List<Double> errors = new ArrayList<>();
        double offsetSum = 0;
        int n = 0;
        for (VectorSample j : joints) {
            if (j.hostNanos() < from) {
                continue;
            }
            for (int e = 0; e < 6; e++) {
                double l = StreamLog.at(leader, e, j.hostNanos());
                if (!Double.isNaN(l)) {
                    double err = j.values()[e] - (l + (e == 0 ? OFFSET : 0));
                    errors.add(Math.abs(err));
                    if (e == 0) {
                        offsetSum += j.values()[e] - l;
                        n++;
                    }
                }
            }
        }
        double[] sorted = errors.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double p99 = sorted[(int) Math.ceil(0.99 * sorted.length) - 1];
        System.out.printf("sim tracking error over %d joint readings: p50 %.4f p99 %.4f max %.4f rad; joint 0 mean"
                + " offset %.4f rad%n", sorted.length, sorted[sorted.length / 2], p99, sorted[sorted.length - 1],
                offsetSum / n);
        assertTrue(sorted.length > 1000, "readings " + sorted.length);
        assertTrue(p99 < TRACKING_P99_RAD, "tracking error p99 " + p99 + " rad");
        assertEquals(OFFSET, offsetSum / n, 0.02, "the mapping's offset reached the follower");
    }

    @Test
    void theFollowersActionStreamHoldsTheGoalsAtTheTeleopRate() {
        List<VectorSample> action = LOG.get("/arm/action");
        List<VectorSample> leader = LOG.get("/leader/action");
        assertTrue(stats.rateHz() > 160 && stats.rateHz() < 205, "teleop rate " + stats.rateHz());
        assertEquals(0, stats.errors(), stats.lastError());
        assertTrue(stats.latencyP99Ns() < 25_000_000, "leader reading to command p99 " + stats.latencyP99Ns());
        double[] err = action.stream().skip(50).mapToDouble(a -> Math.abs(a.values()[0] - OFFSET
                - StreamLog.at(leader, 0, a.hostNanos()))).filter(d -> !Double.isNaN(d)).sorted().toArray();
        assertTrue(err.length > 500, "action samples " + err.length);
        assertTrue(err[(int) (0.99 * err.length)] < 0.03, "action vs mapped leader p99 " + err[(int) (0.99
                * err.length)]);
        assertTrue(action.stream().noneMatch(a -> a.hasDeviceTime()), "goals are stamped on the host clock");
    }

    @Test
    void theDatasetActionIsTheFollowersGoalsAndItsStateItsJoints() throws Exception {
        DatasetService datasets = OsgiServices.get(DatasetService.class);
        DatasetSpec spec = datasets.spec("teleop", episode);
        FeatureSpec action = spec.features().stream().filter(f -> f.key().equals("action")).findFirst().orElseThrow();
        FeatureSpec state = spec.features().stream().filter(f -> f.key().equals("observation.state")).findFirst()
                .orElseThrow();
        List<String> arm = List.of("shoulder_pan.pos", "shoulder_lift.pos", "elbow_flex.pos", "wrist_flex.pos",
                "wrist_roll.pos", "wrist_yaw.pos", "gripper.pos");
        assertEquals(arm, action.names());
        assertEquals(arm, state.names());
        AlignmentReport report = datasets.alignmentReport(datasets.align(episode, spec));
        StreamAlignment a = report.stream("/arm/action");
        assertEquals(StreamAlignment.TimeBase.HOST_RECEIVE, a.timeBase());
        assertEquals(0, a.rowsOutside(), a.toString());
        assertTrue(Arrays.stream(new String[] {"/leader/action"}).noneMatch(t -> report.streams().stream()
                .anyMatch(s -> s.topic().equals(t))), "the leader stays in the raw episode only");
    }
}
