package dev.demoforge.driver.camera.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.demoforge.device.api.DeviceConfig;
import dev.demoforge.device.api.DeviceStatus;
import dev.demoforge.device.api.DeviceStatus.State;
import dev.demoforge.device.api.ImageSample;
import dev.demoforge.test.support.CollectingDeviceContext;
import dev.demoforge.test.support.CollectingDeviceContext.Received;

/** The camera driver against real FFmpeg sources: a file, HTTP and RTSP streams from an ffmpeg process. */
class CameraStreamsTest {

    private static DeviceConfig config(String id, String url, String... more) {
        Map<String, String> p = new HashMap<>(Map.of("url", url, "reconnect_ms", "100"));
        for (int i = 0; i < more.length; i += 2) {
            p.put(more[i], more[i + 1]);
        }
        return new DeviceConfig(id, "camera", p);
    }

    /** Device and host times never go back. */
    private static void assertMonotonic(List<Received> frames) {
        for (int i = 1; i < frames.size(); i++) {
            assertTrue(frames.get(i).deviceNanos() > frames.get(i - 1).deviceNanos(), "device time went back at " + i);
            assertTrue(frames.get(i).hostNanos() >= frames.get(i - 1).hostNanos(), "host time went back at " + i);
        }
    }

    @Test
    void aFileIsReadAtItsOwnRateWithEveryFrameAndItsPresentationTimes(@TempDir Path dir) throws Exception {
        Path file = FfmpegProcess.file(dir, 320, 240, 30, 3);
        CameraDriver driver = new CameraDriver(config("cam_file", file.toString(), "width", "320", "height", "240"));
        CollectingDeviceContext ctx = new CollectingDeviceContext(config("cam_file", file.toString()), true);
        driver.start(ctx);
        DeviceStatus online = ctx.awaitState(State.ONLINE, Duration.ofSeconds(10));
        assertTrue(online.reason().startsWith("320x240 yuv420p (matroska,webm/mpeg4) @ 30 fps"), online.reason());
        DeviceStatus end = ctx.awaitStatus(s -> s.state() == State.OFFLINE, Duration.ofSeconds(10), "end of file");
        driver.stop();
        assertTrue(end.reason().contains("after 90 frames"), end.reason());
        List<Received> frames = ctx.samples(CameraDriver.STREAM);
        assertEquals(90, frames.size());
        assertMonotonic(frames);
        for (int i = 1; i < frames.size(); i++) {
            long step = frames.get(i).deviceNanos() - frames.get(i - 1).deviceNanos();
            assertTrue(Math.abs(step - 33_333_333) < 1_000_000, "device step " + step + " ns at frame " + i);
        }
        double seconds = (frames.get(89).hostNanos() - frames.get(0).hostNanos()) / 1e9;
        double fps = 89 / seconds;
        assertTrue(fps > 24 && fps < 36, "paced at " + fps + " fps");
        ImageSample first = (ImageSample) frames.get(0).sample();
        assertEquals(320 * 240 * 3, first.bgr().length);
        assertEquals("cam_file.pts", frames.get(0).clockId());
        System.out.printf("file: 90 frames at %.1f fps (host), device step 33.3 ms%n", fps);
    }

    @Test
    void anHttpStreamThatDropsGoesOfflineWithAReasonAndComesBackAfterAGap() throws Exception {
        int port = FfmpegProcess.freeTcpPort();
        String url = "http://127.0.0.1:" + port + "/cam.ts";
        CameraDriver driver = new CameraDriver(config("cam_http", url, "io_timeout_ms", "500"));
        CollectingDeviceContext ctx = new CollectingDeviceContext(config("cam_http", url));
        driver.start(ctx);
        try {
            ctx.awaitStatus(s -> s.state() == State.OFFLINE, Duration.ofSeconds(5), "OFFLINE (no server yet)");
            assertTrue(ctx.lastStatus().reason().contains("Connection refused"), ctx.lastStatus().reason());
            int before;
            try (FfmpegProcess server = httpServer(url)) {
                ctx.awaitState(State.ONLINE, Duration.ofSeconds(10));
                before = ctx.awaitSamples(CameraDriver.STREAM, 30, Duration.ofSeconds(10));
            }
            DeviceStatus lost = ctx.awaitStatus(s -> s.state() == State.OFFLINE, Duration.ofSeconds(5), "loss");
            System.out.println("http: loss -> " + lost);
            long lostAt = System.nanoTime();
            int atLoss = ctx.count(CameraDriver.STREAM);
            Thread.sleep(700);
            try (FfmpegProcess server = httpServer(url)) {
                ctx.awaitState(State.ONLINE, Duration.ofSeconds(10));
                ctx.awaitSamples(CameraDriver.STREAM, atLoss + 30, Duration.ofSeconds(10));
            }
            driver.stop();
            List<Received> frames = ctx.samples(CameraDriver.STREAM);
            assertTrue(before >= 30);
            assertMonotonic(frames);
            long biggestGap = 0;
            for (int i = 1; i < frames.size(); i++) {
                biggestGap = Math.max(biggestGap, frames.get(i).hostNanos() - frames.get(i - 1).hostNanos());
            }
            assertTrue(biggestGap > 700_000_000L, "no gap in host time: " + biggestGap);
            assertTrue(driver.stats().reconnects() >= 2, "reconnects " + driver.stats().reconnects());
            System.out.printf("http: %d frames, gap %.0f ms, %d reconnect attempts, resumed %.0f ms after the loss%n",
                    frames.size(), biggestGap / 1e6, driver.stats().reconnects(),
                    (frames.get(atLoss).hostNanos() - lostAt) / 1e6);
        } finally {
            driver.stop();
        }
    }

