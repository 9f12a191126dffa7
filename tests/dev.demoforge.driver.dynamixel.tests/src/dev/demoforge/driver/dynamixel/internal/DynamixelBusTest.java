package dev.demoforge.driver.dynamixel.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.demoforge.driver.serial.BusCounters;
import dev.demoforge.driver.serial.Field;
import dev.demoforge.driver.serial.SerialLink;
import dev.demoforge.driver.serial.ServoBusException;
import dev.demoforge.driver.serial.ServoIdentity;
import dev.demoforge.test.support.serial.ServoBusSetup;
import dev.demoforge.test.support.serial.ServoBusTest;

/** Every instruction of the bus against the emulator over a real pty pair. */
class DynamixelBusTest extends ServoBusTest<DynamixelEmulator> {

    private SerialLink link;
    private Protocol2Bus bus;

    @Override
    protected ServoBusSetup<DynamixelEmulator> setup() {
        return Bench.SETUP;
    }

    @BeforeEach
    void open() throws Exception {
        link = SerialLink.open(bench().pair().hostPort(), 1_000_000);
        bus = new Protocol2Bus(link, new BusCounters(), Duration.ofMillis(100));
    }

    @AfterEach
    void close() {
        bench().emulator().alert(false);
        link.close();
    }

    @Test
    void pingReportsModelNumberAndFirmware() throws Exception {
        assertEquals(new ServoIdentity(3, 1060, DynamixelEmulator.FIRMWARE), bus.ping(3).orElseThrow());
        assertEquals(new ServoIdentity(5, 1200, DynamixelEmulator.FIRMWARE), bus.ping(5).orElseThrow());
        assertTrue(bus.ping(42).isEmpty());
        assertEquals(1, bus.stats().timeouts(), bus.stats().toString());
    }

    @Test
    void broadcastPingFindsEveryServoInIdOrder() throws Exception {
        List<ServoIdentity> found = bus.scan(0, 252);
        assertEquals(List.of(1, 2, 3, 4, 5, 6), found.stream().map(ServoIdentity::id).toList());
        assertEquals(1020, found.get(0).modelNumber());
        assertEquals(0, bus.stats().timeouts(), "a scan does not count silent ids");
    }

    @Test
    void readGivesThePresentPosition() throws Exception {
        Field pos = DynamixelModels.XL430_W250.require(dev.demoforge.driver.serial.Register.PRESENT_POSITION);
        int raw = pos.decode(bus.read(4, 132, 4), 0);
        int actual = bench().emulator().servo(4).position();
        assertTrue(Math.abs(raw - actual) < 40, raw + " vs " + actual);
    }

    @Test
    void writeWithTorqueOnMovesTheServoToTheGoal() throws Exception {
        bus.write(2, 64, new byte[] {1});
        bus.write(2, 116, Field.signed(116, 4).encode(1000));
        Thread.sleep(600);
        assertEquals(1000, Field.signed(132, 4).decode(bus.read(2, 132, 4), 0));
        bus.write(2, 64, new byte[] {0});
    }

    @Test
    void syncReadReadsAllSixAndLeavesOutASilentId() throws Exception {
        Map<Integer, byte[]> all = bus.syncRead(List.of(1, 2, 3, 4, 5, 6), 120, 16);
        assertEquals(List.of(1, 2, 3, 4, 5, 6), List.copyOf(all.keySet()));
        all.values().forEach(v -> assertEquals(16, v.length));
        Map<Integer, byte[]> some = bus.syncRead(List.of(1, 9), 132, 4);
        assertEquals(List.of(1), List.copyOf(some.keySet()));
        assertEquals(1, bus.stats().timeouts(), bus.stats().toString());
    }

    @Test
    void syncWriteSetsEveryGoal() throws Exception {
        bus.syncWrite(64, 1, Map.of(5, new byte[] {1}, 6, new byte[] {1}));
        bus.syncWrite(116, 4, Map.of(5, Field.signed(116, 4).encode(3000), 6, Field.signed(116, 4).encode(100)));
        Thread.sleep(100);
        assertEquals(3000, bench().emulator().servo(5).get(116, 4));
        assertEquals(100, bench().emulator().servo(6).get(116, 4));
        bus.syncWrite(64, 1, Map.of(5, new byte[] {0}, 6, new byte[] {0}));
    }

    @Test
    void bulkReadReadsADifferentRangePerServo() throws Exception {
        Map<Integer, byte[]> got = bus.bulkRead(List.of(new Protocol2Bus.BulkItem(1, 0, 2),
                new Protocol2Bus.BulkItem(3, 6, 1), new Protocol2Bus.BulkItem(6, 7, 1)));
        assertArrayEquals(new byte[] {(byte) (1020 & 0xFF), (byte) (1020 >> 8)}, got.get(1));
        assertArrayEquals(new byte[] {(byte) DynamixelEmulator.FIRMWARE}, got.get(3));
        assertArrayEquals(new byte[] {6}, got.get(6));
    }

    @Test
    void statusErrorNumberFailsTheInstructionWithItsName() {
        ServoBusException e = assertThrows(ServoBusException.class, () -> bus.read(1, 690, 20));
        assertEquals(ServoBusException.Kind.SERVO_ERROR, e.kind());
        assertTrue(e.getMessage().contains("id 1") && e.getMessage().contains("Access Error"), e.getMessage());
        assertEquals(1, bus.stats().servoErrors());
    }

    @Test
    void alertBitIsCountedAndTheDataStillUsed() throws Exception {
        bench().emulator().alert(true);
        byte[] model = bus.read(1, 0, 2);
        assertEquals(1020, Field.unsigned(0, 2).decode(model, 0));
        assertEquals(1, bus.stats().servoErrors());
        assertTrue(bus.stats().lastServoError().contains("Alert"), bus.stats().lastServoError());
    }
}
