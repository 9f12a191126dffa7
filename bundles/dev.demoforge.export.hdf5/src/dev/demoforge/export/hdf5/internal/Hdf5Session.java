package dev.demoforge.export.hdf5.internal;

import dev.demoforge.export.support.Staging;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.NullProgressMonitor;

import dev.demoforge.export.api.DatasetSpec;
import dev.demoforge.export.api.EpisodeFrames;
import dev.demoforge.export.api.ExportResult;
import dev.demoforge.export.api.ExportSession;

/**
 * What both HDF5 sessions share: the staging directory, the lifecycle (after a failure or cancellation only
 * {@link #close()} is accepted, which deletes the staging directory), and episode and frame counts. One thread.
 */
abstract class Hdf5Session implements ExportSession {

    private enum State { OPEN, BROKEN, FINISHED, CLOSED }

    protected final Path outputDir;
    protected final Path staging;
    protected final DatasetSpec spec;
    protected final Mapping mapping;
    private final String format;
    private final long startNanos = System.nanoTime();
    private int episodes;
    private long frames;
    private State state = State.OPEN;

    Hdf5Session(String format, Path outputDir, Path staging, DatasetSpec spec) {
        this.format = format;
        this.outputDir = outputDir;
        this.staging = staging;
        this.spec = spec;
        this.mapping = Mapping.of(spec);
    }

    /** Writes episode {@code index} (0, 1, ...), length checked to be at least one. */
    protected abstract void write(EpisodeFrames episode, int index, IProgressMonitor monitor) throws IOException;

    /** Completes the files in the staging directory (after at least one episode) and closes them. */
    protected abstract void complete(int episodeCount, IProgressMonitor monitor) throws IOException;

    /** Closes whatever is open, quietly; the staging directory is deleted next. */
    protected abstract void abandon();

    @Override
    public final void writeEpisode(EpisodeFrames episode, IProgressMonitor monitor) throws IOException {
        requireOpen();
        IProgressMonitor m = monitor == null ? new NullProgressMonitor() : monitor;
        try {
            int n = episode.length();
            if (n <= 0) {
                throw new IOException("Episode '" + episode.sourceId() + "' has " + n
                        + " rows; an episode needs at least one");
            }
            write(episode, episodes, m);
            episodes++;
            frames += n;
        } catch (IOException | RuntimeException e) {
            state = State.BROKEN;
            throw e;
        } finally {
            m.done();
        }
    }

    @Override
    public final ExportResult finish(IProgressMonitor monitor) throws IOException {
        requireOpen();
        IProgressMonitor m = monitor == null ? new NullProgressMonitor() : monitor;
        try {
            if (episodes == 0) {
                throw new IOException("No episode was written; a " + format + " export needs at least one");
            }
            m.beginTask("Completing the " + format + " files", 2);
            Episodes.checkCanceled(m);
            complete(episodes, m);
            m.worked(1);
            Episodes.checkCanceled(m);
            long bytes = Staging.size(staging);
            Staging.publish(staging, outputDir);
            state = State.FINISHED;
            m.worked(1);
            return new ExportResult(outputDir, episodes, frames, bytes,
                    Duration.ofNanos(System.nanoTime() - startNanos));
        } catch (IOException | RuntimeException e) {
            state = State.BROKEN;
            throw e;
        } finally {
            m.done();
        }
    }

    @Override
    public final void close() {
        if (state == State.FINISHED || state == State.CLOSED) {
            state = State.CLOSED;
            return;
        }
        state = State.CLOSED;
        try {
            abandon();
        } catch (RuntimeException e) {
            // abandoned: the staging directory is deleted next
        }
        Staging.deleteTree(staging);
    }

    private void requireOpen() {
        if (state != State.OPEN) {
            throw new IllegalStateException(format + " export session for " + outputDir + " is " + state
                    + "; only close() is possible");
        }
    }
}
