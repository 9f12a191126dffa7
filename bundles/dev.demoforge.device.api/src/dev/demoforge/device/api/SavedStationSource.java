package dev.demoforge.device.api;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * The stations a user saved (edited copies of built-in stations, or stations assembled device by device), as the
 * workspace's catalog keeps them. {@link StationManager} lists them beside the {@link StationProvider}s' built-in
 * stations, and a saved station wins over a built-in one of the same id. Registered as an OSGi service; when there
 * are several, the one of highest service ranking is used.
 * <p>
 * Called from any thread; may block for a short read (a database query), never on hardware.
 *
 * @since 0.4
 */
@ConsumerType
public interface SavedStationSource {

    /** Every saved station, devices in their saved order; throws (any runtime exception) when they cannot be read. */
    List<StationConfig> savedStations();
}
