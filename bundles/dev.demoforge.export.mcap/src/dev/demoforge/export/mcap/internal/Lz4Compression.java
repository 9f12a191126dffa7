package dev.demoforge.export.mcap.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

import dev.demoforge.mcap.ChunkCompression;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4FrameOutputStream;
import net.jpountz.xxhash.XXHashFactory;

/**
 * MCAP chunk compression {@code "lz4"}: an LZ4 frame (as the MCAP Go writer's {@code pierrec/lz4} writes it) with
 * independent 4 MB blocks, made by lz4-java's pure-Java compressor and XXH32 (its "safe" instances: no JNI, no
 * {@code sun.misc.Unsafe}). One thread; the output buffer is reused.
 */
final class Lz4Compression implements ChunkCompression {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);

    @Override
    public String name() {
        return "lz4";
    }

    @Override
    public byte[] compress(byte[] data, int length) throws IOException {
        out.reset();
        try (LZ4FrameOutputStream lz4 = new LZ4FrameOutputStream(out, LZ4FrameOutputStream.BLOCKSIZE.SIZE_4MB, -1L,
                LZ4Factory.safeInstance().fastCompressor(), XXHashFactory.safeInstance().hash32(),
                LZ4FrameOutputStream.FLG.Bits.BLOCK_INDEPENDENCE)) {
            lz4.write(data, 0, length);
        }
        return out.toByteArray();
    }
}
