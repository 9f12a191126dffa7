package dev.demoforge.export.api;

import java.io.IOException;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Sequential source of one episode's frames for one video feature, already resampled to one frame per row.
 * <p>
 * Threading: used by one thread. Memory: one frame at a time; the returned array may be reused by the next call,
 * so callers copy what they keep. Blocking: {@link #nextBgr()} blocks while the provider decodes.
 *
 * Implemented by DemoForge (the catalog), called by exporters: {@code @ProviderType}.
 *
 * @since 0.1
 */
@ProviderType
public interface VideoFrames extends AutoCloseable {

    /** Frame width in pixels. */
    int width();

    /** Frame height in pixels. */
    int height();

    /**
     * Next frame as packed BGR24 ({@code width * height * 3} bytes, rows top to bottom, no padding), for rows
     * {@code 0, 1, 2, ...}; exactly {@link EpisodeFrames#length()} frames, then {@code null}.
     */
    byte[] nextBgr() throws IOException;

    /**
     * The recorded file these frames are an unchanged run of, if they are one (no frame repeated, skipped or
     * resampled); exporters may then copy compressed packets instead of re-encoding. Fast, never blocks.
     *
     * @since 0.2
     */
    default Optional<SourceVideo> source() {
        return Optional.empty();
    }

    /** Releases the decoder; idempotent. */
    @Override
    void close() throws IOException;
}
