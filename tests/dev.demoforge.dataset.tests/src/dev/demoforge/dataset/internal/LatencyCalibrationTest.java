package dev.demoforge.dataset.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.demoforge.dataset.CalibrationSteps;
import dev.demoforge.dataset.LatencyCalibration;
import dev.demoforge.dataset.LatencyEstimate;
import dev.demoforge.device.api.ConnectedStation;
import dev.demoforge.device.api.DeviceConfig;
import dev.demoforge.device.api.JointCommandable;
import dev.demoforge.device.api.StationConfig;
import dev.demoforge.device.api.StationManager;
import dev.demoforge.episode.api.EpisodeStore;
import dev.demoforge.episode.api.EpisodeSummary;
import dev.demoforge.episode.api.RawEpisode;
import dev.demoforge.episode.api.Recorder;
import dev.demoforge.episode.api.Recording;
import dev.demoforge.episode.api.RecordingRequest;

/**
 * The latency calibration on the simulated station, whose cameras render the arm at the true exposure instant, while
 * the arm is stepped through {@link CalibrationSteps#DEFAULT} (through its {@link JointCommandable} capability): the
 * scene camera is given a 40 ms minimum latency (40–50 ms), the wrist camera keeps its 15 ms (15–25 ms); the clocks
 * drift at ±50 ppm. The estimates must land within {@value #BOUND_NS} ns of the truth.
 */
class LatencyCalibrationTest {

    /**
     * 5 ms: a sixth of a frame interval. Measured on this station: 39.3 ± 0.8 ms for the 40 ms camera and
     * 13.2 ± 2.4 ms for the 15 ms one (the wrist view's motion follows the joints less directly); 5 ms leaves room for
     * a loaded machine and is still finer than any camera period and than the 10–110 ms skews the calibration exists
     * to remove.
     */
    private static final long BOUND_NS = 5_000_000;
    private static RawEpisode episode;
    private static LatencyCalibration calibration;

    @BeforeAll
    static void record() throws Exception {
        calibration = OsgiServices.get(LatencyCalibration.class);
        StationManager stations = OsgiServices.get(StationManager.class);
        StationConfig sim = stations.station("sim").orElseThrow();
        List<DeviceConfig> devices = new ArrayList<>();
        int i = 0;
        for (DeviceConfig d : sim.devices()) {
            Map<String, String> p = new HashMap<>(d.properties());
            p.put("clock.drift_ppm", i++ % 2 == 0 ? "50" : "-50");
            p.put("world", "latency-tests");
            if (d.deviceId().equals("cam_scene")) {
                p.put("latency_min_ms", "40");
                p.put("latency_max_ms", "50");
            }
            devices.add(new DeviceConfig(d.deviceId(), d.driverId(), p));
        }
        EpisodeSummary summary;
        try (ConnectedStation station = stations.connect(new StationConfig(sim.id(), sim.robotType(), devices))) {
            double[][] pose = new double[1][];
            station.addSink((device, stream, sample) -> {
                if (device.equals("arm") && stream.name().equals("joints")) {
                    pose[0] = ((dev.demoforge.device.api.VectorSample) sample).values();
                }
            });
            Thread.sleep(500);
            JointCommandable arm = station.device("arm").orElseThrow().capability(JointCommandable.class)
                    .orElseThrow();
            double[] start = java.util.Arrays.copyOf(pose[0], 7);
            start[6] = 0.5;
            Recording recording = OsgiServices.get(Recorder.class).start(station, new RecordingRequest(
                    Files.createTempDirectory("latency-episodes"), "latency calibration", "test", null, 5L));
            CalibrationSteps.DEFAULT.drive(arm, start, System.nanoTime() + 10_000_000_000L);
            summary = recording.stop();
        }
        episode = OsgiServices.get(EpisodeStore.class).open(summary.directory());
    }

    private static void check(String camera, long truthNs) throws Exception {
        LatencyEstimate e = calibration.estimate(episode, camera, "/arm/joints");
        System.out.printf("latency of %s vs /arm/joints: %.2f ± %.2f ms (truth %.1f ms), R² %.3f over %d"
                + " frames%n", camera, e.latencyNs() / 1e6, e.uncertaintyNs() / 1e6, truthNs / 1e6, e.rSquared(),
                e.frames());
        assertTrue(Math.abs(e.latencyNs() - truthNs) < BOUND_NS, camera + ": " + e);
        assertTrue(e.rSquared() > 0.5, "the motion explains the images: " + e);
        assertTrue(e.uncertaintyNs() < BOUND_NS, "uncertainty " + e);
        assertEquals(15_000_000, e.configuredNs(), "the latency the station declared when recording");
    }

    @Test
    void anInjected40msCameraLatencyIsFoundWithinTheBound() throws Exception {
        check("/cam_scene/image", 40_000_000);
    }

    @Test
    void theWristCamerasDefault15msIsFoundToo() throws Exception {
        check("/cam_wrist/image", 15_000_000);
    }

    @Test
    void topicsOfTheWrongKindAreNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> calibration.estimate(episode, "/arm/joints", "/cam_scene/image"));
        assertTrue(e.getMessage().contains("/arm/joints"), e.getMessage());
    }
}
