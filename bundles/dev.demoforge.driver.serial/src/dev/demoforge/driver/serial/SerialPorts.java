package dev.demoforge.driver.serial;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fazecast.jSerialComm.SerialPort;

/**
 * Lists serial ports with what the OS says about them, and suggests drivers from USB ids. Blocking (enumerates
 * devices, a few ms); thread-safe.
 *
 * @since 0.1
 */
public final class SerialPorts {

    /**
     * One serial port.
     *
     * @param path        what to open ({@code /dev/ttyUSB0}, a pty link)
     * @param description the OS description, "" when none
     * @param usbId       {@code vvvv:pppp} (hex vendor and product id), "" for non-USB ports
     * @param serial      USB serial number, "" when none
     * @param exists      whether the path exists (a port given by hand may not)
     * @param suggested   driver ids that fit the adapter, best first; empty when nothing is known
     */
    public record Port(String path, String description, String usbId, String serial, boolean exists,
            List<String> suggested) {
    }

    private SerialPorts() {
    }

    /** The ports the OS enumerates (pseudo terminals are not among them; see {@link #describe}). */
    public static List<Port> list() {
        List<Port> ports = new ArrayList<>();
        for (SerialPort p : SerialPort.getCommPorts()) {
            ports.add(describe(p, p.getSystemPortPath()));
        }
        return ports;
    }

    /** A port given by path, described as far as the OS allows; works for pty links too. */
    public static Port describe(String path) {
        if (!Files.exists(Path.of(path)) && !path.toUpperCase(Locale.ROOT).startsWith("COM")) {
            return new Port(path, "", "", "", false, List.of());
        }
        try {
            return describe(SerialPort.getCommPort(path), path);
        } catch (RuntimeException e) {
            return new Port(path, "", "", "", true, List.of());
        }
    }

    private static Port describe(SerialPort p, String path) {
        int vid = p.getVendorID();
        int pid = p.getProductID();
        String usb = vid > 0 ? String.format("%04x:%04x", vid, pid) : "";
        String desc = (known(p.getPortDescription()) + " " + known(p.getManufacturer())).strip();
        return new Port(path, desc, usb, known(p.getSerialNumber()), true, suggest(usb, desc));
    }

    /** jSerialComm says "Unknown" for what the OS does not tell. */
    private static String known(String s) {
        return s == null || s.isBlank() || s.equalsIgnoreCase("Unknown") ? "" : s.strip();
    }

    /**
     * Drivers that fit a USB adapter: ROBOTIS U2D2 (FTDI FT232H, 0403:6014) and OpenRB/OpenCR boards for Dynamixel;
     * WCH CH340/CH343 bridges (1a86:7523, 1a86:55d3) on Feetech and Waveshare bus-servo boards.
     */
    static List<String> suggest(String usbId, String description) {
        String d = description.toLowerCase(Locale.ROOT);
        if (usbId.equals("0403:6014") || d.contains("robotis") || d.contains("u2d2") || d.contains("openrb")) {
            return List.of("dynamixel");
        }
        if (usbId.equals("1a86:7523") || usbId.equals("1a86:55d3") || d.contains("feetech")) {
            return List.of("feetech");
        }
        if (usbId.startsWith("0403:")) {
            return List.of("dynamixel", "feetech");
        }
        return List.of();
    }
}
