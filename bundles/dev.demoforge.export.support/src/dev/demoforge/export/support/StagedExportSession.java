package dev.demoforge.export.support;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;

import dev.demoforge.export.api.EpisodeFrames;
import dev.demoforge.export.api.ExportResult;
import dev.demoforge.export.api.ExportSession;

/**
 * The lifecycle an export session shares with every other, around a {@link Staging} directory; a subclass supplies
 * only its format's steps ({@link #write}, {@link #complete}).
 * <ul>
 * <li>{@link #writeEpisode} refuses an episode without rows, passes the episode with its index (0, 1, ...) to
 * {@link #write}, counts episodes and rows, and calls {@code done()} on the monitor.</li>
 * <li>{@link #finish} refuses a session without episodes, begins the monitor's task ({@link #completionTask()},
 * {@link #completionWork()} + 1 units), checks cancellation, calls {@link #complete}, checks cancellation again,
 * measures the staging directory and {@linkplain Staging#publish publishes} it (the last unit) and returns the
 * {@link ExportResult} (elapsed time since the session was constructed).</li>
 * <li>Any exception from either (including {@link OperationCanceledException}) breaks the session: further calls
 * throw {@link IllegalStateException}, only {@link #close()} is accepted.</li>
 * <li>{@link #close()} calls {@link #release()} once; unless the export was published it then calls
 * {@link #abandon()} and deletes the staging directory.</li>
 * </ul>
 * A subclass is constructed by {@code DatasetExporter.begin} with the directories from {@link Staging#checkOutput}
 * and {@link Staging#create}. All calls come from one thread; blocking file I/O.
 *
 * @since 0.3
 */
public abstract class StagedExportSession implements ExportSession {

    private enum State { OPEN, BROKEN, FINISHED, CLOSED }

    private final String format;
    private final Path outputDir;
    private final Path staging;
    private final long startNanos = System.nanoTime();
    private int episodes;
    private long rows;
    private State state = State.OPEN;

    /**
     * @param format    the format's name in messages ({@code "MCAP"}, {@code "robomimic"})
     * @param outputDir where {@link #finish} publishes the dataset
     * @param staging   the staging directory the subclass writes into, from {@link Staging#create(Path)}
     */
    protected StagedExportSession(String format, Path outputDir, Path staging) {
        this.format = format;
        this.outputDir = outputDir;
        this.staging = staging;
    }

    /**
     * Writes episode {@code index} into the staging directory. The episode has at least one row. Begin the
     * monitor's task here and report work per row; poll {@link #checkCanceled} at least once per frame.
     */
    protected abstract void write(EpisodeFrames episode, int index, IProgressMonitor monitor) throws IOException;

    /**
     * Completes the files in the staging directory (metadata, indexes, renames) and closes them, reporting
     * {@link #completionWork()} units on {@code monitor} (its task is already begun).
     *
     * @param episodeCount the episodes written, at least one
     */
    protected abstract void complete(int episodeCount, IProgressMonitor monitor) throws IOException;

    /** The task {@link #finish} shows; by default "Completing the FORMAT export". */
    protected String completionTask() {
        return "Completing the " + format + " export";
    }

    /** The work units {@link #complete} reports (publishing adds one); by default 1. */
    protected int completionWork() {
        return 1;
    }

    /**
     * Called by {@link #close()} when the export was not published, before the staging directory is deleted:
     * close whatever is still open. Exceptions are ignored (the directory is deleted next). Does nothing by
     * default.
     */
    protected void abandon() throws IOException {
    }

    /** Called once by the first {@link #close()}, published or not: free encoders and native memory. */
    protected void release() {
    }

    /** The directory {@link #finish} publishes to. */
    protected final Path outputDir() {
        return outputDir;
    }

    /** The staging directory the session writes into. */
    protected final Path staging() {
        return staging;
    }

    /** Throws {@link OperationCanceledException} if {@code monitor} is cancelled. */
    protected static void checkCanceled(IProgressMonitor monitor) {
        if (monitor.isCanceled()) {
            throw new OperationCanceledException();
        }
    }

    @Override
    public final void writeEpisode(EpisodeFrames episode, IProgressMonitor monitor) throws IOException {
        step(monitor, m -> {
            int n = episode.length();
            if (n <= 0) {
                throw new IOException("Episode '" + episode.sourceId() + "' has " + n
                        + " rows; an episode needs at least one");
            }
            write(episode, episodes, m);
            episodes++;
            rows += n;
            return null;
        });
    }

    @Override
    public final ExportResult finish(IProgressMonitor monitor) throws IOException {
        return step(monitor, m -> {
            if (episodes == 0) {
                throw new IOException("No episode was written; " + format + " exports need at least one");
            }
            m.beginTask(completionTask(), completionWork() + 1);
            checkCanceled(m);
            complete(episodes, m);
            checkCanceled(m);
            long bytes = Staging.size(staging);
            Staging.publish(staging, outputDir);
            state = State.FINISHED;
            m.worked(1);
            return new ExportResult(outputDir, episodes, rows, bytes,
                    Duration.ofNanos(System.nanoTime() - startNanos));
        });
    }

    /** One step of an open session: any exception breaks the session; the monitor is done afterwards. */
    private <T> T step(IProgressMonitor monitor, Step<T> body) throws IOException {
        requireOpen();
        IProgressMonitor m = monitor == null ? new NullProgressMonitor() : monitor;
        try {
            return body.run(m);
        } catch (IOException | RuntimeException e) {
            state = State.BROKEN;
            throw e;
        } finally {
            m.done();
        }
    }

    private interface Step<T> {
        T run(IProgressMonitor monitor) throws IOException;
    }

    @Override
    public final void close() {
        State was = state;
        state = State.CLOSED;
        if (was == State.CLOSED) {
            return;
        }
        release();
        if (was != State.FINISHED) {
            try {
                abandon();
            } catch (IOException | RuntimeException e) {
                // abandoned: the staging directory is deleted next
            }
            Staging.deleteTree(staging);
        }
    }

    private void requireOpen() {
        if (state != State.OPEN) {
            throw new IllegalStateException(format + " export session for " + outputDir + " is " + state
                    + "; only close() is possible");
        }
    }
}
