package com.example.demoforge.linesensor.internal;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import dev.demoforge.device.api.DeviceConfig;
import dev.demoforge.device.api.DeviceDriverFactory;
import dev.demoforge.test.support.DriverConformanceKit;

/** The DemoForge driver conformance kit, run against the sensor emulator at 100 Hz. */
class LineSensorConformanceTest extends DriverConformanceKit {

    private SensorEmulator emulator;

    @BeforeAll
    void startEmulator() throws IOException {
        emulator = new SensorEmulator(100);
    }

    @AfterAll
    void stopEmulator() throws IOException {
        emulator.close();
    }

    @Override
    protected DeviceDriverFactory factory() {
        return new LineSensorFactory();
    }

    @Override
    protected DeviceConfig config() {
        return new DeviceConfig("ft", "example.linesensor", Map.of("port", Integer.toString(emulator.port()),
                "rate_hz", "100"));
    }

    @Override
    protected DeviceConfig missingPortConfig() {
        try (ServerSocket s = new ServerSocket(0)) {
            return new DeviceConfig("ft_missing", "example.linesensor", Map.of("port",
                    Integer.toString(s.getLocalPort()), "reconnect_ms", "100"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
