package dev.demoforge.mcap.internal;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.zip.CRC32;

/**
 * The output side of the MCAP writer: gathering writes to a {@link FileChannel}, the running data-section CRC, the
 * file position, and a sticky failure flag (after a failed write nothing more is written). Not thread-safe.
 */
public final class FileSink implements Closeable {

    private final Path file;
    private final FileChannel channel;
    private final CRC32 dataCrc = new CRC32();
    private long position;
    private boolean failed;

    public FileSink(Path file, FileChannel channel) {
        this.file = file;
        this.channel = channel;
    }

    /** Bytes written so far: the file length. */
    public long position() {
        return position;
    }

    public boolean failed() {
        return failed;
    }

    /** CRC-32 of all data-section bytes written with {@link #writeData}. */
    public long dataCrc() {
        return dataCrc.getValue();
    }

    /** Writes data-section bytes, folding them into the data-section CRC. */
    public void writeData(ByteBuffer... buffers) throws IOException {
        for (ByteBuffer b : buffers) {
            dataCrc.update(b.duplicate());
        }
        write(buffers);
    }

    /** Writes all buffers in order (one gathering write where the OS allows). */
    public void write(ByteBuffer... buffers) throws IOException {
        try {
            long total = 0;
            for (ByteBuffer b : buffers) {
                total += b.remaining();
            }
            long written = 0;
            while (written < total) {
                written += channel.write(buffers);
            }
            position += total;
        } catch (IOException e) {
            failed = true;
            throw new IOException(file + ": write failed at offset " + position + ": " + e.getMessage(), e);
        }
    }

    /** {@link FileChannel#force(boolean)}; a failure marks the sink failed. */
    public void force(boolean metaData) throws IOException {
        try {
            channel.force(metaData);
        } catch (IOException e) {
            failed = true;
            throw new IOException(file + ": force to disk failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
