package dev.demoforge.device.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

import dev.demoforge.device.api.DeviceConfig;
import dev.demoforge.device.api.DeviceDriver;
import dev.demoforge.device.api.DeviceDriverFactory;
import dev.demoforge.device.api.settings.DriverSettings;
import dev.demoforge.device.api.settings.DriverSettingsService;
import dev.demoforge.device.api.settings.SettingSpec;
import dev.demoforge.device.api.settings.SettingType;

/**
 * Reads the real drivers' Metatype descriptions through the Equinox Metatype service and checks them against the
 * drivers' own property parsing: the keys they read are listed, and a configuration built from the schema's
 * defaults (plus an example for each required setting) is accepted by the real factory.
 */
class DriverSettingsSchemaTest {

    /** Example values for required settings, which have no default. */
    private static final Map<String, String> REQUIRED_EXAMPLES = Map.of("port", "/dev/ttyUSB0", "ids", "1-6",
            "url", "/tmp/demoforge-missing.mp4", "host", "192.0.2.10");

    private static BundleContext context;
    private static DriverSettingsService service;

    @BeforeAll
    static void services() throws InterruptedException {
        context = FrameworkUtil.getBundle(StationManagerImpl.class).getBundleContext();
        ServiceTracker<DriverSettingsService, DriverSettingsService> tracker = new ServiceTracker<>(context,
                DriverSettingsService.class, null);
        tracker.open();
        service = tracker.waitForService(10_000);
        assertNotNull(service, "DriverSettingsService is not active (is org.eclipse.equinox.metatype started?)");
    }

    @ParameterizedTest(name = "{0} declares {1}")
    @CsvSource(delimiter = ';', value = {
        "sim.arm;world rate_hz teleop.leader timesync.latency_ns clock.drift_ppm fault.stall_ms",
        "sim.leader;world timesync.latency_ns clock.offset_ns",
        "sim.camera;view fps latency_min_ms latency_max_ms timesync.latency_ns",
        "sim.ft;world timesync.latency_ns",
        "camera;url format width height fps pixel_format rtsp_transport io_timeout_ms reconnect_ms queue pace loop",
        "dynamixel;port baud ids model joints rate_hz timeout_ms offline_after_ms reconnect_ms calibration",
        "feetech;port baud ids model joints rate_hz calibration",
        "ur-rtde;host port rate_hz joints slow_controller connect_timeout_ms servo servo_register",
        "netft;host port calibration counts_per_force counts_per_torque rate_hz bias_on_start http_port"})
    void schemaListsTheKeysTheDriverReads(String driverId, String keys) {
        DriverSettings settings = service.settings(driverId).orElseThrow(() -> new AssertionError(
                "no Metatype schema for driver " + driverId + "; drivers: " + service.driverIds()));
        assertEquals(driverId, settings.driverId());
        for (String key : keys.split(" ")) {
            assertTrue(settings.setting(key).isPresent(), driverId + " schema lacks " + key + ": "
                    + settings.settings().stream().map(SettingSpec::key).toList());
        }
    }

    @ParameterizedTest(name = "defaults of {0} are accepted")
    @CsvSource({"sim.arm", "sim.leader", "sim.camera", "sim.ft", "camera", "dynamixel", "feetech", "ur-rtde",
        "netft"})
    void configBuiltFromSchemaDefaultsIsAcceptedByTheFactory(String driverId) {
        DriverSettings settings = service.settings(driverId).orElseThrow();
        Map<String, String> properties = new HashMap<>(settings.defaults());
        settings.settings().stream().filter(SettingSpec::required)
                .forEach(s -> properties.put(s.key(), REQUIRED_EXAMPLES.get(s.key())));
        assertEquals(List.of(), settings.problems(properties), "schema's own check of its defaults");
        DeviceDriver driver = factory(driverId).create(new DeviceConfig("dev1", driverId, properties));
        assertFalse(driver.streams().isEmpty(), driverId + " created from defaults declares no streams");
    }

    @Test
    void typesDefaultsAndChoicesComeFromTheDescription() {
        DriverSettings camera = service.settings("sim.camera").orElseThrow();
        SettingSpec view = camera.setting("view").orElseThrow();
        assertEquals(List.of("scene", "wrist"), view.options());
        assertEquals("scene", view.defaultValue());
        assertEquals(SettingType.DOUBLE, camera.setting("fps").orElseThrow().type());
        assertTrue(view.problem("side").isPresent(), "a value outside the choices is refused");
        DriverSettings servo = service.settings("dynamixel").orElseThrow();
        assertTrue(servo.setting("port").orElseThrow().required());
        assertEquals(SettingType.INTEGER, servo.setting("baud").orElseThrow().type());
        assertEquals("1000000", servo.setting("baud").orElseThrow().defaultValue());
        assertTrue(servo.problems(Map.of("ids", "1-6")).contains("port is required"));
        assertTrue(service.settings("no.such.driver").isEmpty());
    }

    private static DeviceDriverFactory factory(String driverId) {
        try {
            return context.getServiceReferences(DeviceDriverFactory.class, null).stream().map(context::getService)
                    .filter(f -> f.driverId().equals(driverId)).findFirst()
                    .orElseThrow(() -> new AssertionError("no factory " + driverId));
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
