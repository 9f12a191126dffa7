package dev.demoforge.device.api;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Knows the stations (built in, contributed by {@link StationProvider}s, and saved, from the
 * {@link SavedStationSource}: a saved station wins over a built-in one of the same id) and connects them, running every driver through a
 * guard: a driver that throws or blocks longer than its time limit is marked FAILED with a reason, and the other
 * devices go on.
 *
 * @since 0.1
 */
@ProviderType
public interface StationManager {

    /** Every station by id, each once: the saved copy where there is one, else the built-in station. */
    List<StationConfig> stations();

    /** The saved station of that id, else the built-in one, else empty. */
    Optional<StationConfig> station(String id);

    /**
     * The built-in station of that id as its provider contributes it now, ignoring any saved copy (to show what a
     * saved copy changed, or to go back to the built-in station).
     *
     * @since 0.4
     */
    Optional<StationConfig> builtIn(String id);

    /**
     * Creates and starts the drivers of a station. Returns once every driver's start returned or timed out; a device
     * whose driver is missing or failed is present with a FAILED or OFFLINE status.
     */
    ConnectedStation connect(StationConfig station);
}
