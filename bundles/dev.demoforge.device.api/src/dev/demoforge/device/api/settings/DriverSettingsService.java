package dev.demoforge.device.api.settings;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Reads drivers' settings schemas from the OSGi Metatype descriptions of the bundles that register their
 * {@link dev.demoforge.device.api.DeviceDriverFactory}. Convention: the bundle designates a PID equal to the
 * driver id ({@code <Designate pid="dynamixel">}) whose object class definition lists the properties.
 * Thread-safe; calls read bundle resources (fast, no hardware), callable from any thread.
 *
 * @since 0.1
 */
@ProviderType
public interface DriverSettingsService {

    /** The schema of a driver, empty when no installed driver has that id or its bundle describes none. */
    Optional<DriverSettings> settings(String driverId);

    /** Ids of the installed drivers, sorted. */
    List<String> driverIds();
}
