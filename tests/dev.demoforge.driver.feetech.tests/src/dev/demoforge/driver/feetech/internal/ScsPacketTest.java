package dev.demoforge.driver.feetech.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.HexFormat;

import org.junit.jupiter.api.Test;

import dev.demoforge.driver.serial.BusCounters;
import dev.demoforge.driver.serial.BusPacket;
import dev.demoforge.driver.serial.Field;

/**
 * Encoder and decoder against the examples of Feetech's "Communication Protocol User Manual" (SCS protocol,
 * section 1.3 Instruction Types), byte for byte.
 */
class ScsPacketTest {

    private static final HexFormat HEX = HexFormat.ofDelimiter(" ");

    @Test
    void pingOfId1MatchesTheManual() {
        assertPacket("FF FF 01 02 01 FB", 0x01, Scs.PING, "");
        assertPacket("FF FF 01 02 00 FC", 0x01, 0x00, "");
    }

    @Test
    void readOfThePositionMatchesTheManual() {
        assertPacket("FF FF 01 04 02 38 02 BE", 0x01, Scs.READ, "38 02");
        assertPacket("FF FF 01 04 00 18 05 DD", 0x01, 0x00, "18 05");
        assertEquals(1304, Field.unsigned(56, 2).decode(HEX.parseHex("18 05"), 0), "position 0x0518, low byte first");
    }

    @Test
    void writesMatchTheManual() {
        assertPacket("FF FF FE 04 03 05 01 F4", 0xFE, Scs.WRITE, "05 01");
        assertPacket("FF FF 01 09 03 2A 00 08 00 00 E8 03 D5", 0x01, Scs.WRITE, "2A 00 08 00 00 E8 03");
        assertPacket("FF FF 01 09 04 2A 00 08 00 00 E8 03 D4", 0x01, Scs.REG_WRITE, "2A 00 08 00 00 E8 03");
        assertPacket("FF FF FE 02 05 FA", 0xFE, Scs.ACTION, "");
        assertPacket("FF FF 01 02 06 F6", 0x01, Scs.RESET, "");
    }

    @Test
    void syncWriteOfFourServosMatchesTheManual() {
        assertPacket("FF FF FE 20 83 2A 06 01 00 08 00 00 E8 03 02 00 08 00 00 E8 03 03 00 08 00 00 E8 03 04 00 08 00 00"
                + " E8 03 58", 0xFE, Scs.SYNC_WRITE, "2A 06 01 00 08 00 00 E8 03 02 00 08 00 00 E8 03 03 00 08 00 00 E8 03"
                + " 04 00 08 00 00 E8 03");
    }

    @Test
    void syncReadAndItsRepliesMatchTheManual() {
        assertPacket("FF FF FE 06 82 38 08 01 02 36", 0xFE, Scs.SYNC_READ, "38 08 01 02");
        assertPacket("FF FF 01 0A 00 00 08 00 00 00 00 79 1E 55", 0x01, 0x00, "00 08 00 00 00 00 79 1E");
        assertPacket("FF FF 02 0A 00 FF 07 00 00 00 00 77 23 53", 0x02, 0x00, "FF 07 00 00 00 00 77 23");
    }

    @Test
    void errorFlagsAreNamed() {
        assertEquals("overload error", Scs.describeError(32));
        assertEquals("input voltage error, overheat error", Scs.describeError(5));
        assertEquals("angle sensor error, overcurrent error, flags 0x40", Scs.describeError(2 | 8 | 64));
    }

    @Test
    void aWrongChecksumIsCountedAndTheNextPacketStillDecodes() {
        BusCounters counters = new BusCounters();
        ScsDecoder d = new ScsDecoder(counters);
        byte[] b = HEX.parseHex("FF FF 01 04 00 18 05 DE FF FF 02 02 00 FB");
        d.feed(b, 0, b.length);
        BusPacket p = d.next();
        assertEquals(2, p.id());
        assertNull(d.next());
        assertEquals(1, counters.snapshot().checksumErrors());
    }

    @Test
    void threeFfBytesBeforeAnIdStillFindTheHeader() {
        BusCounters counters = new BusCounters();
        ScsDecoder d = new ScsDecoder(counters);
        byte[] b = HEX.parseHex("FF FF FF 01 02 00 FC");
        d.feed(b, 0, b.length);
        assertEquals(1, d.next().id());
        assertEquals(1, counters.snapshot().garbageBytes());
    }

    private static void assertPacket(String manual, int id, int code, String params) {
        assertEquals(manual.toLowerCase(), HEX.formatHex(Scs.packet(id, code, HEX.parseHex(params))));
        BusCounters counters = new BusCounters();
        ScsDecoder d = new ScsDecoder(counters);
        byte[] b = HEX.parseHex(manual);
        d.feed(b, 0, b.length);
        BusPacket p = d.next();
        assertEquals(id, p.id());
        assertEquals(code, p.instruction());
        assertEquals(params.toLowerCase(), HEX.formatHex(p.params()));
        assertEquals(0, counters.snapshot().errors() + counters.snapshot().garbageBytes(), counters.snapshot().toString());
    }
}
