package dev.demoforge.driver.serial;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.demoforge.test.support.serial.VirtualSerialPair;

/** The serial link over a real pty pair: transfer, and the three ways a port is unusable. */
class SerialLinkTest {

    @Test
    void bytesCrossThePairAndReadsWaitUntilTheDeadline(@TempDir Path dir) throws Exception {
        try (VirtualSerialPair pair = VirtualSerialPair.start(dir);
                SerialLink host = SerialLink.open(pair.hostPort(), 1_000_000);
                SerialLink device = SerialLink.open(pair.devicePort(), 1_000_000)) {
            host.write(new byte[] {1, 2, 3});
            byte[] buf = new byte[16];
            int n = device.read(buf, System.nanoTime() + 1_000_000_000L);
            assertArrayEquals(new byte[] {1, 2, 3}, java.util.Arrays.copyOf(buf, n));
            long t0 = System.nanoTime();
            assertEquals(0, device.read(buf, t0 + 30_000_000L));
            long waited = System.nanoTime() - t0;
            assertTrue(waited >= 30_000_000L && waited < 500_000_000L, "waited " + waited / 1e6 + " ms");
            host.write(new byte[] {9, 9});
            Thread.sleep(20);
            assertEquals(2, device.discardInput());
        }
    }

    @Test
    void missingBusyAndLostPortsAreTold(@TempDir Path dir) throws Exception {
        SerialLinkException missing = assertThrows(SerialLinkException.class,
                () -> SerialLink.open(dir.resolve("ttyNOPE").toString(), 57600));
        assertEquals(SerialLinkException.Kind.MISSING, missing.kind());
        assertTrue(missing.getMessage().contains("ttyNOPE not found"), missing.getMessage());
        try (VirtualSerialPair pair = VirtualSerialPair.start(dir);
                SerialLink first = SerialLink.open(pair.hostPort(), 57600)) {
            SerialLinkException busy = assertThrows(SerialLinkException.class,
                    () -> SerialLink.open(pair.hostPort(), 57600));
            assertEquals(SerialLinkException.Kind.BUSY, busy.kind());
            assertTrue(busy.getMessage().contains("is busy"), busy.getMessage());
            pair.kill();
            SerialLinkException lost = assertThrows(SerialLinkException.class,
                    () -> first.read(new byte[8], System.nanoTime() + 500_000_000L));
            assertEquals(SerialLinkException.Kind.LOST, lost.kind());
            assertTrue(lost.getMessage().contains("lost") && lost.getMessage().contains("the port is gone"),
                    lost.getMessage());
        }
    }
}
