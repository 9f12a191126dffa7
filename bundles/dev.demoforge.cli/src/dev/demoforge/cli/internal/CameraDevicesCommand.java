package dev.demoforge.cli.internal;

import java.io.PrintStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.demoforge.device.api.DeviceConfig;
import dev.demoforge.driver.camera.CameraProbe;
import dev.demoforge.driver.camera.CameraSettings;
import dev.demoforge.driver.camera.VideoDevices;

/**
 * The camera half of {@code devices}: {@code /dev/video*} nodes for {@code devices list}, and
 * {@code devices probe --driver camera --port /dev/videoN|URL}: the negotiated format and the first frames' times.
 */
final class CameraDevicesCommand {

    private static final int PROBE_FRAMES = 10;

    private CameraDevicesCommand() {
    }

    /** The video nodes as list entries shaped like the serial ports' (path, exists, usbId, description, suggested). */
    static List<Map<String, Object>> listEntries() {
        return VideoDevices.list().stream().map(d -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("path", d.path());
            m.put("exists", true);
            m.put("usbId", d.usbId());
            m.put("description", d.name() + (d.index() > 0 ? " (node " + d.index() + ", often metadata)" : ""));
            m.put("suggested", List.of("camera"));
            m.put("kind", "camera");
            return m;
        }).toList();
    }

    static void printList(List<Map<String, Object>> cameras, PrintStream out) {
        for (Map<String, Object> c : cameras) {
            String usb = (String) c.get("usbId");
            String description = (String) c.get("description");
            out.printf("%-28s %-10s %-40s drivers: camera%n", c.get("path"), usb.isEmpty() ? "-" : usb,
                    description.isEmpty() ? "-" : description);
        }
    }

    /** Probes one camera; returns the exit code (1 when it did not open or gave no frame). */
    static int probe(String port, Duration limit, boolean json, PrintStream out) {
        CameraSettings settings = CameraSettings.from(new DeviceConfig("probe", "camera", Map.of("url", port)));
        CameraProbe.Result r = CameraProbe.probe(settings, PROBE_FRAMES, limit);
        if (json) {
            out.println(Json.GSON.toJson(r));
        } else if (r.format() == null) {
            out.println("Camera " + port + " did not open: " + r.error());
        } else {
            out.printf("%s: %s (opened in %d ms)%n", port, r.format().describe(), r.openMillis());
            long host0 = r.frames().isEmpty() ? 0 : r.frames().get(0).hostNanos();
            long pts0 = r.frames().isEmpty() ? 0 : r.frames().get(0).ptsMicros();
            for (int i = 0; i < r.frames().size(); i++) {
                CameraProbe.FrameTime f = r.frames().get(i);
                out.printf("  frame %2d  host +%8.3f ms  pts %14d us (+%8.3f ms)%n", i, (f.hostNanos() - host0) / 1e6,
                        f.ptsMicros(), (f.ptsMicros() - pts0) / 1e3);
            }
            out.printf("%d frames, %.1f fps by host time%s%n", r.frames().size(), r.measuredFps(),
                    r.error().isEmpty() ? "" : "; " + r.error());
        }
        return r.format() == null || r.frames().isEmpty() ? 1 : 0;
    }
}
