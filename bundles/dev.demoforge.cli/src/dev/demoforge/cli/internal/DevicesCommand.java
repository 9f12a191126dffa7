package dev.demoforge.cli.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.demoforge.device.api.DeviceDriverFactory;
import dev.demoforge.driver.serial.ProbeResult;
import dev.demoforge.driver.serial.SerialPorts;
import dev.demoforge.driver.serial.ServoFamily;
import dev.demoforge.driver.serial.ServoProbes;

/**
 * {@code devices list [--port P,...] [--json]}: serial ports the OS enumerates plus the ports given (pseudo
 * terminals are not enumerated), with USB ids and the drivers that fit; {@code devices probe --driver D --port P
 * [--baud B] [--ids A-B] [--json]}: the servos that answer on a bus, with model and present position;
 * {@code devices probe --driver D --host H [--port N] [--timeout-ms T] [--json]}: a network device (any driver
 * factory taking {@code host}, e.g. ur-rtde, netft) run for a second: its identity and a few samples.
 * Cameras ({@code /dev/video*}) are listed too, then the ids of every registered driver (built in or installed);
 * {@code --driver camera} probes a camera ({@link CameraDevicesCommand}).
 */
final class DevicesCommand {

    static final Set<String> VALUED = Set.of("port", "driver", "baud", "ids", "timeout-ms", "host");
    static final Set<String> FLAGS = Set.of("json");
    static final Set<String> SUBJECTS = Set.of("list", "probe");

    private final Services services;
    private final PrintStream out;

    DevicesCommand(Services services, PrintStream out) {
        this.services = services;
        this.out = out;
    }

    /** Runs the subject; returns the exit code (1 when a probe found nothing). */
    int run(Arguments args) throws UsageException, IOException {
        return args.subject().equals("list") ? list(args) : probe(args);
    }

    private int list(Arguments args) throws UsageException {
        for (String only : List.of("driver", "baud", "ids", "timeout-ms", "host")) {
            if (args.text(only, null) != null) {
                throw new UsageException("--" + only + " is for devices probe, not devices list");
            }
        }
        List<SerialPorts.Port> ports = new ArrayList<>(SerialPorts.list());
        for (String p : args.list("port")) {
            if (ports.stream().noneMatch(q -> q.path().equals(p))) {
                ports.add(SerialPorts.describe(p));
            }
        }
        List<Map<String, Object>> cameras = CameraDevicesCommand.listEntries();
        if (args.flag("json")) {
            List<Object> all = new ArrayList<>(ports);
            all.addAll(cameras);
            out.println(Json.GSON.toJson(all));
            return 0;
        }
        if (ports.isEmpty()) {
            out.println("No serial ports found (pseudo terminals are listed only when given with --port).");
        }
        for (SerialPorts.Port p : ports) {
            out.printf("%-28s %-10s %-40s %s%n", p.path(), p.exists() ? p.usbId() : "missing",
                    p.description().isEmpty() ? "-" : p.description(),
                    p.suggested().isEmpty() ? "" : "drivers: " + String.join(", ", p.suggested()));
        }
        CameraDevicesCommand.printList(cameras, out);
        out.println("Drivers: " + String.join(", ", services.all(DeviceDriverFactory.class).stream()
                .map(DeviceDriverFactory::driverId).sorted().toList()));
        return 0;
    }

    private int probe(Arguments args) throws UsageException, IOException {
        String driver = args.text("driver", null);
        String port = args.text("port", null);
        if (driver != null && args.text("host", null) != null) {
            return probeHost(args, driver);
        }
        if (driver == null || port == null) {
            throw new UsageException("devices probe needs --driver dynamixel|feetech|camera and --port PORT, or"
                    + " --driver ur-rtde|netft and --host HOST");
        }
        if (driver.equals("camera")) {
            return CameraDevicesCommand.probe(port, Duration.ofMillis(args.positiveInt("timeout-ms", 5000)),
                    args.flag("json"), out);
        }
        List<ServoFamily> families = services.all(ServoFamily.class);
        ServoFamily family = families.stream().filter(f -> f.driverId().equals(driver)).findFirst()
                .orElseThrow(() -> new UsageException("No serial-bus driver '" + driver + "'. Drivers: "
                        + families.stream().map(ServoFamily::driverId).sorted().toList()));
        int baud = args.positiveInt("baud", family.defaultBaud());
        int[] ids = idRange(args.text("ids", "0-252"));
        // 20 ms: a stock Linux FTDI adapter (ROBOTIS U2D2) holds replies up to its 16 ms latency timer
        Duration timeout = Duration.ofMillis(args.positiveInt("timeout-ms", 20));
        ProbeResult r = ServoProbes.probe(family, port, baud, ids[0], ids[1], timeout);
        if (args.flag("json")) {
            out.println(Json.GSON.toJson(r));
        } else {
            print(r, ids);
        }
        return r.servos().isEmpty() ? 1 : 0;
    }

