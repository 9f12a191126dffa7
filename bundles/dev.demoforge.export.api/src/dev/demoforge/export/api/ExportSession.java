package dev.demoforge.export.api;

import java.io.IOException;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * One export in progress, returned by {@link DatasetExporter#begin}. Vendors implement it.
 * <p>
 * Threading: a session is used by one thread (the export job); calls block while files are written and video is
 * encoded. Memory: bounded by one episode's vectors plus one video frame per video feature. Lifecycle:
 * {@code writeEpisode}* then {@code finish}, always followed by {@code close} (try-with-resources).
 *
 * @since 0.1
 */
@ConsumerType
public interface ExportSession extends AutoCloseable {

    /**
     * Writes one episode; its {@code episode_index} is the call order (0, 1, 2, ...).
     *
     * @param monitor progress of this episode (in rows); {@link IProgressMonitor#isCanceled()} is polled at least once
     *                per frame and cancellation throws {@link OperationCanceledException}, after which the session
     *                only accepts {@link #close()}
     * @throws IOException if writing fails or the episode does not match the spec (the message names the episode's
     *                     {@link EpisodeFrames#sourceId()} and the feature)
     */
    void writeEpisode(EpisodeFrames episode, IProgressMonitor monitor) throws IOException;

    /**
     * Writes the metadata into the staging directory, then moves it to the output directory (same filesystem,
     * {@code ATOMIC_MOVE} where possible). Honours cancellation like {@link #writeEpisode}.
     */
    ExportResult finish(IProgressMonitor monitor) throws IOException;

    /**
     * Releases resources. Without a successful {@link #finish}, deletes the staging directory and leaves nothing that
     * looks like a dataset. Idempotent; never throws.
     */
    @Override
    void close();
}
