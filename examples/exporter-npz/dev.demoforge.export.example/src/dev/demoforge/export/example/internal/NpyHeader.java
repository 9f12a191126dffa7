package dev.demoforge.export.example.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The header of a {@code .npy} file, format version 1.0 (numpy's {@code lib/format.py}): the magic
 * {@code \x93NUMPY}, version bytes 1 0, a little-endian uint16 header length, then a Python dict literal
 * {@code {'descr': '<f4', 'fortran_order': False, 'shape': (T, D), }} padded with spaces and ended by a newline so
 * that the data starts at a multiple of 64 bytes. The array data follows in C order.
 */
final class NpyHeader {

    /** Little-endian float32. */
    static final String FLOAT32 = "<f4";
    /** Little-endian int64. */
    static final String INT64 = "<i8";
    /** Bytes (uint8). */
    static final String UINT8 = "|u1";

    private NpyHeader() {
    }

    static byte[] of(String descr, List<Integer> shape) {
        String dims = shape.stream().map(String::valueOf).collect(Collectors.joining(", "));
        String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': (" + dims
                + (shape.size() == 1 ? "," : "") + "), }";
        int unpadded = 10 + dict.length() + 1;
        int padding = (64 - unpadded % 64) % 64;
        String header = dict + " ".repeat(padding) + "\n";
        byte[] text = header.getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[10 + text.length];
        out[0] = (byte) 0x93;
        System.arraycopy("NUMPY".getBytes(StandardCharsets.US_ASCII), 0, out, 1, 5);
        out[6] = 1;
        out[7] = 0;
        out[8] = (byte) (text.length & 0xff);
        out[9] = (byte) (text.length >>> 8);
        System.arraycopy(text, 0, out, 10, text.length);
        return out;
    }
}
