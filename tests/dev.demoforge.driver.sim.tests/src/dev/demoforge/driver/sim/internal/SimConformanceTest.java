package dev.demoforge.driver.sim.internal;

import java.util.Map;

import org.junit.jupiter.api.Nested;

import dev.demoforge.device.api.DeviceConfig;
import dev.demoforge.device.api.DeviceDriverFactory;
import dev.demoforge.test.support.DriverConformanceKit;

/** The simulated station's drivers pass the driver conformance kit (they have no port: those checks are skipped). */
class SimConformanceTest {

    private final SimWorlds worlds = new SimWorlds();

    @Nested
    class Arm extends DriverConformanceKit {
        @Override
        protected DeviceDriverFactory factory() {
            return new SimArmFactory(worlds);
        }

        @Override
        protected DeviceConfig config() {
            return new DeviceConfig("arm", "sim.arm", Map.of("world", "conformance"));
        }
    }

    @Nested
    class Leader extends DriverConformanceKit {
        @Override
        protected DeviceDriverFactory factory() {
            return new SimLeaderFactory(worlds);
        }

        @Override
        protected DeviceConfig config() {
            return new DeviceConfig("leader", "sim.leader", Map.of("world", "conformance"));
        }
    }

    @Nested
    class Camera extends DriverConformanceKit {
        @Override
        protected DeviceDriverFactory factory() {
            return new SimCameraFactory(worlds);
        }

        @Override
        protected DeviceConfig config() {
            return new DeviceConfig("cam_scene", "sim.camera", Map.of("world", "conformance", "view", "scene"));
        }
    }

    @Nested
    class ForceTorque extends DriverConformanceKit {
        @Override
        protected DeviceDriverFactory factory() {
            return new SimFtFactory(worlds);
        }

        @Override
        protected DeviceConfig config() {
            return new DeviceConfig("ft", "sim.ft", Map.of("world", "conformance"));
        }
    }
}