    private int probeHost(Arguments args, String driver) throws UsageException, IOException {
        DeviceDriverFactory factory = networkFactory(driver);
        Map<String, String> properties = new HashMap<>();
        properties.put("host", args.text("host", null));
        if (args.text("port", null) != null) {
            properties.put("port", Integer.toString(args.positiveInt("port", 0)));
        }
        DriverProbe.Result r;
        try {
            r = DriverProbe.probe(factory, properties, Duration.ofMillis(args.positiveInt("timeout-ms", 3000)),
                    Duration.ofSeconds(1));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        } catch (Exception e) {
            throw new IOException(driver + " probe of " + properties + " failed: " + e, e);
        }
        if (args.flag("json")) {
            out.println(Json.GSON.toJson(r));
            return r.online() ? 0 : 1;
        }
        out.printf("%s %s (%d ms): %s%n", r.driverId(), r.state(), r.elapsedMs(), r.reason());
        if (!r.online()) {
            return 1;
        }
        for (Map.Entry<String, DriverProbe.StreamResult> e : r.streams().entrySet()) {
            DriverProbe.StreamResult s = e.getValue();
            out.printf("  %-17s %6d samples %8.1f Hz  [%s]%n", e.getKey(), s.received(), s.rateHz(), s.units());
            for (double[] v : s.lastSamples()) {
                StringBuilder b = new StringBuilder();
                for (int i = 0; i < v.length; i++) {
                    b.append(String.format(" %s=%.4f", s.elements().get(i), v[i]));
                }
                out.println("   " + b);
            }
            s.events().forEach(t -> out.println("    " + t));
        }
        return 0;
    }

    /** The driver factory with this id; DS may still be registering them, so wait up to five seconds. */
    private DeviceDriverFactory networkFactory(String driver) throws UsageException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (true) {
            List<DeviceDriverFactory> all = services.all(DeviceDriverFactory.class);
            for (DeviceDriverFactory f : all) {
                if (f.driverId().equals(driver)) {
                    return f;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new UsageException("No driver '" + driver + "' for --host. Drivers: "
                        + all.stream().map(DeviceDriverFactory::driverId).sorted().toList());
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new UsageException("Interrupted while looking for driver '" + driver + "'");
            }
        }
    }

    private void print(ProbeResult r, int[] ids) {
        if (r.servos().isEmpty()) {
            out.printf("No %s servo with an id in %d-%d answered on %s at %d baud (%d ms; %s). Check power, baud rate"
                    + " and ids.%n", r.driverId(), ids[0], ids[1], r.port(), r.baud(), r.elapsedMs(), r.stats().summary());
            return;
        }
        out.printf("%d %s servo%s on %s at %d baud (%d ms; %s):%n", r.servos().size(), r.driverId(),
                r.servos().size() == 1 ? "" : "s", r.port(), r.baud(), r.elapsedMs(), r.stats().summary());
        for (ProbeResult.Found f : r.servos()) {
            String position = f.position() == Integer.MIN_VALUE ? "position unreadable"
                    : String.format("position %d (%.3f rad)", f.position(), f.radians());
            out.printf("  id %3d  %-12s model %5d  firmware %5d  %s%n", f.id(), f.model(), f.modelNumber(), f.firmware(),
                    position);
        }
    }

    private static int[] idRange(String text) throws UsageException {
        try {
            String[] parts = text.strip().split("-", 2);
            int from = Integer.parseInt(parts[0].strip());
            int to = parts.length == 1 ? from : Integer.parseInt(parts[1].strip());
            if (from < 0 || to > 253 || from > to) {
                throw new NumberFormatException();
            }
            return new int[] {from, to};
        } catch (NumberFormatException e) {
            throw new UsageException("--ids must be an id or a range within 0-253 (e.g. 1-20), was '" + text + "'");
        }
    }
}
