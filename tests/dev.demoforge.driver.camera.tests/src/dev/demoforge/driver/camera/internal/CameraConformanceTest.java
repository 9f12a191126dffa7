package dev.demoforge.driver.camera.internal;

import java.net.DatagramSocket;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import dev.demoforge.device.api.DeviceConfig;
import dev.demoforge.device.api.DeviceDriverFactory;
import dev.demoforge.test.support.DriverConformanceKit;

/**
 * The conformance kit against a live MPEG-TS stream over UDP from a real ffmpeg process (640×480 at 30 fps). The
 * "port" is the UDP port the driver binds: another program holding it makes the driver go OFFLINE until it is
 * freed; the missing port is a V4L2 node that does not exist.
 */
class CameraConformanceTest extends DriverConformanceKit {

    private final CameraFactory factory = new CameraFactory();
    private int port;
    private FfmpegProcess sender;

    @BeforeAll
    void startSender() throws Exception {
        port = FfmpegProcess.freeUdpPort();
        sender = FfmpegProcess.serve(640, 480, 30, FfmpegProcess.mpeg2(), "mpegts",
                "udp://127.0.0.1:" + port + "?pkt_size=1316");
    }

    @AfterAll
    void stopSender() throws Exception {
        sender.close();
    }

    @Override
    protected DeviceDriverFactory factory() {
        return factory;
    }

    @Override
    protected DeviceConfig config() {
        return new DeviceConfig("cam_udp", "camera", Map.of("url", "udp://127.0.0.1:" + port, "reconnect_ms", "200"));
    }

    @Override
    protected DeviceConfig missingPortConfig() {
        return new DeviceConfig("cam_v4l2", "camera", Map.of("url", "/dev/video99"));
    }

    @Override
    protected AutoCloseable occupyPort() throws Exception {
        return new DatagramSocket(port);
    }

    @Override
    protected Duration connectTimeout() {
        return Duration.ofSeconds(10);
    }
}
