/**
 * Serial-device emulation for driver tests: a {@link dev.demoforge.test.support.serial.VirtualSerialPair} of pseudo
 * terminals (socat), and the base of servo-bus emulators that answer on the far end with a control table per id
 * and injectable faults.
 *
 * @since 0.1
 */
@org.osgi.annotation.versioning.Version("0.1.0")
package dev.demoforge.test.support.serial;
