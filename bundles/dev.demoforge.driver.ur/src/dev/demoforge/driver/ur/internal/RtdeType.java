package dev.demoforge.driver.ur.internal;

import java.nio.ByteBuffer;

/**
 * The data types of RTDE recipes as the controller names them in its setup replies, with their wire size (all
 * big-endian). Values travel as doubles inside DemoForge; UINT64 loses precision above 2^53 (counters only).
 */
enum RtdeType {
    BOOL(1, 1), UINT8(1, 1), UINT32(4, 1), UINT64(8, 1), INT32(4, 1), DOUBLE(8, 1), VECTOR3D(8, 3),
    VECTOR6D(8, 6), VECTOR6INT32(4, 6), VECTOR6UINT32(4, 6);

    private final int elementBytes;
    private final int count;

    RtdeType(int elementBytes, int count) {
        this.elementBytes = elementBytes;
        this.count = count;
    }

    /** Number of values (1, 3 or 6). */
    int count() {
        return count;
    }

    /** Bytes on the wire. */
    int bytes() {
        return elementBytes * count;
    }

    /** The type of a setup reply's type name, or null for an unknown name (NOT_FOUND, IN_USE, ...). */
    static RtdeType byName(String name) {
        for (RtdeType t : values()) {
            if (t.name().equals(name)) {
                return t;
            }
        }
        return null;
    }

    /** Reads {@link #count()} values at the buffer's position into {@code out[at..]}. */
    void read(ByteBuffer in, double[] out, int at) {
        for (int i = 0; i < count; i++) {
            out[at + i] = switch (this) {
                case BOOL, UINT8 -> in.get() & 0xFF;
                case UINT32, VECTOR6UINT32 -> in.getInt() & 0xFFFF_FFFFL;
                case INT32, VECTOR6INT32 -> in.getInt();
                case UINT64 -> unsigned(in.getLong());
                case DOUBLE, VECTOR3D, VECTOR6D -> in.getDouble();
            };
        }
    }

    /** Writes {@link #count()} values from {@code values[at..]} (integers rounded). */
    void write(ByteBuffer out, double[] values, int at) {
        for (int i = 0; i < count; i++) {
            double v = values[at + i];
            switch (this) {
                case BOOL -> out.put((byte) (v != 0 ? 1 : 0));
                case UINT8 -> out.put((byte) Math.round(v));
                case UINT32, VECTOR6UINT32, INT32, VECTOR6INT32 -> out.putInt((int) Math.round(v));
                case UINT64 -> out.putLong(Math.round(v));
                case DOUBLE, VECTOR3D, VECTOR6D -> out.putDouble(v);
            }
        }
    }

    private static double unsigned(long v) {
        return v >= 0 ? v : (v >>> 1) * 2.0 + (v & 1);
    }
}
