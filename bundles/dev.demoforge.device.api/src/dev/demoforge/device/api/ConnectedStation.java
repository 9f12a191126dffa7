package dev.demoforge.device.api;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A station whose drivers are running. Closing it stops every driver (each through the guard).
 * Thread-safe.
 *
 * @since 0.1
 */
@ProviderType
public interface ConnectedStation extends AutoCloseable {

    StationConfig config();

    List<DeviceHandle> devices();

    Optional<DeviceHandle> device(String deviceId);

    /** Starts delivering samples to the sink; see {@link SampleSink} for the threading rules. */
    void addSink(SampleSink sink);

    void removeSink(SampleSink sink);

    /**
     * Stops one device's driver through the guard (at most its stop time limit); the device keeps its handle and
     * reports OFFLINE "disconnected" (or FAILED when the stop failed); the other devices go on. Does nothing when
     * the device is not running. Blocks: call it off the UI thread.
     *
     * @throws IllegalArgumentException naming the device when the station has none with that id
     * @since 0.3
     */
    void disconnect(String deviceId);

    /**
     * Starts a disconnected device's driver again through the guard (at most its start time limit; drivers may be
     * started again after a stop, which the driver conformance kit checks). Does nothing when it is running or its
     * driver could not be created. Blocks: call it off the UI thread.
     *
     * @throws IllegalArgumentException naming the device when the station has none with that id
     * @since 0.3
     */
    void reconnect(String deviceId);

    @Override
    void close();
}
