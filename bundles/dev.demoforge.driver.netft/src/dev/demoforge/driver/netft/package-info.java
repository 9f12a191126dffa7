/**
 * ATI Net F/T force-torque sensors over RDT (Raw Data Transfer, UDP port 49152): what a caller holding the running
 * driver may ask and command. The driver is the DS component {@code netft} (a
 * {@link dev.demoforge.device.api.DeviceDriverFactory}); cast its {@link dev.demoforge.device.api.DeviceDriver} to
 * {@link dev.demoforge.driver.netft.NetFtSensor}.
 * <p>
 * Units: force N, torque N·m (counts divided by the configured counts per force / per torque). Times: host
 * monotonic nanoseconds ({@link java.lang.System#nanoTime()}); RDT records carry no clock.
 *
 * @since 0.1
 */
@org.osgi.annotation.versioning.Version("0.1.0")
package dev.demoforge.driver.netft;
