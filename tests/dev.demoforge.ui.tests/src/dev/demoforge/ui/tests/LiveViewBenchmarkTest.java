package dev.demoforge.ui.tests;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.eclipse.e4.ui.workbench.modeling.EPartService.PartState;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dev.demoforge.catalog.api.Catalog;
import dev.demoforge.catalog.api.EpisodeQuery;
import dev.demoforge.catalog.api.EpisodeRecord;
import dev.demoforge.device.api.DeviceConfig;
import dev.demoforge.device.api.StationConfig;
import dev.demoforge.episode.api.EpisodeStatus;

/**
 * The live view at the recorder benchmark's load ({@code ./demoforge bench recorder}: N simulated cameras at
 * 640×480 @ 30 fps, joints and gripper at 1 kHz, wrench at 1 kHz; here also the leader arm at 200 Hz), in the real
 * workbench under Xvfb: the simulated station is saved with that load and reconnected from the Devices part, then
 * the Plots part's refresh rate and UI-thread time per refresh and the UI thread's lateness are measured idle
 * (baseline) and while recording, and printed side by side. N: system property {@code demoforge.bench.cameras}
 * (Maven property {@code bench.cameras}, default 4). The built-in station is restored afterwards.
 * <p>
 * Run: {@code xvfb-run -a ./mvnw -B -o verify -pl <bundles>,tests/dev.demoforge.ui.tests -DexcludedGroups=none
 * -Dtest=LiveViewBenchmarkTest -Dbench.cameras=8}; writes {@code target/live-view-benchmark.txt}.
 */
@Tag("benchmark")
class LiveViewBenchmarkTest {

    private static final String TASK = "live view benchmark";

    @Test
    void thePlotsHoldTheirRefreshRateWhileRecordingAtTheRecorderBenchmarksLoad() throws IOException {
        int cameras = Integer.getInteger("demoforge.bench.cameras", 4);
        Workbench workbench = Workbench.find();
        workbench.show(WorkbenchTest.CAPTURE);
        Catalog catalog = Workbench.service(Catalog.class, Duration.ofSeconds(10));
        StationConfig builtIn = StationEditorTest.builtInSim(workbench);
        StationConfig bench = benchStation(builtIn, cameras);
        catalog.putStation(bench);
        try {
            StationEditorTest.reconnectAndAwait(workbench, bench.devices().stream().map(DeviceConfig::deviceId)
                    .collect(Collectors.toSet()));
            measure(workbench, catalog, cameras);
        } finally {
            StationEditorTest.restoreBuiltInSim(workbench, catalog);
        }
    }

    private static void measure(Workbench workbench, Catalog catalog, int cameras) throws IOException {
        workbench.parts.showPart(CaptureLoopTest.PLOTS_PART, PartState.VISIBLE);
        workbench.parts.showPart(WorkbenchTest.CAMERA_PART, PartState.VISIBLE);
        Object record = workbench.part(WorkbenchTest.RECORD_PART).getWidget();
        Workbench.control(record, Text.class, "task").setText(TASK);
        Button start = Workbench.control(record, Button.class, "record");
        Button stop = Workbench.control(record, Button.class, "stop");
        assertNotNull(workbench.spinUntil(() -> start.isEnabled() ? start : null, Duration.ofSeconds(30)),
                "the station did not become ready");
        Composite plots = (Composite) workbench.part(CaptureLoopTest.PLOTS_PART).getWidget();
        RefreshTimings idle = new RefreshTimings(plots);
        RefreshTimings recording = new RefreshTimings(plots);
        UiLatencyProbe idleLatency = new UiLatencyProbe(workbench.display);
        UiLatencyProbe recordingLatency = new UiLatencyProbe(workbench.display);
        workbench.spin(Duration.ofSeconds(2));
        idle.begin();
        idleLatency.start();
        workbench.spin(Duration.ofSeconds(8));
        idleLatency.stop();
        idle.end();

        Workbench.click(start);
        assertNotNull(workbench.spinUntil(() -> stop.isEnabled() ? stop : null, Duration.ofSeconds(10)),
                "the recording did not start: " + Workbench.control(record, Label.class, "last").getText());
        workbench.spin(Duration.ofSeconds(2));
        recording.begin();
        recordingLatency.start();
        workbench.spin(Duration.ofSeconds(15));
        recordingLatency.stop();
        recording.end();
        Workbench.click(stop);
        EpisodeRecord episode = workbench.spinUntil(() -> catalog.episodes(EpisodeQuery.all()).stream()
                .filter(e -> TASK.equals(e.task()) && e.status() != EpisodeStatus.RECORDING)
                .max((a, b) -> a.startedAt().compareTo(b.startedAt())).orElse(null), Duration.ofSeconds(60));
        assertNotNull(episode, "the benchmark's episode is not in the catalog");

        String line = String.format(Locale.ROOT, "live view at the recorder benchmark's load (%d cameras 640x480 @"
                + " 30 fps, arm 1 kHz, F/T 1 kHz, leader 200 Hz; plots timer 10 Hz): idle %s; %s | recording %s; %s"
                + " | recording/idle UI-thread CPU %.2fx | episode %.1f s, %d frames, %d drops | load average %.1f",
                cameras, idle.summary(), idleLatency.summary(), recording.summary(), recordingLatency.summary(),
                recording.meanCpuMillis() / idle.meanCpuMillis(), episode.durationSeconds(), episode.frames(),
                episode.drops(), java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                        .getSystemLoadAverage());
        System.out.println(line);
        Files.writeString(Path.of("target", "live-view-benchmark.txt"), line + System.lineSeparator(),
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        assertTrue(idle.count() >= 10 && recording.count() >= 10, line);
    }

    /** The built-in station with the arm at 1 kHz and cameras added up to {@code cameras}, as the bench runs. */
    static StationConfig benchStation(StationConfig builtIn, int cameras) {
        List<DeviceConfig> devices = new ArrayList<>();
        int existing = 0;
        for (DeviceConfig d : builtIn.devices()) {
            if (d.driverId().equals("sim.camera")) {
                if (existing++ >= cameras) {
                    continue;
                }
                Map<String, String> p = new HashMap<>(d.properties());
                p.put("view", "scene");
                d = new DeviceConfig(d.deviceId(), d.driverId(), p);
            } else if (d.deviceId().equals("arm")) {
                Map<String, String> p = new HashMap<>(d.properties());
                p.put("rate_hz", "1000");
                d = new DeviceConfig(d.deviceId(), d.driverId(), p);
            }
            devices.add(d);
        }
        DeviceConfig camera = builtIn.device("cam_scene").orElseThrow();
        for (int i = existing; i < cameras; i++) {
            devices.add(new DeviceConfig("cam_" + i, camera.driverId(), camera.properties()));
        }
        return new StationConfig(builtIn.id(), builtIn.robotType(), devices);
    }
}
