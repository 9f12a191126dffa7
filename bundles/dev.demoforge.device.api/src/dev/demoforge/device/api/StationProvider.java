package dev.demoforge.device.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Contributes a ready-made station configuration (the simulated station, a vendor's reference cell).
 * Registered as an OSGi service.
 *
 * @since 0.1
 */
@ConsumerType
public interface StationProvider {

    StationConfig station();
}
