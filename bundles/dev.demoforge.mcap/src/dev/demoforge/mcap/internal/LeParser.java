package dev.demoforge.mcap.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Bounds-checked little-endian reader over a slice of a byte array. Every read names the field, so a malformed
 * record produces a message such as {@code "field 'topic': needs 12 bytes at +5, only 3 left"}. Not thread-safe.
 */
public final class LeParser {

    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final byte[] data;
    private final int start;
    private final int end;
    private int pos;

    public LeParser(byte[] data, int offset, int length) {
        this.data = data;
        this.start = offset;
        this.pos = offset;
        this.end = offset + length;
    }

    public LeParser(byte[] data) {
        this(data, 0, data.length);
    }

    /** Position relative to the start of the slice. */
    public int position() {
        return pos - start;
    }

    /** Absolute index into the backing array. */
    public int absolutePosition() {
        return pos;
    }

    public int remaining() {
        return end - pos;
    }

    public byte[] array() {
        return data;
    }

    private void need(long n, String field) throws ParseException {
        if (n < 0 || n > end - pos) {
            throw new ParseException("field '" + field + "': needs " + Long.toUnsignedString(n) + " bytes at +"
                    + position() + ", only " + remaining() + " left");
        }
    }

    public int u8(String field) throws ParseException {
        need(1, field);
        return data[pos++] & 0xFF;
    }

    public int u16(String field) throws ParseException {
        need(2, field);
        int v = (short) SHORT.get(data, pos) & 0xFFFF;
        pos += 2;
        return v;
    }

    public long u32(String field) throws ParseException {
        need(4, field);
        long v = (int) INT.get(data, pos) & 0xFFFF_FFFFL;
        pos += 4;
        return v;
    }

    public long u64(String field) throws ParseException {
        need(8, field);
        long v = (long) LONG.get(data, pos);
        pos += 8;
        return v;
    }

    /** Skips {@code n} bytes (n is an unsigned length read from the file). */
    public void skip(long n, String field) throws ParseException {
        need(n, field);
        pos += (int) n;
    }

    public byte[] bytes(long n, String field) throws ParseException {
        need(n, field);
        byte[] out = Arrays.copyOfRange(data, pos, pos + (int) n);
        pos += (int) n;
        return out;
    }

    /** All bytes up to the end of the slice. */
    public byte[] rest() {
        byte[] out = Arrays.copyOfRange(data, pos, end);
        pos = end;
        return out;
    }

    public String string(String field) throws ParseException {
        long n = u32(field + ".length");
        need(n, field);
        try {
            String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(data, pos, (int) n)).toString();
            pos += (int) n;
            return s;
        } catch (CharacterCodingException e) {
            throw new ParseException("field '" + field + "': invalid UTF-8 at +" + position());
        }
    }

    public Map<String, String> stringMap(String field) throws ParseException {
        long n = u32(field + ".length");
        need(n, field);
        LeParser entries = new LeParser(data, pos, (int) n);
        Map<String, String> map = new LinkedHashMap<>();
        while (entries.remaining() > 0) {
            String key = entries.string(field + ".key");
            map.put(key, entries.string(field + "[" + key + "]"));
        }
        pos += (int) n;
        return Collections.unmodifiableMap(map);
    }
}
