package dev.demoforge.recorder.internal;

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

import com.google.gson.JsonObject;

import dev.demoforge.device.api.ConnectedStation;
import dev.demoforge.device.api.DeviceConfig;
import dev.demoforge.device.api.DeviceContext;
import dev.demoforge.device.api.DeviceDriver;
import dev.demoforge.device.api.DeviceDriverFactory;
import dev.demoforge.device.api.DeviceStatus;
import dev.demoforge.device.api.Sample;
import dev.demoforge.device.api.StationConfig;
import dev.demoforge.device.api.StationManager;
import dev.demoforge.device.api.StreamKind;
import dev.demoforge.device.api.StreamSpec;
import dev.demoforge.device.api.VectorSample;
import dev.demoforge.episode.api.EpisodeSummary;
import dev.demoforge.episode.api.Recorder;
import dev.demoforge.episode.api.Recording;
import dev.demoforge.episode.api.RecordingRequest;
import dev.demoforge.episode.api.StreamSummary;

/** A device goes silent (unplugged) mid-episode and comes back: its gap is recorded, the other device goes on. */
class StalledDeviceTest {

    private static final long STALL_FROM_MS = 800;
    private static final long STALL_MS = 800;

    @TempDir
    Path workspace;

    @Test
    void silentDeviceLeavesAGapEventAndTheOthersGoOn() throws Exception {
        ServiceRegistration<DeviceDriverFactory> reg = FrameworkUtil.getBundle(getClass()).getBundleContext()
                .registerService(DeviceDriverFactory.class, new TickerFactory(), new Hashtable<>());
        try {
            StationManager stations = OsgiServices.get(StationManager.class);
            Recorder recorder = OsgiServices.get(Recorder.class);
            StationConfig config = new StationConfig("stall", "test", List.of(
                    new DeviceConfig("steady", "test.ticker", Map.of()),
                    new DeviceConfig("flaky", "test.ticker", Map.of("stall", "true"))));
            EpisodeSummary summary;
            try (ConnectedStation station = stations.connect(config)) {
                Recording recording = recorder.start(station, new RecordingRequest(workspace, "t", "t", null, 1L));
                Thread.sleep(2500);
                summary = recording.stop();
            }
            List<JsonObject> gaps = RecorderEvents.read(summary.directory(), McapEpisodeWriter.GAPS_TOPIC);
            assertEquals(1, gaps.size(), "gaps: " + gaps);
            JsonObject gap = gaps.get(0);
            assertEquals("/flaky/value", gap.get("topic").getAsString());
            double seconds = gap.get("seconds").getAsDouble();
            assertTrue(seconds > 0.6 && seconds < 1.2, "gap of " + seconds + " s for a " + STALL_MS + " ms stall");
            StreamSummary steady = summary.streams().stream().filter(s -> s.topic().equals("/steady/value"))
                    .findFirst().orElseThrow();
            StreamSummary flaky = summary.streams().stream().filter(s -> s.topic().equals("/flaky/value"))
                    .findFirst().orElseThrow();
            assertTrue(steady.achievedRateHz() > 60, "steady stream went on at " + steady.achievedRateHz() + " Hz");
            assertTrue(flaky.samples() < steady.samples() * 0.85 && flaky.samples() > steady.samples() * 0.4,
                    "flaky " + flaky.samples() + " vs steady " + steady.samples() + ": it resumed after the stall");
        } finally {
            reg.unregister();
        }
    }

    /** 100 Hz ticker; with property stall=true it goes silent and OFFLINE for a while, then comes back. */
    private static final class TickerFactory implements DeviceDriverFactory {
        @Override
        public String driverId() {
            return "test.ticker";
        }

        @Override
        public String label() {
            return "ticker";
        }

        @Override
        public DeviceDriver create(DeviceConfig config) {
            boolean stall = Boolean.parseBoolean(config.property("stall", "false"));
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
                        boolean stalled = false;
                        while (!Thread.currentThread().isInterrupted()) {
                            long ms = (System.nanoTime() - start) / 1_000_000;
                            if (stall && ms >= STALL_FROM_MS && ms < STALL_FROM_MS + STALL_MS) {
                                if (!stalled) {
                                    context.status(DeviceStatus.offline("unplugged"));
                                    stalled = true;
                                }
                            } else {
                                if (stalled) {
                                    context.status(DeviceStatus.online());
                                    stalled = false;
                                }
                                context.publish("value", new VectorSample(context.hostNanos(), Sample.NO_DEVICE_TIME,
                                        null, new double[] {ms}));
                            }
                            try {
                                Thread.sleep(10);
                            } catch (InterruptedException e) {
                                return;
                            }
                        }
                    }, "ticker");
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
