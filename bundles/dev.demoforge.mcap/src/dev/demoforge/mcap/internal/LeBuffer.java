package dev.demoforge.mcap.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/**
 * A growable little-endian byte buffer for encoding MCAP records. Not thread-safe.
 */
public final class LeBuffer {

    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private byte[] buf;
    private int size;

    public LeBuffer(int initialCapacity) {
        buf = new byte[Math.max(16, initialCapacity)];
    }

    public int size() {
        return size;
    }

    /** The backing array; valid bytes are {@code [0, size())}. */
    public byte[] array() {
        return buf;
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(buf, size);
    }

    /** A view of the valid bytes, positioned at 0. */
    public ByteBuffer view() {
        return ByteBuffer.wrap(buf, 0, size);
    }

    public void reset() {
        size = 0;
    }

    private void ensure(int more) {
        long needed = (long) size + more;
        if (needed > buf.length) {
            if (needed > Integer.MAX_VALUE - 16) {
                throw new IllegalStateException("MCAP buffer would exceed 2 GiB");
            }
            buf = Arrays.copyOf(buf, (int) Math.max(needed, Math.min(Integer.MAX_VALUE - 16L, buf.length * 2L)));
        }
    }

    public LeBuffer u8(int v) {
        ensure(1);
        buf[size++] = (byte) v;
        return this;
    }

    public LeBuffer u16(int v) {
        ensure(2);
        SHORT.set(buf, size, (short) v);
        size += 2;
        return this;
    }

    public LeBuffer u32(long v) {
        ensure(4);
        INT.set(buf, size, (int) v);
        size += 4;
        return this;
    }

    public LeBuffer u64(long v) {
        ensure(8);
        LONG.set(buf, size, v);
        size += 8;
        return this;
    }

    /** Overwrites 8 bytes at {@code pos} (used to patch record lengths). */
    public void u64At(int pos, long v) {
        LONG.set(buf, pos, v);
    }

    public LeBuffer bytes(byte[] b, int off, int len) {
        ensure(len);
        System.arraycopy(b, off, buf, size, len);
        size += len;
        return this;
    }

    public LeBuffer bytes(byte[] b) {
        return bytes(b, 0, b.length);
    }

    /** MCAP {@code String}: uint32 byte length + UTF-8. */
    public LeBuffer string(String s) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        return u32(utf8.length).bytes(utf8);
    }

    /** MCAP {@code Map<String,String>}: uint32 byte length of the entries, then key/value Strings. */
    public LeBuffer stringMap(Map<String, String> map) {
        int lengthPos = size;
        u32(0);
        for (Map.Entry<String, String> e : map.entrySet()) {
            string(e.getKey()).string(e.getValue());
        }
        INT.set(buf, lengthPos, size - lengthPos - 4);
        return this;
    }

    /** Writes the opcode and a placeholder length; returns the token for {@link #endRecord(int)}. */
    public int beginRecord(int opcode) {
        u8(opcode);
        int lengthPos = size;
        u64(0);
        return lengthPos;
    }

    /** Patches the content length of the record begun at {@code lengthPos}. */
    public void endRecord(int lengthPos) {
        u64At(lengthPos, size - lengthPos - 8L);
    }
}
