/**
 * Universal Robots arms over RTDE (Real-Time Data Exchange, TCP port 30004): what a caller holding the running
 * driver may ask and command. The driver itself is the DS component {@code ur-rtde} (a
 * {@link dev.demoforge.device.api.DeviceDriverFactory}); cast its {@link dev.demoforge.device.api.DeviceDriver} to
 * {@link dev.demoforge.driver.ur.UrRobot}.
 * <p>
 * Units: joint positions rad, velocities rad/s, currents A, TCP pose m and rad (rotation vector), wrench N and N·m.
 * Times: host monotonic nanoseconds ({@link java.lang.System#nanoTime()}); device time is the controller's
 * {@code timestamp} (seconds since the controller started) in ns.
 *
 * @since 0.1
 */
@org.osgi.annotation.versioning.Version("0.1.0")
package dev.demoforge.driver.ur;