    /** An ffmpeg process serving one HTTP client an MPEG-TS stream at {@code url}, then exiting. */
    private static FfmpegProcess httpServer(String url) throws Exception {
        List<String> codec = new java.util.ArrayList<>(FfmpegProcess.mpeg2());
        codec.addAll(List.of("-listen", "1"));
        return FfmpegProcess.serve(640, 480, 30, codec, "mpegts", url);
    }

    @Test
    void anRtspH264StreamPushedToTheDriverIsDecodedAt30Fps() throws Exception {
        int port = FfmpegProcess.freeTcpPort();
        String url = "rtsp://127.0.0.1:" + port + "/cam";
        CameraDriver driver = new CameraDriver(config("cam_rtsp", url, "ffmpeg.rtsp_flags", "listen",
                "ffmpeg.listen_timeout", "1", "reconnect_ms", "20"));
        CollectingDeviceContext ctx = new CollectingDeviceContext(config("cam_rtsp", url));
        driver.start(ctx);
        FfmpegProcess pusher = null;
        try {
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (ctx.count(CameraDriver.STREAM) == 0 && System.nanoTime() < deadline) {
                if (pusher == null || !pusher.isAlive()) {
                    Thread.sleep(200);
                    pusher = FfmpegProcess.serve(640, 480, 30, FfmpegProcess.h264(), "rtsp", url);
                }
                Thread.sleep(50);
            }
            DeviceStatus online = ctx.awaitState(State.ONLINE, Duration.ofSeconds(1));
            assertTrue(online.reason().startsWith("640x480 yuv420p (rtsp/h264)"), online.reason());
            int start = ctx.count(CameraDriver.STREAM);
            Thread.sleep(3000);
            List<Received> frames = ctx.samples(CameraDriver.STREAM);
            List<Received> window = frames.subList(start, frames.size());
            double seconds = (window.get(window.size() - 1).hostNanos() - window.get(0).hostNanos()) / 1e9;
            double hostFps = (window.size() - 1) / seconds;
            double deviceFps = (window.size() - 1) * 1e9
                    / (window.get(window.size() - 1).deviceNanos() - window.get(0).deviceNanos());
            assertMonotonic(frames);
            assertTrue(hostFps > 24 && hostFps < 36, "host rate " + hostFps);
            assertTrue(Math.abs(deviceFps - 30) < 0.5, "device rate " + deviceFps);
            System.out.printf("rtsp: %s; %.1f fps by host time, %.2f by device time%n", online.reason(), hostFps,
                    deviceFps);
        } finally {
            driver.stop();
            if (pusher != null) {
                pusher.close();
            }
        }
    }

    @Test
    void anUnreachableUrlGivesOfflineWithTheReasonAndKeepsRetrying() throws Exception {
        String url = "rtsp://127.0.0.1:" + FfmpegProcess.freeTcpPort() + "/nothing";
        CameraDriver driver = new CameraDriver(config("cam_none", url));
        CollectingDeviceContext ctx = new CollectingDeviceContext(config("cam_none", url));
        driver.start(ctx);
        DeviceStatus s = ctx.awaitStatus(st -> st.state() == State.OFFLINE, Duration.ofSeconds(5), "OFFLINE");
        Thread.sleep(500);
        driver.stop();
        assertTrue(s.reason().contains(url) && s.reason().contains("Connection refused"), s.reason());
        assertTrue(s.reason().chars().allMatch(c -> c >= ' '), "control characters in the reason: " + s.reason());
        assertTrue(driver.stats().reconnects() >= 2, "retries " + driver.stats().reconnects());
        assertEquals(0, ctx.total());
    }

    @Test
    void aMissingVideoDeviceIsNamed() throws Exception {
        CameraDriver driver = new CameraDriver(config("cam_dev", "/dev/video77"));
        CollectingDeviceContext ctx = new CollectingDeviceContext(config("cam_dev", "/dev/video77"));
        driver.start(ctx);
        DeviceStatus s = ctx.awaitStatus(st -> st.state() == State.OFFLINE, Duration.ofSeconds(5), "OFFLINE");
        driver.stop();
        assertTrue(s.reason().startsWith("no such video device /dev/video77"), s.reason());
    }
}
