package dev.demoforge.driver.dynamixel.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.HexFormat;

import org.junit.jupiter.api.Test;

import dev.demoforge.driver.serial.BusCounters;
import dev.demoforge.driver.serial.BusPacket;
import dev.demoforge.driver.serial.BusStats;

/**
 * Encoder and decoder against the example packets of the ROBOTIS e-Manual, "DYNAMIXEL Protocol 2.0", section
 * Instruction Details (emanual.robotis.com/docs/en/dxl/protocol2/), byte for byte: every instruction packet is
 * encoded from its fields and must equal the manual's bytes; every status packet is decoded and must give the
 * manual's fields.
 */
class Protocol2PacketTest {

    private static final HexFormat HEX = HexFormat.ofDelimiter(" ");

    @Test
    void pingOfId1MatchesTheManual() {
        assertEncodes("FF FF FD 00 01 03 00 01 19 4E", 0x01, Protocol2.PING, "");
        assertStatus("FF FF FD 00 01 07 00 55 00 06 04 26 65 5D", 0x01, 0x00, "06 04 26");
    }

    @Test
    void broadcastPingAndBothStatusesMatchTheManual() {
        assertEncodes("FF FF FD 00 FE 03 00 01 31 42", 0xFE, Protocol2.PING, "");
        assertStatus("FF FF FD 00 02 07 00 55 00 06 04 26 6F 6D", 0x02, 0x00, "06 04 26");
        BusPacket p = decodeOne("FF FF FD 00 01 07 00 55 00 06 04 26 65 5D");
        assertEquals(1030, p.param(1) | p.param(2) << 8, "XM430-W210 model number");
        assertEquals(38, p.param(3), "firmware");
    }

    @Test
    void readOfPresentPositionMatchesTheManual() {
        assertEncodes("FF FF FD 00 01 07 00 02 84 00 04 00 1D 15", 0x01, Protocol2.READ, "84 00 04 00");
        assertStatus("FF FF FD 00 01 08 00 55 00 A6 00 00 00 8C C0", 0x01, 0x00, "A6 00 00 00");
    }

    @Test
    void writeOfGoalPositionMatchesTheManual() {
        assertEncodes("FF FF FD 00 01 09 00 03 74 00 00 02 00 00 CA 89", 0x01, Protocol2.WRITE, "74 00 00 02 00 00");
        assertStatus("FF FF FD 00 01 04 00 55 00 A1 0C", 0x01, 0x00, "");
    }

    @Test
    void regWriteActionFactoryResetRebootAndClearMatchTheManual() {
        assertEncodes("FF FF FD 00 01 09 00 04 68 00 C8 00 00 00 AE 8E", 0x01, Protocol2.REG_WRITE, "68 00 C8 00 00 00");
        assertEncodes("FF FF FD 00 01 03 00 05 02 CE", 0x01, Protocol2.ACTION, "");
        assertEncodes("FF FF FD 00 01 04 00 06 01 A1 E6", 0x01, Protocol2.FACTORY_RESET, "01");
        assertEncodes("FF FF FD 00 01 03 00 08 2F 4E", 0x01, Protocol2.REBOOT, "");
        assertEncodes("FF FF FD 00 01 08 00 10 01 44 58 4C 22 B1 DC", 0x01, Protocol2.CLEAR, "01 44 58 4C 22");
    }

    @Test
    void syncReadAndItsStatusesMatchTheManual() {
        assertEncodes("FF FF FD 00 FE 09 00 82 84 00 04 00 01 02 CE FA", 0xFE, Protocol2.SYNC_READ,
                "84 00 04 00 01 02");
        assertStatus("FF FF FD 00 01 08 00 55 00 A6 00 00 00 8C C0", 0x01, 0x00, "A6 00 00 00");
        assertStatus("FF FF FD 00 02 08 00 55 00 1F 08 00 00 BA BE", 0x02, 0x00, "1F 08 00 00");
    }

    @Test
    void syncWriteMatchesTheManual() {
        assertEncodes("FF FF FD 00 FE 11 00 83 74 00 04 00 01 96 00 00 00 02 AA 00 00 00 82 87", 0xFE,
                Protocol2.SYNC_WRITE, "74 00 04 00 01 96 00 00 00 02 AA 00 00 00");
    }

    @Test
    void bulkReadAndItsStatusesMatchTheManual() {
        assertEncodes("FF FF FD 00 FE 0D 00 92 01 90 00 02 00 02 92 00 01 00 1A 05", 0xFE, Protocol2.BULK_READ,
                "01 90 00 02 00 02 92 00 01 00");
        assertStatus("FF FF FD 00 01 06 00 55 00 77 00 C3 69", 0x01, 0x00, "77 00");
        assertStatus("FF FF FD 00 02 05 00 55 00 24 8B A9", 0x02, 0x00, "24");
    }

