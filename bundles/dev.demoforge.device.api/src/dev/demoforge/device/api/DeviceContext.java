package dev.demoforge.device.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * What the framework gives a running driver. Provided by DemoForge; drivers never implement it.
 * <p>
 * Threading: all methods are thread-safe and non-blocking; call them from the driver's own threads.
 *
 * @since 0.1
 */
@ProviderType
public interface DeviceContext {

    /** The device this context belongs to. */
    DeviceConfig config();

    /** Host monotonic clock, ns ({@link System#nanoTime()}); stamp received samples with it. */
    default long hostNanos() {
        return System.nanoTime();
    }

    /**
     * Hands one sample of a declared stream to the framework. Never blocks: listeners queue it, and a full queue
     * counts a drop against the stream instead of stalling the driver.
     */
    void publish(String stream, Sample sample);

    /** Reports a change of connection state; the workbench shows it with its reason. */
    void status(DeviceStatus status);
}
