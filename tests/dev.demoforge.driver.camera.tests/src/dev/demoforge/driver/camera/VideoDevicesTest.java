package dev.demoforge.driver.camera;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.demoforge.device.api.DeviceConfig;
import dev.demoforge.driver.camera.CameraSettings.SourceKind;
import dev.demoforge.driver.camera.VideoDevices.VideoDevice;

/** Device listing from a sysfs-shaped tree (this machine has no camera), and reading camera settings. */
class VideoDevicesTest {

    @Test
    void videoNodesAreListedInNumericOrderWithSysfsNameIndexAndUsbId(@TempDir Path root) throws Exception {
        Path dev = Files.createDirectories(root.resolve("dev"));
        Path sys = Files.createDirectories(root.resolve("sys"));
        for (String n : List.of("video10", "video2", "video0", "ttyUSB0", "videoX")) {
            Files.createFile(dev.resolve(n));
        }
        Path usb = Files.createDirectories(root.resolve("bus/usb1/1-1"));
        Files.writeString(usb.resolve("idVendor"), "046d\n");
        Files.writeString(usb.resolve("idProduct"), "0825\n");
        Path iface = Files.createDirectories(usb.resolve("1-1:1.0"));
        Path v0 = Files.createDirectories(sys.resolve("video0"));
        Files.writeString(v0.resolve("name"), "UVC Camera (046d:0825)\n");
        Files.writeString(v0.resolve("index"), "0\n");
        Files.createSymbolicLink(v0.resolve("device"), iface);

        List<VideoDevice> found = VideoDevices.list(dev, sys);

        assertEquals(List.of(new VideoDevice(dev.resolve("video0").toString(), "UVC Camera (046d:0825)", 0, "046d:0825"),
                new VideoDevice(dev.resolve("video2").toString(), "", -1, ""),
                new VideoDevice(dev.resolve("video10").toString(), "", -1, "")), found);
        assertEquals(List.of(), VideoDevices.list(root.resolve("none"), sys));
    }

    @Test
    void settingsPickTheSourceKindAndDefaults() {
        CameraSettings v4l2 = CameraSettings.from(new DeviceConfig("c", "camera", Map.of("port", "/dev/video0")));
        assertEquals(SourceKind.V4L2, v4l2.kind());
        assertEquals("video4linux2", v4l2.inputFormat());
        assertEquals(640, v4l2.width());
        assertEquals(30.0, v4l2.fps());
        assertEquals(false, v4l2.pace());
        CameraSettings rtsp = CameraSettings.from(new DeviceConfig("c", "camera", Map.of("url", "rtsp://10.0.0.5/s",
                "ffmpeg.stimeout", "1", "width", "1280", "height", "720")));
        assertEquals(SourceKind.NETWORK, rtsp.kind());
        assertEquals(Map.of("stimeout", "1"), rtsp.ffmpegOptions());
        CameraSettings file = CameraSettings.from(new DeviceConfig("c", "camera", Map.of("url", "/data/a.mp4")));
        assertEquals(SourceKind.FILE, file.kind());
        assertTrue(file.pace());
    }

    @Test
    void badSettingsNameTheDeviceAndTheProperty() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CameraSettings.from(
                new DeviceConfig("wrist", "camera", Map.of("url", "/dev/video0", "fps", "fast"))));
        assertEquals("Camera wrist: property fps is not a number: 'fast'", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> CameraSettings.from(new DeviceConfig("wrist", "camera",
                Map.of())));
        assertTrue(e.getMessage().startsWith("Camera wrist: property url is missing"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> CameraSettings.from(new DeviceConfig("wrist", "camera",
                Map.of("url", "x", "queue", "0"))));
        assertEquals("Camera wrist: property queue must be in [1, 256], was 0", e.getMessage());
    }
}
