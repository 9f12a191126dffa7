/**
 * Serial-device emulation and the servo-bus test kit. Emulation: a
 * {@link dev.demoforge.test.support.serial.VirtualSerialPair} of pseudo terminals (socat), and the base of servo-bus
 * emulators ({@link dev.demoforge.test.support.serial.ServoBankEmulator}) that answer on the far end with a control
 * table per id ({@link dev.demoforge.test.support.serial.EmulatedServo}) and injectable
 * {@link dev.demoforge.test.support.serial.Fault}s.
 * <p>
 * The kit: a driver bundle describes its protocol once as a {@link dev.demoforge.test.support.serial.ServoBusSetup}
 * (factory, device, properties, emulator, error counters), which starts
 * {@link dev.demoforge.test.support.serial.ServoBench}es; abstract JUnit 5 classes take that setup and run the same
 * tests for every protocol: {@link dev.demoforge.test.support.serial.ServoBusConformanceKit} (the driver conformance
 * kit over a pty), {@link dev.demoforge.test.support.serial.ServoBusFaultKit} (damaged replies, silence, a vanishing
 * port) and {@link dev.demoforge.test.support.serial.ServoBusBenchmarkKit} (round trips and driver rates, tagged
 * {@code benchmark}); {@link dev.demoforge.test.support.serial.ServoBusTest} and
 * {@link dev.demoforge.test.support.serial.ServoArmTest} are bases with shared checks for a driver's own tests, and
 * {@link dev.demoforge.test.support.serial.ByteStreamFuzz} feeds decoders random streams. Nothing here depends on a
 * protocol: packet tests against the protocol's documents stay in the driver's own tests.
 *
 * @since 0.1
 */
@org.osgi.annotation.versioning.Version("0.2.0")
package dev.demoforge.test.support.serial;
