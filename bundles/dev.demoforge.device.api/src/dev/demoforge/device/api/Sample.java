package dev.demoforge.device.api;

/**
 * One sample of a stream. Implementations are immutable records; the arrays they hold must not be modified
 * after publishing.
 *
 * @since 0.1
 */
public sealed interface Sample permits VectorSample, ImageSample, EventSample {

    /** Marker for {@link #deviceNanos()} when the device has no clock of its own. */
    long NO_DEVICE_TIME = Long.MIN_VALUE;

    /** Host monotonic time ({@link System#nanoTime()}) at which the host received the sample, ns. */
    long hostNanos();

    /** Device clock time of the sample in ns, or {@link #NO_DEVICE_TIME}. */
    long deviceNanos();

    /** Id of the device clock {@link #deviceNanos()} belongs to, or {@code null} without device time. */
    String clockId();

    /** Whether the sample carries a device timestamp. */
    default boolean hasDeviceTime() {
        return deviceNanos() != NO_DEVICE_TIME;
    }
}
