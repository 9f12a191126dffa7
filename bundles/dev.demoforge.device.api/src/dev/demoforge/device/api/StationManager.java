package dev.demoforge.device.api;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Knows the stations (contributed by {@link StationProvider}s) and connects them, running every driver through a
 * guard: a driver that throws or blocks longer than its time limit is marked FAILED with a reason, and the other
 * devices go on.
 *
 * @since 0.1
 */
@ProviderType
public interface StationManager {

    List<StationConfig> stations();

    Optional<StationConfig> station(String id);

    /**
     * Creates and starts the drivers of a station. Returns once every driver's start returned or timed out; a device
     * whose driver is missing or failed is present with a FAILED or OFFLINE status.
     */
    ConnectedStation connect(StationConfig station);
}
