package dev.demoforge.mcap;

import java.io.IOException;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A chunk compression codec for {@link McapWriter}, supplied by the caller so this library stays free of
 * dependencies. Implementations produce exactly the format the MCAP registry names: {@code "zstd"} a Zstandard
 * frame, {@code "lz4"} an LZ4 frame (formats.md 6.3).
 * <p>
 * Threading: called by the writer's one thread; an instance need not be thread-safe.
 *
 * @since 0.2
 */
@ConsumerType
public interface ChunkCompression {

    /** The name written into Chunk and Chunk Index records: {@code "lz4"} or {@code "zstd"}. */
    String name();

    /**
     * Compresses {@code data[0..length)} (a chunk's uncompressed records).
     *
     * @return a new array holding the whole compressed frame
     */
    byte[] compress(byte[] data, int length) throws IOException;
}
