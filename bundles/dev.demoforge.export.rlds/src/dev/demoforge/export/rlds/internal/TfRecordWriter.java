package dev.demoforge.export.rlds.internal;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.MessageLite;

/**
 * Writes TFRecord files (formats.md 5.2): per record the little-endian {@code uint64} length, the masked CRC-32C of
 * those 8 bytes, the data, and the masked CRC-32C of the data. No file header or footer, no compression. A message is
 * serialized straight into the file while its CRC is computed, so nothing beyond the message itself is held. One
 * thread; blocking file I/O.
 */
final class TfRecordWriter implements AutoCloseable {

    private static final int MASK_DELTA = 0xA282EAD8;

    private final Path file;
    private final OutputStream out;
    private final byte[] head = new byte[12];
    private long bytes;
    private int records;

    TfRecordWriter(Path file) throws IOException {
        this.file = file;
        this.out = new BufferedOutputStream(Files.newOutputStream(file, StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE), 1 << 16);
    }

    /** TensorFlow's mask of a CRC-32C ({@code crc32c::Mask}): rotate right by 15, add a constant. */
    static int mask(int crc) {
        return ((crc >>> 15) | (crc << 17)) + MASK_DELTA;
    }

    /** Appends one record holding the serialized {@code message}. */
    void write(MessageLite message) throws IOException {
        long length = message.getSerializedSize();
        ByteBuffer h = ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN);
        h.putLong(length);
        CRC32C crc = new CRC32C();
        crc.update(head, 0, 8);
        h.putInt(mask((int) crc.getValue()));
        out.write(head, 0, 12);
        CrcStream body = new CrcStream(out);
        CodedOutputStream coded = CodedOutputStream.newInstance(body, 1 << 16);
        message.writeTo(coded);
        coded.flush();
        if (body.count != length) {
            throw new IOException(file + ": record " + records + " serialized to " + body.count
                    + " bytes, its declared length is " + length);
        }
        ByteBuffer.wrap(head, 0, 4).order(ByteOrder.LITTLE_ENDIAN).putInt(mask((int) body.crc.getValue()));
        out.write(head, 0, 4);
        bytes += 16 + length;
        records++;
    }

    /** Bytes written so far. */
    long bytes() {
        return bytes;
    }

    /** Records written so far. */
    int records() {
        return records;
    }

    Path file() {
        return file;
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    /** Passes bytes through and folds them into a CRC-32C. */
    private static final class CrcStream extends OutputStream {
        private final OutputStream out;
        private final CRC32C crc = new CRC32C();
        private long count;

        CrcStream(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            crc.update(b);
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            crc.update(b, off, len);
            out.write(b, off, len);
            count += len;
        }
    }
}
