package dev.demoforge.test.support.serial;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import com.fazecast.jSerialComm.SerialPort;

import dev.demoforge.device.api.DeviceConfig;

/**
 * A running servo bus for tests: a socat {@link VirtualSerialPair} with an emulator of {@link ServoBusSetup} on its
 * device end, and the configurations of a driver on its host end. Start one with {@link ServoBusSetup#startBench};
 * close it to stop the emulator and socat. Not thread-safe: drive it from the test thread (the emulator is
 * thread-safe).
 *
 * @param <E> the protocol's emulator
 * @since 0.2
 */
public final class ServoBench<E extends ServoBankEmulator> implements AutoCloseable {

    private final ServoBusSetup<E> setup;
    private final Path dir;
    private final VirtualSerialPair pair;
    private final E emulator;

    private ServoBench(ServoBusSetup<E> setup, Path dir, VirtualSerialPair pair, E emulator) {
        this.setup = setup;
        this.dir = dir;
        this.pair = pair;
        this.emulator = emulator;
    }

    static <E extends ServoBankEmulator> ServoBench<E> start(ServoBusSetup<E> setup, String name) throws IOException {
        Path dir = Files.createTempDirectory(setup.driverId() + "-" + name);
        VirtualSerialPair pair = VirtualSerialPair.start(dir);
        try {
            return new ServoBench<>(setup, dir, pair, setup.emulator().start(pair.devicePort()));
        } catch (IOException | RuntimeException e) {
            pair.close();
            throw e;
        }
    }

    public ServoBusSetup<E> setup() {
        return setup;
    }

    /** The bench's own temporary directory (socat's links and log; room for test files). */
    public Path dir() {
        return dir;
    }

    public VirtualSerialPair pair() {
        return pair;
    }

    public E emulator() {
        return emulator;
    }

    /**
     * The device configuration: the setup's properties, {@code port} set to the pty's host end, then
     * {@code overrides} as key/value pairs ({@code config("rate_hz", "500")}).
     */
    public DeviceConfig config(String... overrides) {
        if (overrides.length % 2 != 0) {
            throw new IllegalArgumentException("overrides must be key/value pairs: " + String.join(",", overrides));
        }
        Map<String, String> p = new HashMap<>(setup.properties());
        p.put("port", pair.hostPort());
        for (int i = 0; i < overrides.length; i += 2) {
            p.put(overrides[i], overrides[i + 1]);
        }
        return new DeviceConfig(setup.deviceId(), setup.driverId(), p);
    }

    /** {@link #config} naming a port in {@link #dir} that does not exist. */
    public DeviceConfig missingPortConfig() {
        return config("port", dir.resolve("no-such-tty").toString());
    }

    /**
     * Opens the host end the way another program would (jSerialComm, exclusive as the drivers open it), so a driver
     * finds the port busy until the result is closed.
     *
     * @throws IOException when the port cannot be opened (already held, or gone)
     */
    public AutoCloseable occupyHostPort() throws IOException {
        SerialPort port = SerialPort.getCommPort(pair.hostPort());
        if (!port.openPort()) {
            throw new IOException("cannot open " + pair.hostPort() + " to hold it busy");
        }
        return port::closePort;
    }

    /** Stops the emulator, then socat. */
    @Override
    public void close() throws Exception {
        try {
            emulator.close();
        } finally {
            pair.close();
        }
    }
}
