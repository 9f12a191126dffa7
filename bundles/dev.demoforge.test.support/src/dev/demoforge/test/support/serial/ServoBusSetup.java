package dev.demoforge.test.support.serial;

import java.io.IOException;
import java.util.Map;
import java.util.function.Function;

import dev.demoforge.device.api.DeviceDriver;
import dev.demoforge.device.api.DeviceDriverFactory;

/**
 * What the servo-bus kits need to know about one protocol, said once per driver bundle: the driver factory, the
 * device the tests configure, how to start an emulator of the bus and how to read the driver's error counters. The
 * kits ({@link ServoBusConformanceKit}, {@link ServoBusFaultKit}, {@link ServoBusBenchmarkKit}) and tests of their own
 * turn it into a running {@link ServoBench}. Immutable; the emulator and the factory must be usable from any thread.
 *
 * @param factory    the driver factory under test; its {@link DeviceDriverFactory#driverId() driverId} is the
 *                   configuration's driver id and prefixes benchmark lines
 * @param deviceId   the device id of the configurations ("koch_follower")
 * @param properties the driver's properties for the emulated bus, without {@code port} (the bench adds the pty's host
 *                   end). Use short timings ({@code offline_after_ms} ≈ 250, {@code reconnect_ms} ≈ 200) so the
 *                   fault tests stay quick.
 * @param emulator   starts an emulator answering on a device port (the pty's device end)
 * @param counters   reads the error counters of a running driver created by {@code factory}
 * @param <E>        the protocol's emulator, so tests reach its protocol-specific fault switches
 * @since 0.2
 */
public record ServoBusSetup<E extends ServoBankEmulator>(DeviceDriverFactory factory, String deviceId,
        Map<String, String> properties, EmulatorLauncher<E> emulator, Function<DeviceDriver, DriverCounters> counters) {

    /**
     * Starts an emulator on a serial device path.
     *
     * @param <E> the emulator type
     */
    @FunctionalInterface
    public interface EmulatorLauncher<E extends ServoBankEmulator> {

        /** Starts answering on {@code devicePort}; returns the running emulator. */
        E start(String devicePort) throws IOException;
    }

    public ServoBusSetup {
        properties = Map.copyOf(properties);
        if (properties.containsKey("port")) {
            throw new IllegalArgumentException("properties must not hold 'port': the bench sets it to its pty");
        }
    }

    /** The driver id, from the factory ("dynamixel"). */
    public String driverId() {
        return factory.driverId();
    }

    /** Starts a bench (socat pty pair plus emulator) in a fresh temporary directory named after {@code name}. */
    public ServoBench<E> startBench(String name) throws IOException {
        return ServoBench.start(this, name);
    }
}
