package dev.demoforge.thirdparty.parquet;

import java.io.IOException;
import java.nio.ByteBuffer;

import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.xerial.snappy.Snappy;

/**
 * Compression without Hadoop's codec machinery: snappy-java called directly (raw snappy blocks, which is what
 * parquet's SNAPPY codec stores), so no Hadoop {@code CompressionCodec} or {@code Configuration} is created.
 */
final class Codecs {

    private Codecs() {
    }

    static CompressionCodecName name(Compression c) {
        return switch (c) {
            case UNCOMPRESSED -> CompressionCodecName.UNCOMPRESSED;
            case SNAPPY -> CompressionCodecName.SNAPPY;
        };
    }

    static CompressionCodecFactory factory() {
        return new Factory();
    }

    private static final class Factory implements CompressionCodecFactory {
        @Override
        public BytesInputCompressor getCompressor(CompressionCodecName codec) {
            return switch (codec) {
                case UNCOMPRESSED -> new Compressor(codec, false);
                case SNAPPY -> new Compressor(codec, true);
                default -> throw new IllegalArgumentException("compression " + codec + " is not supported here");
            };
        }

        @Override
        public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
            throw new UnsupportedOperationException("this factory only writes");
        }

        @Override
        public void release() {
            // nothing pooled
        }
    }

    private static final class Compressor implements CompressionCodecFactory.BytesInputCompressor {
        private final CompressionCodecName name;
        private final boolean snappy;
        private byte[] out = new byte[0];

        Compressor(CompressionCodecName name, boolean snappy) {
            this.name = name;
            this.snappy = snappy;
        }

        @Override
        public BytesInput compress(BytesInput bytes) throws IOException {
            if (!snappy) {
                return bytes;
            }
            byte[] in = bytes.toByteArray();
            int max = Snappy.maxCompressedLength(in.length);
            if (out.length < max) {
                out = new byte[max];
            }
            int n = Snappy.compress(in, 0, in.length, out, 0);
            return BytesInput.from(ByteBuffer.wrap(out, 0, n).slice());
        }

        @Override
        public CompressionCodecName getCodecName() {
            return name;
        }

        @Override
        public void release() {
            out = new byte[0];
        }
    }
}