    @Test
    void bulkWriteMatchesTheManual() {
        assertEncodes("FF FF FD 00 FE 10 00 93 01 20 00 02 00 A0 00 02 1F 00 01 00 50 B7 68", 0xFE,
                Protocol2.BULK_WRITE, "01 20 00 02 00 A0 00 02 1F 00 01 00 50");
    }

    @Test
    void statusEncoderReproducesTheManualStatusPackets() {
        assertEquals("ff ff fd 00 01 07 00 55 00 06 04 26 65 5d",
                HEX.formatHex(Protocol2.status(1, 0, HEX.parseHex("06 04 26"))));
        assertEquals("ff ff fd 00 02 08 00 55 00 1f 08 00 00 ba be",
                HEX.formatHex(Protocol2.status(2, 0, HEX.parseHex("1F 08 00 00"))));
    }

    @Test
    void crcTableIsThatOfPolynomial8005() {
        // first entries of the table ROBOTIS publishes with the protocol (update_crc on the e-Manual CRC page)
        int[] published = {0x0000, 0x8005, 0x800F, 0x000A, 0x801B, 0x001E, 0x0014, 0x8011};
        for (int i = 0; i < published.length; i++) {
            assertEquals(published[i], Crc16.entry(i), "table entry " + i);
        }
        assertEquals(0x0202, Crc16.entry(255), "last table entry");
    }

    @Test
    void byteStuffingAddsFdAfterFfFfFdAndIsUndoneOnDecode() {
        byte[] params = HEX.parseHex("74 00 FF FF FD 00");
        byte[] packet = Protocol2.instruction(1, Protocol2.WRITE, params);
        // instruction + 6 params + stuffed FD + CRC = 10
        assertEquals("ff ff fd 00 01 0a 00 03 74 00 ff ff fd fd 00", HEX.formatHex(packet, 0, packet.length - 2));
        BusPacket p = decodeOne(HEX.formatHex(packet));
        assertArrayEquals(params, p.params());
        byte[] tricky = HEX.parseHex("FF FF FD FD FF FF FF FD FF FD");
        BusPacket q = decodeOne(HEX.formatHex(Protocol2.status(3, 0, tricky)));
        assertArrayEquals(tricky, java.util.Arrays.copyOfRange(q.params(), 1, q.params().length));
    }

    @Test
    void statusErrorBitsAreNamed() {
        assertEquals("Data Range Error", Protocol2.describeError(0x04));
        assertEquals("Access Error, Alert (hardware error; see Hardware Error Status)", Protocol2.describeError(0x87));
        assertEquals("Alert (hardware error; see Hardware Error Status)", Protocol2.describeError(0x80));
        assertEquals("CRC Error", Protocol2.describeError(0x03));
    }

    @Test
    void aWrongCrcIsCountedAndTheFollowingPacketStillDecodes() {
        BusCounters counters = new BusCounters();
        Protocol2Decoder d = new Protocol2Decoder(counters);
        byte[] bad = HEX.parseHex("FF FF FD 00 01 08 00 55 00 A6 00 00 00 8C C1");
        byte[] good = HEX.parseHex("FF FF FD 00 02 08 00 55 00 1F 08 00 00 BA BE");
        d.feed(bad, 0, bad.length);
        d.feed(good, 0, good.length);
        BusPacket p = d.next();
        assertEquals(2, p.id());
        assertNull(d.next());
        BusStats s = counters.snapshot();
        assertEquals(1, s.checksumErrors(), s.toString());
    }

    private static void assertEncodes(String manual, int id, int instruction, String params) {
        byte[] encoded = Protocol2.instruction(id, instruction, HEX.parseHex(params));
        assertEquals(manual.toLowerCase(), HEX.formatHex(encoded));
        BusPacket p = decodeOne(manual);
        assertEquals(id, p.id());
        assertEquals(instruction, p.instruction());
        assertEquals(params.toLowerCase(), HEX.formatHex(p.params()));
    }

    private static void assertStatus(String manual, int id, int error, String data) {
        BusPacket p = decodeOne(manual);
        assertEquals(id, p.id());
        assertEquals(Protocol2.STATUS, p.instruction());
        assertEquals(error, p.param(0));
        assertEquals(data.toLowerCase(), HEX.formatHex(p.params(), 1, p.params().length));
    }

    private static BusPacket decodeOne(String hex) {
        BusCounters counters = new BusCounters();
        Protocol2Decoder d = new Protocol2Decoder(counters);
        byte[] b = HEX.parseHex(hex);
        d.feed(b, 0, b.length);
        BusPacket p = d.next();
        assertEquals(0, counters.snapshot().errors() + counters.snapshot().garbageBytes(), counters.snapshot() + " for "
                + hex);
        return java.util.Objects.requireNonNull(p, "no packet decoded from " + hex);
    }
}
