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

    @Override
    void close();
}
