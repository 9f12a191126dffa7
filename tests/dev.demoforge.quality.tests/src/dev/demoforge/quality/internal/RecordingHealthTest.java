package dev.demoforge.quality.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;

import dev.demoforge.device.api.ConnectedStation;
import dev.demoforge.device.api.DeviceConfig;
import dev.demoforge.device.api.DeviceContext;
import dev.demoforge.device.api.DeviceDriver;
import dev.demoforge.device.api.DeviceDriverFactory;
import dev.demoforge.device.api.Sample;
import dev.demoforge.device.api.StationConfig;
import dev.demoforge.device.api.StationManager;
import dev.demoforge.device.api.StreamKind;
import dev.demoforge.device.api.StreamSpec;
import dev.demoforge.device.api.VectorSample;
import dev.demoforge.episode.api.EpisodeStore;
import dev.demoforge.episode.api.EpisodeSummary;
import dev.demoforge.episode.api.Recorder;
import dev.demoforge.episode.api.Recording;
import dev.demoforge.episode.api.RecordingRequest;
import dev.demoforge.quality.api.CheckResult;
import dev.demoforge.quality.api.Reason;
import dev.demoforge.quality.api.Verdict;
import dev.demoforge.timesync.TimeSyncService;

/**
 * A device that goes silent mid-recording leaves a gap the health check reports at its time; a device clock whose
 * samples often arrive late shows in the sync residuals.
 */
class RecordingHealthTest {

    private static final long STALL_MS = 600;
    private static final long LATE_MS = 60;

    @TempDir
    Path workspace;

    /** Host times at which the stalling ticker fell silent and resumed. */
    private static volatile long silentFrom;
    private static volatile long silentTo;

    private EpisodeSummary record(List<DeviceConfig> devices) throws Exception {
        ServiceRegistration<DeviceDriverFactory> reg = FrameworkUtil.getBundle(getClass()).getBundleContext()
                .registerService(DeviceDriverFactory.class, new TickerFactory(), new Hashtable<>());
        try {
            StationManager stations = OsgiServices.get(StationManager.class);
            Recorder recorder = OsgiServices.get(Recorder.class);
            try (ConnectedStation station = stations.connect(new StationConfig("health", "test", devices))) {
                Recording recording = recorder.start(station, new RecordingRequest(workspace, "t", "t", null, 1L));
                Thread.sleep(2500);
                return recording.stop();
            }
        } finally {
            reg.unregister();
        }
    }

    @Test
    void lateSamplesOfADeviceClockShowInTheSyncResiduals() throws Exception {
        EpisodeSummary summary = record(List.of(new DeviceConfig("steady", "quality.ticker", Map.of("clock", "true")),
                new DeviceConfig("late", "quality.ticker", Map.of("clock", "true", "late", "true"))));
        var episode = OsgiServices.get(EpisodeStore.class).open(summary.directory());
        CheckResult r = new RecordingHealthCheck(OsgiServices.get(TimeSyncService.class)).evaluate(episode);
        List<Reason> sync = r.reasons().stream().filter(x -> x.text().startsWith("clock ")).toList();
        assertEquals(1, sync.size(), r.reasons().toString());
        assertTrue(sync.get(0).text().matches("clock \\S*late\\S*: samples arrived up to 6\\d\\.\\d ms \\(p99.*"),
                sync.get(0).text());
        assertEquals(Verdict.WARN, r.verdict(), r.reasons().toString());
        CheckResult without = new RecordingHealthCheck(null).evaluate(episode);
        assertTrue(without.reasons().stream().noneMatch(x -> x.text().startsWith("clock ")), "no service, no fit");
    }

    @Test
    void aSilentStretchOfAStreamIsReportedAtItsTime() throws Exception {
        EpisodeSummary summary = record(List.of(new DeviceConfig("steady", "quality.ticker", Map.of()),
                new DeviceConfig("flaky", "quality.ticker", Map.of("stall", "true"))));
        var episode = OsgiServices.get(EpisodeStore.class).open(summary.directory());
        CheckResult r = new RecordingHealthCheck(OsgiServices.get(TimeSyncService.class)).evaluate(episode);
        assertEquals(Verdict.WARN, r.verdict(), r.reasons().toString());
        List<Reason> gaps = r.reasons().stream().filter(x -> x.text().contains("no samples for")).toList();
        assertEquals(1, gaps.size(), r.reasons().toString());
        Reason gap = gaps.get(0);
        assertTrue(gap.text().startsWith("/flaky/value: no samples for 0.6"), gap.text());
        long start = episode.manifest().startHostNanos();
        assertEquals((silentFrom - start) * 1e-9, gap.startSeconds(), 0.03, gap.toString());
        assertEquals((silentTo - start) * 1e-9, gap.endSeconds(), 0.03, gap.toString());
    }

    /**
     * 100 Hz ticker; with property stall=true it is silent for {@value #STALL_MS} ms from 0.8 s; with clock=true it
     * stamps device time on clock "clock-DEVICE" (host time + 1 s); with late=true as well, every 20th sample was
     * taken {@value #LATE_MS} ms before it is published.
     */
    private static final class TickerFactory implements DeviceDriverFactory {
        @Override
        public String driverId() {
            return "quality.ticker";
        }

        @Override
        public String label() {
            return "ticker";
        }

        @Override
        public DeviceDriver create(DeviceConfig config) {
            boolean stall = Boolean.parseBoolean(config.property("stall", "false"));
            boolean clock = Boolean.parseBoolean(config.property("clock", "false"));
            boolean late = Boolean.parseBoolean(config.property("late", "false"));
            String clockId = "clock-" + config.deviceId();
            return new DeviceDriver() {
                private volatile Thread thread;

                @Override
                public List<StreamSpec> streams() {
                    return List.of(StreamSpec.vector("value", StreamKind.JOINT_STATE, "rad", 100, List.of("q")));
                }

                @Override
                public void start(DeviceContext context) {
                    thread = new Thread(() -> {
                        long start = System.nanoTime();
                        long last = 0;
                        boolean silent = false;
                        while (!Thread.currentThread().isInterrupted()) {
                            long ms = (System.nanoTime() - start) / 1_000_000;
                            boolean quiet = stall && ms >= 800 && ms < 800 + STALL_MS;
                            if (!quiet) {
                                long host = context.hostNanos();
                                if (silent) {
                                    silentFrom = last;
                                    silentTo = host;
                                }
                                long device = host + 1_000_000_000L - (late && ms / 10 % 20 == 0 ? LATE_MS * 1_000_000 : 0);
                                context.publish("value", clock ? new VectorSample(host, device, clockId,
                                        new double[] {ms}) : new VectorSample(host, Sample.NO_DEVICE_TIME, null,
                                        new double[] {ms}));
                                last = host;
                            }
                            silent = quiet;
                            try {
                                Thread.sleep(10);
                            } catch (InterruptedException e) {
                                return;
                            }
                        }
                    }, "quality-ticker");
                    thread.start();
                }

                @Override
                public void stop() throws InterruptedException {
                    thread.interrupt();
                    thread.join(1000);
                }
            };
        }
    }
}
