package dev.demoforge.device.api;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * One device of a connected station, as the framework runs it. Thread-safe; all methods return immediately.
 *
 * @since 0.1
 */
@ProviderType
public interface DeviceHandle {

    DeviceConfig config();

    /** Declared streams; empty when the driver could not be created. */
    List<StreamSpec> streams();

    DeviceStatus status();

    /** Live figures of a declared stream. */
    StreamStats stats(String stream);

    /** Driver errors caught by the framework's guard (exceptions, calls that timed out). */
    long guardFailures();

    /**
     * The running driver as a capability interface it implements (e.g. {@link JointCommandable}), empty when the
     * driver does not implement it, could not be created, or is not running. Calls on it go straight to the driver
     * (capabilities promise not to block), not through the guard: catch what they throw.
     *
     * @since 0.2
     */
    <T> java.util.Optional<T> capability(Class<T> type);
}
