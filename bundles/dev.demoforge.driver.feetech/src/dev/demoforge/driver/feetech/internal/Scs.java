package dev.demoforge.driver.feetech.internal;

/**
 * Packet encoding of the Feetech SCS/STS serial-bus protocol (Feetech "Communication Protocol User Manual"):
 * {@code FF FF ID LEN INSTR PARAM... CHECKSUM}, LEN = parameters + 2, CHECKSUM = ~(ID + LEN + INSTR + PARAMs) & 0xFF.
 * A status packet has the error byte in the instruction's place. No byte stuffing. Multi-byte values of the STS
 * series (magnetic encoders) are little-endian. Stateless, thread-safe.
 */
final class Scs {

    static final int PING = 0x01;
    static final int READ = 0x02;
    static final int WRITE = 0x03;
    static final int REG_WRITE = 0x04;
    static final int ACTION = 0x05;
    static final int RESET = 0x06;
    static final int SYNC_READ = 0x82;
    static final int SYNC_WRITE = 0x83;
    static final int BROADCAST_ID = 0xFE;
    /** Bytes of a packet without parameters: header, id, length, instruction/error, checksum. */
    static final int OVERHEAD = 6;

    private Scs() {
    }

    /** A packet: instruction packets carry the instruction, status packets the error byte in {@code code}. */
    static byte[] packet(int id, int code, byte[] params) {
        if (params.length > 253) {
            throw new IllegalArgumentException("SCS packet with " + params.length + " parameter bytes (at most 253)");
        }
        byte[] p = new byte[OVERHEAD + params.length];
        p[0] = (byte) 0xFF;
        p[1] = (byte) 0xFF;
        p[2] = (byte) id;
        p[3] = (byte) (params.length + 2);
        p[4] = (byte) code;
        System.arraycopy(params, 0, p, 5, params.length);
        p[p.length - 1] = (byte) checksum(p, 2, p.length - 1);
        return p;
    }

    /** {@code ~sum(data[from, to)) & 0xFF}. */
    static int checksum(byte[] data, int from, int to) {
        int sum = 0;
        for (int i = from; i < to; i++) {
            sum += data[i] & 0xFF;
        }
        return ~sum & 0xFF;
    }

    /** Text of a status error byte: flags of the servo's condition. */
    static String describeError(int error) {
        StringBuilder b = new StringBuilder();
        flag(b, error, 1, "input voltage");
        flag(b, error, 2, "angle sensor");
        flag(b, error, 4, "overheat");
        flag(b, error, 8, "overcurrent");
        flag(b, error, 32, "overload");
        int unknown = error & ~(1 | 2 | 4 | 8 | 32);
        if (unknown != 0) {
            b.append(b.isEmpty() ? "" : ", ").append("flags 0x").append(Integer.toHexString(unknown));
        }
        return b.toString();
    }

    private static void flag(StringBuilder b, int error, int bit, String what) {
        if ((error & bit) != 0) {
            b.append(b.isEmpty() ? "" : ", ").append(what).append(" error");
        }
    }
}
