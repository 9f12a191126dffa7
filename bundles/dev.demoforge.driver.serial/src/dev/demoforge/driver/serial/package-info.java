/**
 * Serial-bus servo support shared by the Dynamixel and Feetech drivers, and the SDK for further bus-servo families:
 * a {@link dev.demoforge.driver.serial.SerialLink} over jSerialComm, the {@link dev.demoforge.driver.serial.ServoBus}
 * instructions and a packet-exchange base, control tables ({@link dev.demoforge.driver.serial.ServoModel}), the
 * generic {@link dev.demoforge.driver.serial.ServoArmDriver} (joint positions at a fixed rate, commands, status and
 * reconnection), {@link dev.demoforge.driver.serial.Calibration}, port listing and probing.
 * <p>
 * Units: positions in encoder counts on the bus, radians in streams and commands; currents in mA. Times: host
 * monotonic nanoseconds ({@link java.lang.System#nanoTime()}).
 *
 * @since 0.1
 */
@org.osgi.annotation.versioning.Version("0.1.0")
package dev.demoforge.driver.serial;
