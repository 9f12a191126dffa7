/**
 * Device clocks against the host monotonic clock: estimating each device clock's offset and drift from
 * (device time, host receive time) pairs, robust to one-sided transport delay, and mapping device times to capture
 * instants on the host time base.
 * <p>
 * Time base: every time here is in nanoseconds. "Host" times are {@link System#nanoTime()} of the recording
 * process (the time base of raw episodes); "device" times are a device clock's own readings.
 *
 * @since 0.1
 */
@org.osgi.annotation.versioning.Version("0.2.0")
package dev.demoforge.timesync;
