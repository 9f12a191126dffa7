/**
 * Device SPI: what a hardware driver declares (streams) and how it hands samples to the framework.
 * <p>
 * Time base: every {@link dev.demoforge.device.api.Sample} carries the host monotonic clock
 * ({@link java.lang.System#nanoTime()}, nanoseconds) at which the host received it, and, where the device has a
 * clock of its own, the device time in nanoseconds of that clock plus the clock's id. The two are never mixed:
 * mapping device clocks onto the host clock is the time-sync service's job.
 *
 * @since 0.1
 */
@org.osgi.annotation.versioning.Version("0.4.0")
package dev.demoforge.device.api;
