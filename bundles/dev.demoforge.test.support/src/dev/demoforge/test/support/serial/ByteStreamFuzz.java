package dev.demoforge.test.support.serial;

import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

/**
 * Random byte streams for fuzz tests of packet decoders, whatever the protocol: the decoder is reached through its
 * {@link Feed} and its "next packet or null" method. Deterministic for a given seeded random source. Static methods,
 * no state; runs on the caller's thread.
 *
 * @since 0.2
 */
public final class ByteStreamFuzz {

    /** Appends received bytes to a decoder. */
    @FunctionalInterface
    public interface Feed {
        void feed(byte[] data, int offset, int length);
    }

    /**
     * What a random stream gave.
     *
     * @param bytes   bytes fed
     * @param packets packets the decoder returned
     * @param seconds wall time of feeding and decoding, s
     */
    public record Result(long bytes, int packets, double seconds) {
    }

    private ByteStreamFuzz() {
    }

    /**
     * Feeds at least {@code totalBytes} random bytes in chunks of 1 to {@code maxChunk} bytes, taking every packet
     * the decoder returns after each chunk.
     *
     * @param random   the random source (seeded: the stream is the same on every run)
     * @param nextByte draws one byte (0-255) from the random source; bias it toward header bytes so that headers,
     *                 lengths and checksums get exercised
     * @param next     the decoder's next packet, or null when it has none
     */
    public static Result feedRandomChunks(SplittableRandom random, long totalBytes, int maxChunk,
            ToIntFunction<SplittableRandom> nextByte, Feed feed, Supplier<?> next) {
        byte[] chunk = new byte[maxChunk];
        long t0 = System.nanoTime();
        long fed = 0;
        int packets = 0;
        while (fed < totalBytes) {
            int n = 1 + random.nextInt(chunk.length);
            for (int i = 0; i < n; i++) {
                chunk[i] = (byte) nextByte.applyAsInt(random);
            }
            feed.feed(chunk, 0, n);
            fed += n;
            while (next.get() != null) {
                packets++;
            }
        }
        return new Result(fed, packets, (System.nanoTime() - t0) / 1e9);
    }

    /** Feeds {@code bytes} in random pieces of 1 to {@code maxPiece} bytes, as a serial port delivers them. */
    public static void feedInPieces(byte[] bytes, SplittableRandom random, int maxPiece, Feed feed) {
        int i = 0;
        while (i < bytes.length) {
            int n = Math.min(bytes.length - i, 1 + random.nextInt(maxPiece));
            feed.feed(bytes, i, n);
            i += n;
        }
    }
}
