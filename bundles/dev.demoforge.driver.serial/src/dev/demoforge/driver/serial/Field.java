package dev.demoforge.driver.serial;

/**
 * Where a register lives in a control table and how its little-endian bytes encode a number.
 *
 * @param address  first byte
 * @param size     1, 2 or 4 bytes
 * @param encoding how negative values are written
 * @param signBit  the sign bit of {@link Encoding#SIGN_MAGNITUDE} values (e.g. 11 for a Feetech homing offset);
 *                 unused otherwise
 * @since 0.1
 */
public record Field(int address, int size, Encoding encoding, int signBit) {

    /** Encoding of negative numbers. */
    public enum Encoding { UNSIGNED, TWOS_COMPLEMENT, SIGN_MAGNITUDE }

    public Field {
        if (size != 1 && size != 2 && size != 4) {
            throw new IllegalArgumentException("Register size must be 1, 2 or 4 bytes, was " + size);
        }
    }

    public static Field unsigned(int address, int size) {
        return new Field(address, size, Encoding.UNSIGNED, -1);
    }

    public static Field signed(int address, int size) {
        return new Field(address, size, Encoding.TWOS_COMPLEMENT, -1);
    }

    public static Field signMagnitude(int address, int size, int signBit) {
        return new Field(address, size, Encoding.SIGN_MAGNITUDE, signBit);
    }

    /** The value at {@code data[offset..offset+size)}. */
    public int decode(byte[] data, int offset) {
        long v = 0;
        for (int i = size - 1; i >= 0; i--) {
            v = (v << 8) | (data[offset + i] & 0xFF);
        }
        return switch (encoding) {
            case UNSIGNED -> (int) v;
            case TWOS_COMPLEMENT -> (int) (v << (64 - 8 * size) >> (64 - 8 * size));
            case SIGN_MAGNITUDE -> {
                long magnitude = v & ((1L << signBit) - 1);
                yield (int) ((v & (1L << signBit)) != 0 ? -magnitude : magnitude);
            }
        };
    }

    /** The bytes of {@code value}. */
    public byte[] encode(int value) {
        long v = value;
        if (encoding == Encoding.SIGN_MAGNITUDE && value < 0) {
            v = (-(long) value) | (1L << signBit);
        }
        byte[] out = new byte[size];
        for (int i = 0; i < size; i++) {
            out[i] = (byte) (v >>> (8 * i));
        }
        return out;
    }
}
