package dev.demoforge.driver.camera.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.demoforge.device.api.DeviceConfig;
import dev.demoforge.device.api.DeviceStatus.State;
import dev.demoforge.test.support.CollectingDeviceContext;

/**
 * Camera figures for docs/performance.md: a live 640×480 at 30 fps MPEG-TS stream over UDP from an ffmpeg process
 * (achieved rate, grab-to-publish latency, drops), and the unpaced throughput of the driver reading a 640×480 MPEG-4
 * file against a bare {@link FFmpegFrameGrabber} loop on the same file (the baseline: decode and BGR conversion).
 */
@Tag("benchmark")
class CameraBenchmarkTest {

    private static final int SECONDS = 10;

    @Test
    void live640x480At30FpsOverUdp() throws Exception {
        int port = FfmpegProcess.freeUdpPort();
        String url = "udp://127.0.0.1:" + port;
        try (FfmpegProcess sender = FfmpegProcess.serve(640, 480, 30, FfmpegProcess.mpeg2(), "mpegts",
                url + "?pkt_size=1316")) {
            DeviceConfig cfg = new DeviceConfig("bench_udp", "camera", Map.of("url", url));
            CameraDriver driver = new CameraDriver(cfg);
            CollectingDeviceContext ctx = new CollectingDeviceContext(cfg);
            driver.start(ctx);
            ctx.awaitState(State.ONLINE, Duration.ofSeconds(10));
            ctx.awaitSamples(CameraDriver.STREAM, 1, Duration.ofSeconds(10));
            CameraStats before = driver.stats();
            long t0 = System.nanoTime();
            Thread.sleep(SECONDS * 1000L);
            CameraStats after = driver.stats();
            double seconds = (System.nanoTime() - t0) / 1e9;
            driver.stop();
            double fps = (after.published() - before.published()) / seconds;
            HandoffLatency.Summary h = after.handoff();
            System.out.printf("camera live udp 640x480@30: %.2f fps published over %.1f s, grab->publish p50 %.0f us,"
                    + " p95 %.0f us, max %.0f us (%d frames), dropped %d, stale at connect %d, reconnects %d%n", fps,
                    seconds, h.p50Micros(), h.p95Micros(), h.maxMicros(), h.count(), after.dropped(),
                    after.staleAtConnect(), after.reconnects());
            assertTrue(fps > 25, "fps " + fps);
        }
    }

    @Test
    void unpacedFileThroughputAgainstABareGrabber(@TempDir Path dir) throws Exception {
        Path file = FfmpegProcess.file(dir, 640, 480, 30, 20);
        FFmpegFrameGrabber g = new FFmpegFrameGrabber(file.toString());
        g.setImageWidth(640);
        g.setImageHeight(480);
        long t0 = System.nanoTime();
        g.start();
        int frames = 0;
        while (g.grabImage() != null) {
            frames++;
        }
        double bareSeconds = (System.nanoTime() - t0) / 1e9;
        g.close();

        DeviceConfig cfg = new DeviceConfig("bench_file", "camera", Map.of("url", file.toString(), "pace", "false",
                "queue", "256"));
        CameraDriver driver = new CameraDriver(cfg);
        CollectingDeviceContext ctx = new CollectingDeviceContext(cfg);
        long t1 = System.nanoTime();
        driver.start(ctx);
        ctx.awaitStatus(s -> s.state() == State.OFFLINE, Duration.ofSeconds(60), "end of file");
        double driverSeconds = (System.nanoTime() - t1) / 1e9;
        driver.stop();
        CameraStats st = driver.stats();
        double bare = frames / bareSeconds;
        double grabbed = st.grabbed() / driverSeconds;
        System.out.printf("camera unpaced file 640x480 mpeg4, %d frames: bare grabber %.0f fps; driver %.0f fps (%.2fx"
                + " bare), published %d, dropped %d, grab->publish p50 %.0f us p95 %.0f us%n", frames, bare, grabbed,
                grabbed / bare, st.published(), st.dropped(), st.handoff().p50Micros(), st.handoff().p95Micros());
        assertTrue(st.grabbed() == frames, "driver grabbed " + st.grabbed() + " of " + frames);
    }
}
