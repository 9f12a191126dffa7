package dev.demoforge.mcap.internal;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32;

/**
 * Sequential buffered reading of a file with a running CRC-32 over every byte consumed (for the MCAP data-section
 * CRC), plus positional reads that leave the cursor alone. The file size is fixed at open. Not thread-safe.
 */
public final class FileCursor implements Closeable {

    private final Path file;
    private final FileChannel channel;
    private final long size;
    private final ByteBuffer buf = ByteBuffer.allocate(1 << 16).flip();
    private final CRC32 crc = new CRC32();
    private boolean crcEnabled = true;
    private long position;

    private FileCursor(Path file, FileChannel channel) throws IOException {
        this.file = file;
        this.channel = channel;
        this.size = channel.size();
    }

    public static FileCursor open(Path file) throws IOException {
        return new FileCursor(file, FileChannel.open(file, StandardOpenOption.READ));
    }

    public long size() {
        return size;
    }

    public long position() {
        return position;
    }

    public long remaining() {
        return size - position;
    }

    /** CRC-32 of every byte consumed so far (while enabled). */
    public long crc() {
        return crc.getValue();
    }

    /** Stops updating the running CRC (after the data section, to save work). */
    public void disableCrc() {
        crcEnabled = false;
    }

    /** Reads exactly {@code len} bytes at the cursor; the caller has checked {@link #remaining()}. */
    public void readFully(byte[] dst, int off, int len) throws IOException {
        int done = 0;
        while (done < len) {
            if (!buf.hasRemaining()) {
                if (len - done >= buf.capacity()) {
                    int n = channel.read(ByteBuffer.wrap(dst, off + done, len - done), position + done);
                    if (n < 0) {
                        throw eof(len, done);
                    }
                    done += n;
                    continue;
                }
                buf.clear();
                int n = channel.read(buf, position + done);
                buf.flip();
                if (n < 0) {
                    throw eof(len, done);
                }
                continue;
            }
            int n = Math.min(buf.remaining(), len - done);
            buf.get(dst, off + done, n);
            done += n;
        }
        if (crcEnabled) {
            crc.update(dst, off, len);
        }
        position += len;
    }

    public byte[] read(int len) throws IOException {
        byte[] out = new byte[len];
        readFully(out, 0, len);
        return out;
    }

    /** CRC-32 of the bytes {@code [from, to)} read by position, independent of the cursor. */
    public long crcOfRange(long from, long to) throws IOException {
        CRC32 c = new CRC32();
        ByteBuffer b = ByteBuffer.allocate(1 << 16);
        long p = from;
        while (p < to) {
            b.clear().limit((int) Math.min(b.capacity(), to - p));
            int n = channel.read(b, p);
            if (n < 0) {
                throw new EOFException(file + ": ends at " + p + " while reading up to offset " + to);
            }
            b.flip();
            c.update(b);
            p += n;
        }
        return c.getValue();
    }

    private EOFException eof(int len, int done) {
        return new EOFException(file + ": file shrank while reading " + len + " bytes at offset " + position
                + " (got " + done + ")");
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
