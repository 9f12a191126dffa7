package dev.demoforge.driver.dynamixel.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import dev.demoforge.driver.serial.BusCounters;
import dev.demoforge.driver.serial.BusPacket;
import dev.demoforge.test.support.serial.ByteStreamFuzz;

/** The Protocol 2.0 decoder fed random and damaged input: no exception escapes, time and memory stay bounded. */
class Protocol2FuzzTest {

    @Test
    void randomBytesNeverThrowAndDecodeInBoundedTime() {
        BusCounters counters = new BusCounters();
        Protocol2Decoder d = new Protocol2Decoder(counters);
        // bias toward header bytes so that headers, lengths and CRCs get exercised
        ByteStreamFuzz.Result r = ByteStreamFuzz.feedRandomChunks(new SplittableRandom(42), 4_000_000, 512, rng -> {
            int k = rng.nextInt(8);
            return k == 0 ? 0xFF : k == 1 ? 0xFD : k == 2 ? 0x00 : rng.nextInt(256);
        }, d::feed, d::next);
        System.out.printf("Protocol 2.0 decoder: %d random bytes in %.2f s, %d packets with a valid CRC, %s%n",
                r.bytes(), r.seconds(), r.packets(), counters.snapshot());
        assertTrue(r.seconds() < 10, "took " + r.seconds() + " s");
        assertTrue(counters.snapshot().garbageBytes() > r.bytes() / 2, counters.snapshot().toString());
    }

    @Test
    void everyPacketBetweenGarbageIsRecovered() {
        SplittableRandom rng = new SplittableRandom(7);
        BusCounters counters = new BusCounters();
        Protocol2Decoder d = new Protocol2Decoder(counters);
        List<byte[]> sent = new ArrayList<>();
        List<BusPacket> got = new ArrayList<>();
        for (int k = 0; k < 2000; k++) {
            byte[] garbage = new byte[rng.nextInt(20)];
            for (int i = 0; i < garbage.length; i++) {
                garbage[i] = (byte) rng.nextInt(0xFD);
            }
            byte[] data = new byte[rng.nextInt(30)];
            rng.nextBytes(data);
            byte[] packet = Protocol2.status(1 + rng.nextInt(252), 0, data);
            sent.add(data);
            ByteStreamFuzz.feedInPieces(garbage, rng, 8, d::feed);
            ByteStreamFuzz.feedInPieces(packet, rng, 8, d::feed);
            BusPacket p;
            while ((p = d.next()) != null) {
                got.add(p);
            }
        }
        assertEquals(sent.size(), got.size(), counters.snapshot().toString());
        for (int i = 0; i < sent.size(); i++) {
            byte[] params = got.get(i).params();
            assertEquals(java.util.HexFormat.of().formatHex(sent.get(i)),
                    java.util.HexFormat.of().formatHex(params, 1, params.length), "packet " + i);
        }
        assertEquals(0, counters.snapshot().checksumErrors());
    }

    @Test
    void damagedPacketsAreCountedAndNeverDecodedIntoWrongData() {
        SplittableRandom rng = new SplittableRandom(3);
        BusCounters counters = new BusCounters();
        Protocol2Decoder d = new Protocol2Decoder(counters);
        java.util.Set<String> sent = new java.util.HashSet<>();
        int intact = 0;
        int decoded = 0;
        for (int k = 0; k < 5000; k++) {
            byte[] data = new byte[4];
            rng.nextBytes(data);
            int id = 1 + rng.nextInt(6);
            byte[] packet = Protocol2.status(id, 0, data);
            sent.add(id + ":" + java.util.HexFormat.of().formatHex(data));
            switch (rng.nextInt(3)) {
                case 0 -> packet[8 + rng.nextInt(packet.length - 8)] ^= (byte) (1 + rng.nextInt(255));
                case 1 -> packet = java.util.Arrays.copyOf(packet, packet.length - 1 - rng.nextInt(3));
                default -> intact++;
            }
            d.feed(packet, 0, packet.length);
            BusPacket p;
            while ((p = d.next()) != null) {
                decoded++;
                String got = p.id() + ":" + java.util.HexFormat.of().formatHex(p.params(), 1, p.params().length);
                assertTrue(sent.contains(got), "decoded data that was never sent: " + got);
            }
        }
        // a truncated packet swallows the start of the next one, which is then lost too; a packet cut by one byte
        // whose CRC high byte equals the next header byte still decodes (with its true data)
        assertTrue(decoded >= intact * 0.5 && decoded <= intact * 1.05, decoded + " decoded of " + intact + " intact; "
                + counters.snapshot());
        assertTrue(counters.snapshot().checksumErrors() > 0, counters.snapshot().toString());
    }
}
