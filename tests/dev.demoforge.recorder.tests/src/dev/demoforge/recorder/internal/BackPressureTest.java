package dev.demoforge.recorder.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;

import dev.demoforge.device.api.ConnectedStation;
import dev.demoforge.device.api.DeviceConfig;
import dev.demoforge.device.api.DeviceContext;
import dev.demoforge.device.api.DeviceDriver;
import dev.demoforge.device.api.DeviceDriverFactory;
import dev.demoforge.device.api.ImageSample;
import dev.demoforge.device.api.Sample;
import dev.demoforge.device.api.StationConfig;
import dev.demoforge.device.api.StationManager;
import dev.demoforge.device.api.StreamSpec;
import dev.demoforge.episode.api.EpisodeStore;
import dev.demoforge.episode.api.EpisodeSummary;
import dev.demoforge.episode.api.Recorder;
import dev.demoforge.episode.api.Recording;
import dev.demoforge.episode.api.RecordingRequest;
import dev.demoforge.episode.api.StreamSummary;

/** A camera that publishes far faster than it declared: the queue overflows, and every drop is accounted for. */
class BackPressureTest {

    @TempDir
    Path workspace;

    @Test
    void overflowingCameraDropsAreCountedAndRecordedAsGaps() throws Exception {
        AtomicLong published = new AtomicLong();
        ServiceRegistration<DeviceDriverFactory> reg = FrameworkUtil.getBundle(getClass()).getBundleContext()
                .registerService(DeviceDriverFactory.class, new FloodFactory(published), new Hashtable<>());
        try {
            StationManager stations = OsgiServices.get(StationManager.class);
            Recorder recorder = OsgiServices.get(Recorder.class);
            StationConfig config = new StationConfig("flood", "test",
                    List.of(new DeviceConfig("cam", "test.flood", Map.of())));
            EpisodeSummary summary;
            long publishedBeforeStop;
            long publishedAfterStop;
            try (ConnectedStation station = stations.connect(config)) {
                long beforeStart = published.get();
                Recording recording = recorder.start(station, new RecordingRequest(workspace, "t", "t", null, 1L));
                long afterStart = published.get();
                Thread.sleep(2000);
                publishedBeforeStop = published.get() - afterStart;
                summary = recording.stop();
                publishedAfterStop = published.get() - beforeStart;
            }
            StreamSummary cam = summary.streams().get(0);
            assertTrue(cam.drops() > 0, "a 2000 fps flood into a 30 fps camera queue must drop");
            long accounted = cam.samples() + cam.drops();
            // the recorder starts accepting inside start() and stops inside stop(): every frame offered in between is
            // written or counted as dropped
            assertTrue(accounted >= publishedBeforeStop && accounted <= publishedAfterStop,
                    "written " + cam.samples() + " + dropped " + cam.drops() + " vs published " + publishedBeforeStop
                            + ".." + publishedAfterStop);
            var episode = OsgiServices.get(EpisodeStore.class).open(summary.directory());
            long reported = RecorderEvents.read(summary.directory(), McapEpisodeWriter.DROPS_TOPIC).stream()
                    .mapToLong(e -> e.get("dropped").getAsLong()).sum();
            assertEquals(cam.drops(), reported, "every drop is in a /recorder/drops event");
            assertEquals(cam.drops(), episode.manifest().summary().drops());
        } finally {
            reg.unregister();
        }
    }

    private record FloodFactory(AtomicLong published) implements DeviceDriverFactory {
        @Override
        public String driverId() {
            return "test.flood";
        }

        @Override
        public String label() {
            return "flooding camera";
        }

        @Override
        public DeviceDriver create(DeviceConfig config) {
            return new DeviceDriver() {
                private volatile Thread thread;

                @Override
                public List<StreamSpec> streams() {
                    return List.of(StreamSpec.camera("image", 640, 480, 30));
                }

                @Override
                public void start(DeviceContext context) {
                    // noise is expensive to encode, so the encoder cannot keep up with the flood
                    java.util.Random random = new java.util.Random(1);
                    byte[][] frames = new byte[4][640 * 480 * 3];
                    for (byte[] f : frames) {
                        random.nextBytes(f);
                    }
                    thread = new Thread(() -> {
                        while (!Thread.currentThread().isInterrupted()) {
                            long n = published.incrementAndGet();
                            context.publish("image", new ImageSample(context.hostNanos(), Sample.NO_DEVICE_TIME, null,
                                    640, 480, frames[(int) (n % frames.length)]));
                            java.util.concurrent.locks.LockSupport.parkNanos(500_000);
                        }
                    }, "flood");
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
