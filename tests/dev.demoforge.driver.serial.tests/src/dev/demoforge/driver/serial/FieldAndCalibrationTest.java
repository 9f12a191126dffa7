package dev.demoforge.driver.serial;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Register encodings and the calibration arithmetic and file. */
class FieldAndCalibrationTest {

    @Test
    void twosComplementAndSignMagnitudeRoundTrip() {
        Field dxl = Field.signed(132, 4);
        assertArrayEquals(new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF}, dxl.encode(-1));
        assertEquals(-1, dxl.decode(dxl.encode(-1), 0));
        assertEquals(-123456, dxl.decode(dxl.encode(-123456), 0));
        Field cur = Field.signed(102, 2);
        assertEquals(-100, cur.decode(new byte[] {(byte) 0x9C, (byte) 0xFF}, 0));
        Field homing = Field.signMagnitude(31, 2, 11);
        assertArrayEquals(new byte[] {0x64, 0x08}, homing.encode(-100), "bit 11 set, magnitude 100");
        assertEquals(-100, homing.decode(new byte[] {0x64, 0x08}, 0));
        assertEquals(2047, homing.decode(homing.encode(2047), 0));
        assertEquals(0xFFFF, Field.unsigned(0, 2).decode(new byte[] {(byte) 0xFF, (byte) 0xFF}, 0));
        assertThrows(IllegalArgumentException.class, () -> Field.unsigned(0, 3));
    }

    @Test
    void calibrationMapsCountsToRadiansAndBackWithinTheRange() {
        Calibration c = new Calibration("arm", List.of(new Calibration.Joint(1, "pan", 100, 1, 1000, 3000),
                new Calibration.Joint(2, "lift", 0, -1, 0, 4095)));
        assertEquals(0, c.toRadians(1, 1948, 4096), 1e-12);
        assertEquals(Math.PI / 2, c.toRadians(1, 1948 + 1024, 4096), 1e-12);
        assertEquals(-Math.PI / 2, c.toRadians(2, 3072, 4096), 1e-12, "reversed joint");
        assertEquals(2972, c.toRaw(1, Math.PI / 2, 4096));
        assertEquals(3000, c.toRaw(1, 3.0, 4096), "clamped to max");
        assertEquals(1000, c.toRaw(1, -3.0, 4096), "clamped to min");
        assertEquals(3072, c.toRaw(2, -Math.PI / 2, 4096));
        Calibration z = c.zeroedAt(Map.of(1, 500, 2, 4000), 4096);
        assertEquals(0, z.toRadians(1, 500, 4096), 1e-12);
        assertEquals(0, z.toRadians(2, 4000, 4096), 1e-12);
        assertEquals(-1, z.joint(2).direction(), "direction kept");
    }

    @Test
    void calibrationFileRoundTripsAndBadFilesAreNamed(@TempDir Path dir) throws IOException {
        Calibration c = Calibration.identity("so101-1", List.of(1, 2), List.of("a", "b"), 4096)
                .zeroedAt(Map.of(1, 1000), 4096);
        Path file = dir.resolve("cal/so101-1.json");
        c.save(file);
        assertEquals(c, Calibration.load(file));
        Files.writeString(file, "{\"joints\": [{\"id\": 1, \"homing_offset\": 0, \"direction\": 2, \"min\": 0, "
                + "\"max\": 10}]}");
        IOException e = assertThrows(IOException.class, () -> Calibration.load(file));
        assertTrue(e.getMessage().contains("so101-1.json") && e.getMessage().contains("direction must be 1 or -1"),
                e.getMessage());
        Files.writeString(file, "not json");
        e = assertThrows(IOException.class, () -> Calibration.load(file));
        assertTrue(e.getMessage().contains("not a calibration file"), e.getMessage());
        Files.writeString(file, "{\"joints\": [{\"id\": \"one\"}]}");
        e = assertThrows(IOException.class, () -> Calibration.load(file));
        assertTrue(e.getMessage().contains("joints[0]: \"id\" must be a whole number"), e.getMessage());
    }

    @Test
    void idListsAcceptRangesAndRejectRepeatsAndOutOfRangeIds() {
        assertEquals(List.of(1, 2, 3, 4, 7), ServoArmConfig.ids("1-4, 7", "x"));
        assertEquals(List.of(0), ServoArmConfig.ids("0", "x"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ServoArmConfig.ids("1-3,3", "x")).getMessage()
                .contains("id 3 twice"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ServoArmConfig.ids("253", "x")).getMessage()
                .contains("'253'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ServoArmConfig.ids("4-2", "x")).getMessage()
                .contains("'4-2'"));
    }

    @Test
    void usbAdaptersSuggestTheirDriver() {
        assertEquals(List.of("dynamixel"), SerialPorts.suggest("0403:6014", "USB <-> Serial Converter"));
        assertEquals(List.of("feetech"), SerialPorts.suggest("1a86:55d3", "USB Single Serial"));
        assertEquals(List.of("dynamixel"), SerialPorts.suggest("", "ROBOTIS OpenRB-150"));
        assertEquals(List.of(), SerialPorts.suggest("", ""));
    }
}
