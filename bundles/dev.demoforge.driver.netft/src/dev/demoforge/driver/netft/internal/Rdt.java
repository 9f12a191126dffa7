package dev.demoforge.driver.netft.internal;

import java.nio.ByteBuffer;

/**
 * ATI's RDT ("Raw Data Transfer") protocol of the Net F/T, big-endian over UDP port 49152. A request is 8 bytes:
 * {@code uint16 header = 0x1234, uint16 command, uint32 sample count} (0 = stream until stopped). A record is 36 bytes:
 * {@code uint32 rdt_sequence, uint32 ft_sequence, uint32 status, int32 Fx, Fy, Fz, Tx, Ty, Tz} (counts). Stateless.
 */
final class Rdt {

    static final int PORT = 49152;
    static final int HEADER = 0x1234;
    static final int REQUEST_BYTES = 8;
    static final int RECORD_BYTES = 36;
    static final int STOP = 0x0000;
    static final int START_REALTIME = 0x0002;
    static final int START_BUFFERED = 0x0003;
    static final int START_MULTI_UNIT = 0x0004;
    static final int RESET_THRESHOLD_LATCH = 0x0041;
    static final int SET_SOFTWARE_BIAS = 0x0042;
    /** Status bit 31: the sensor reports an error (the other bits say which; see the Net F/T manual). */
    static final long STATUS_ERROR = 0x8000_0000L;

    /** One RDT record; {@code counts} are Fx, Fy, Fz, Tx, Ty, Tz in counts. */
    record RdtRecord(long rdtSequence, long ftSequence, long status, int[] counts) {
    }

    private Rdt() {
    }

    /** An 8-byte request. */
    static byte[] request(int command, long sampleCount) {
        return ByteBuffer.allocate(REQUEST_BYTES).putShort((short) HEADER).putShort((short) command)
                .putInt((int) sampleCount).array();
    }

    /**
     * A record from a datagram.
     *
     * @throws IllegalArgumentException naming the length when the datagram is not 36 bytes
     */
    static RdtRecord record(byte[] data, int offset, int length) {
        if (length != RECORD_BYTES) {
            throw new IllegalArgumentException("RDT datagram of " + length + " bytes, expected " + RECORD_BYTES);
        }
        ByteBuffer b = ByteBuffer.wrap(data, offset, length);
        long rdt = b.getInt() & 0xFFFF_FFFFL;
        long ft = b.getInt() & 0xFFFF_FFFFL;
        long status = b.getInt() & 0xFFFF_FFFFL;
        int[] counts = new int[6];
        for (int i = 0; i < 6; i++) {
            counts[i] = b.getInt();
        }
        return new RdtRecord(rdt, ft, status, counts);
    }

    /** How far {@code seq} is ahead of {@code last} modulo 2^32 (1 = next record; values above 2^31 = behind). */
    static long advance(long last, long seq) {
        return (seq - last) & 0xFFFF_FFFFL;
    }
}
