package dev.demoforge.driver.feetech.internal;

import java.util.Arrays;

import dev.demoforge.driver.serial.BusCounters;
import dev.demoforge.driver.serial.BusPacket;
import dev.demoforge.driver.serial.PacketDecoder;

/**
 * Streaming decoder of SCS/STS packets. Looks for {@code FF FF} followed by an id other than 0xFF, reads the
 * length (2..255), checks the checksum. Bytes before a header are garbage, a length below 2 is malformed, a wrong
 * checksum is a checksum error; after each the decoder skips one byte and searches again. Never throws; buffers at
 * most a few hundred bytes. Not thread-safe.
 */
final class ScsDecoder implements PacketDecoder {

    private static final int MAX_PACKET = 4 + 255;

    private final BusCounters counters;
    private final byte[] buf = new byte[4 * MAX_PACKET];
    private int start;
    private int end;

    ScsDecoder(BusCounters counters) {
        this.counters = counters;
    }

    @Override
    public void feed(byte[] data, int offset, int length) {
        int off = offset;
        int left = length;
        while (left > 0) {
            if (end == buf.length) {
                if (start == 0) {
                    // a full buffer without a packet: keep the tail that may still start one
                    int drop = buf.length - MAX_PACKET;
                    counters.garbage(drop);
                    start = drop;
                }
                System.arraycopy(buf, start, buf, 0, end - start);
                end -= start;
                start = 0;
            }
            int n = Math.min(left, buf.length - end);
            System.arraycopy(data, off, buf, end, n);
            end += n;
            off += n;
            left -= n;
        }
    }

    @Override
    public BusPacket next() {
        while (true) {
            int h = -1;
            for (int i = start; i + 2 < end; i++) {
                if (buf[i] == (byte) 0xFF && buf[i + 1] == (byte) 0xFF && buf[i + 2] != (byte) 0xFF) {
                    h = i;
                    break;
                }
            }
            if (h < 0) {
                int keep = Math.min(2, end - start);
                counters.garbage(end - start - keep);
                start = end - keep;
                return null;
            }
            if (h > start) {
                counters.garbage(h - start);
                start = h;
            }
            if (end - start < 4) {
                return null;
            }
            int id = buf[start + 2] & 0xFF;
            int length = buf[start + 3] & 0xFF;
            if (length < 2) {
                counters.malformed();
                skipOne();
                continue;
            }
            int total = 4 + length;
            if (end - start < total) {
                return null;
            }
            if (Scs.checksum(buf, start + 2, start + total - 1) != (buf[start + total - 1] & 0xFF)) {
                counters.checksumError();
                skipOne();
                continue;
            }
            BusPacket p = new BusPacket(id, buf[start + 4] & 0xFF, Arrays.copyOfRange(buf, start + 5, start + total - 1));
            start += total;
            return p;
        }
    }

    @Override
    public int reset() {
        int n = end - start;
        start = 0;
        end = 0;
        return n;
    }

    private void skipOne() {
        start++;
        counters.garbage(1);
    }
}
