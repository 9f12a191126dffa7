package dev.demoforge.driver.netft.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * RDT requests and records. The Net F/T user manual (section 9.1, table 9.1, and its C example that requests one
 * record) builds a request as {@code htons(0x1234), htons(command), htonl(sample count)} and reads a record as three
 * {@code ntohl} words (rdt_sequence, ft_sequence, status) and six signed counts; the bytes below spell that layout.
 */
class RdtPacketTest {

    @Test
    void requestsHaveTheManualsLayout() {
        assertArrayEquals(hex("12 34 00 02 00 00 00 01"), Rdt.request(Rdt.START_REALTIME, 1),
                "the manual's example: realtime streaming, one record");
        assertArrayEquals(hex("12 34 00 02 00 00 00 00"), Rdt.request(Rdt.START_REALTIME, 0), "endless stream");
        assertArrayEquals(hex("12 34 00 00 00 00 00 00"), Rdt.request(Rdt.STOP, 0));
        assertArrayEquals(hex("12 34 00 42 00 00 00 00"), Rdt.request(Rdt.SET_SOFTWARE_BIAS, 0));
        assertArrayEquals(hex("12 34 00 03 00 00 27 10"), Rdt.request(Rdt.START_BUFFERED, 10_000));
    }

    @Test
    void recordDecodesUnsignedWordsAndSignedCounts() {
        byte[] r = hex("00 00 00 2A FF FF FF F0 80 00 01 00 00 0F 42 40 FF F0 BD C0 FF 67 69 80"
                + " 00 00 03 E8 FF FF FC 18 7F FF FF FF");
        Rdt.RdtRecord rec = Rdt.record(r, 0, r.length);
        assertEquals(42, rec.rdtSequence());
        assertEquals(0xFFFF_FFF0L, rec.ftSequence());
        assertEquals(0x8000_0100L, rec.status());
        assertArrayEquals(new int[] {1_000_000, -1_000_000, -10_000_000, 1000, -1000, Integer.MAX_VALUE},
                rec.counts());
    }

    @Test
    void datagramsOfAnotherLengthAreRefusedWithTheLength() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Rdt.record(new byte[40], 0,
                35));
        assertEquals("RDT datagram of 35 bytes, expected 36", e.getMessage());
    }

    @Test
    void sequenceAdvanceWrapsAt32Bits() {
        assertEquals(1, Rdt.advance(0xFFFF_FFFFL, 0));
        assertEquals(5, Rdt.advance(10, 15));
        assertTrue(Rdt.advance(15, 10) >= 1L << 31, "behind reads as a huge advance");
    }

    @Test
    void randomDatagramsNeverThrowAnythingButTheLengthError() {
        SplittableRandom rng = new SplittableRandom(11);
        int decoded = 0;
        for (int i = 0; i < 200_000; i++) {
            byte[] d = new byte[rng.nextInt(0, 80)];
            rng.nextBytes(d);
            if (i % 3 == 0) {
                d = new byte[36];
                rng.nextBytes(d);
            }
            try {
                Rdt.record(d, 0, d.length);
                decoded++;
            } catch (IllegalArgumentException expected) {
                assertTrue(expected.getMessage().startsWith("RDT datagram of "));
            }
        }
        assertTrue(decoded >= 200_000 / 3);
    }

    @Test
    void calibrationDocumentGivesCountsUnitsRateAndSerial() throws Exception {
        SensorCalibration c = SensorCalibration.parse("<netft><setserial>FT7</setserial><comrdtrate>7000</comrdtrate>"
                + "<cfgcpf> 1000000 </cfgcpf><cfgcpt>1000</cfgcpt><scfgfu>N</scfgfu><scfgtu>N-m</scfgtu></netft>",
                "test");
        assertEquals(new SensorCalibration(1_000_000, 1000, "N", "N-m", 7000, "FT7"), c);
        java.io.IOException missing = assertThrows(java.io.IOException.class, () -> SensorCalibration.parse(
                "<netft><cfgcpf>1</cfgcpf></netft>", "http://x/netftapi2.xml"));
        assertEquals("http://x/netftapi2.xml: no <cfgcpt> in the document", missing.getMessage());
    }

    private static byte[] hex(String spaced) {
        return HexFormat.of().parseHex(spaced.replace(" ", ""));
    }
}
