package dev.demoforge.driver.dynamixel.internal;

/**
 * The CRC of Dynamixel Protocol 2.0: CRC-16 with polynomial 0x8005, initial value 0, no reflection, no final XOR
 * (CRC-16/BUYPASS), computed over the packet from the first header byte to the last parameter, after byte
 * stuffing. The 256-entry table is built from the polynomial. Thread-safe.
 */
final class Crc16 {

    static final int POLYNOMIAL = 0x8005;
    private static final int[] TABLE = new int[256];

    static {
        for (int i = 0; i < 256; i++) {
            int c = i << 8;
            for (int bit = 0; bit < 8; bit++) {
                c = (c & 0x8000) != 0 ? (c << 1) ^ POLYNOMIAL : c << 1;
            }
            TABLE[i] = c & 0xFFFF;
        }
    }

    private Crc16() {
    }

    static int of(byte[] data, int offset, int length) {
        int crc = 0;
        for (int i = offset; i < offset + length; i++) {
            crc = ((crc << 8) ^ TABLE[((crc >>> 8) ^ data[i]) & 0xFF]) & 0xFFFF;
        }
        return crc;
    }

    /** Table entry {@code i}; for tests against the published table. */
    static int entry(int i) {
        return TABLE[i];
    }
}
