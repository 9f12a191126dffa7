package dev.demoforge.driver.camera;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Video4Linux2 device nodes ({@code /dev/video*}) with what sysfs says about them. Linux only; elsewhere (or
 * without {@code /dev}) the list is empty. Stateless and thread-safe; reads the file system on each call.
 *
 * @since 0.1
 */
public final class VideoDevices {

    /**
     * One device node.
     *
     * @param path  the node, e.g. {@code /dev/video0}
     * @param name  the driver's name for the camera (sysfs {@code name}), or "" when unknown
     * @param index the node's index within its camera (sysfs {@code index}: a UVC webcam has 0 for frames and 1 for
     *              metadata), or -1 when unknown
     * @param usbId {@code vvvv:pppp} of the USB device, or "" when not on USB
     */
    public record VideoDevice(String path, String name, int index, String usbId) {
    }

    private VideoDevices() {
    }

    /** The {@code /dev/video*} nodes, in numeric order. */
    public static List<VideoDevice> list() {
        return list(Path.of("/dev"), Path.of("/sys/class/video4linux"));
    }

    static List<VideoDevice> list(Path dev, Path sysfs) {
        if (!Files.isDirectory(dev)) {
            return List.of();
        }
        List<VideoDevice> found = new ArrayList<>();
        try (Stream<Path> nodes = Files.list(dev)) {
            nodes.filter(p -> p.getFileName().toString().matches("video\\d+"))
                    .sorted(Comparator.comparingInt(p -> Integer.parseInt(p.getFileName().toString().substring(5))))
                    .forEach(p -> found.add(describe(p, sysfs.resolve(p.getFileName().toString()))));
        } catch (IOException e) {
            return List.of();
        }
        return found;
    }

    private static VideoDevice describe(Path node, Path sys) {
        String name = read(sys.resolve("name"));
        String index = read(sys.resolve("index"));
        String usb = "";
        try {
            Path usbDevice = sys.resolve("device").toRealPath().getParent();
            String vendor = read(usbDevice.resolve("idVendor"));
            String product = read(usbDevice.resolve("idProduct"));
            if (!vendor.isEmpty() && !product.isEmpty()) {
                usb = vendor + ":" + product;
            }
        } catch (IOException | RuntimeException e) {
            usb = "";
        }
        int idx;
        try {
            idx = index.isEmpty() ? -1 : Integer.parseInt(index);
        } catch (NumberFormatException e) {
            idx = -1;
        }
        return new VideoDevice(node.toString(), name, idx, usb);
    }

    private static String read(Path p) {
        try {
            return Files.isReadable(p) ? Files.readString(p).strip() : "";
        } catch (IOException e) {
            return "";
        }
    }
}
