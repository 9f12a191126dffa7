package dev.demoforge.driver.dynamixel.internal;

import java.util.Arrays;

import dev.demoforge.driver.serial.BusCounters;
import dev.demoforge.driver.serial.BusPacket;
import dev.demoforge.driver.serial.PacketDecoder;

/**
 * Streaming decoder of Protocol 2.0 packets (instruction and status). Looks for the header {@code FF FF FD 00}
 * (stuffing guarantees it never occurs inside a packet), reads the length, checks the CRC over the received bytes
 * and only then removes the byte stuffing. Bytes before a header are garbage; an id of 0xFD or 0xFF or a length
 * outside {@code 3..}{@value #MAX_LENGTH} is malformed; a CRC mismatch is a checksum error. After any of these the
 * decoder skips one byte and searches again, so a packet following a damaged one is still found. Never throws;
 * buffers at most one maximal packet. Not thread-safe.
 */
final class Protocol2Decoder implements PacketDecoder {

    /** Largest length field accepted (X-series replies are far shorter). */
    static final int MAX_LENGTH = 1024;

    private final BusCounters counters;
    private byte[] buf = new byte[256];
    private int start;
    private int end;

    Protocol2Decoder(BusCounters counters) {
        this.counters = counters;
    }

    @Override
    public void feed(byte[] data, int offset, int length) {
        if (end + length > buf.length) {
            compact();
            if (end + length > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, end + length));
            }
        }
        System.arraycopy(data, offset, buf, end, length);
        end += length;
        int limit = Protocol2.HEAD + MAX_LENGTH;
        if (end - start > 2 * limit) {
            // more than two maximal packets waiting: everything but the tail cannot start a packet we still need
            int drop = end - start - limit;
            counters.garbage(drop);
            start += drop;
        }
    }

    @Override
    public BusPacket next() {
        while (true) {
            int h = findHeader();
            if (h < 0) {
                int keep = Math.min(3, end - start);
                counters.garbage(end - start - keep);
                start = end - keep;
                return null;
            }
            if (h > start) {
                counters.garbage(h - start);
                start = h;
            }
            if (end - start < Protocol2.HEAD) {
                return null;
            }
            int id = buf[start + 4] & 0xFF;
            int length = (buf[start + 5] & 0xFF) | (buf[start + 6] & 0xFF) << 8;
            if (id == 0xFD || id == 0xFF || length < 3 || length > MAX_LENGTH) {
                counters.malformed();
                skipOne();
                continue;
            }
            int total = Protocol2.HEAD + length;
            if (end - start < total) {
                return null;
            }
            int crc = (buf[start + total - 2] & 0xFF) | (buf[start + total - 1] & 0xFF) << 8;
            if (Crc16.of(buf, start, total - 2) != crc) {
                counters.checksumError();
                skipOne();
                continue;
            }
            byte[] body = Protocol2.unstuff(buf, start + Protocol2.HEAD, start + total - 2);
            start += total;
            return new BusPacket(id, body[0] & 0xFF, Arrays.copyOfRange(body, 1, body.length));
        }
    }

    @Override
    public int reset() {
        int n = end - start;
        start = 0;
        end = 0;
        return n;
    }

    /** Index of the next FF FF FD 00 at or after start, or -1 (a partial header at the end also gives -1). */
    private int findHeader() {
        for (int i = start; i + 3 < end; i++) {
            if (buf[i] == (byte) 0xFF && buf[i + 1] == (byte) 0xFF && buf[i + 2] == (byte) 0xFD && buf[i + 3] == 0) {
                return i;
            }
        }
        return -1;
    }

    /** Drops the first byte of a bad packet start; it counts as garbage. */
    private void skipOne() {
        start++;
        counters.garbage(1);
    }

    private void compact() {
        System.arraycopy(buf, start, buf, 0, end - start);
        end -= start;
        start = 0;
    }
}
