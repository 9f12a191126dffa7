package dev.demoforge.export.mcap.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;

import dev.demoforge.export.api.DatasetSpec;
import dev.demoforge.export.api.EpisodeFrames;
import dev.demoforge.export.api.ExportResult;
import dev.demoforge.export.api.ExportSession;
import dev.demoforge.export.support.ImageEncoder;
import dev.demoforge.export.support.Staging;

/**
 * One MCAP export: episode {@code i} becomes {@code episode_<i, 6 digits>.mcap} in the staging directory, complete
 * (summary, footer) before the next begins; {@link #finish} publishes the directory. One thread.
 */
final class McapSession implements ExportSession {

    private enum State { OPEN, BROKEN, FINISHED, CLOSED }

    private final Path outputDir;
    private final Path staging;
    private final DatasetSpec spec;
    private final McapOptions options;
    private final ImageEncoder images;
    private final long startNanos = System.nanoTime();
    private int episodes;
    private long frames;
    private State state = State.OPEN;

    McapSession(Path outputDir, Path staging, DatasetSpec spec, McapOptions options) throws IOException {
        this.outputDir = outputDir;
        this.staging = staging;
        this.spec = spec;
        this.options = options;
        try {
            this.images = ImageEncoder.of(options.imageFormat(), options.jpegQuality());
        } catch (IOException e) {
            Staging.deleteTree(staging);
            throw e;
        }
    }

    /** The file name of episode {@code index}. */
    static String fileName(int index) {
        return String.format("episode_%06d.mcap", index);
    }

    @Override
    public void writeEpisode(EpisodeFrames episode, IProgressMonitor monitor) throws IOException {
        requireOpen();
        IProgressMonitor m = monitor == null ? new NullProgressMonitor() : monitor;
        Path file = staging.resolve(fileName(episodes));
        try {
            int n = episode.length();
            if (n <= 0) {
                throw new IOException("Episode '" + episode.sourceId() + "' has " + n
                        + " rows; an episode needs at least one");
            }
            m.beginTask("Episode " + episodes + " (" + episode.sourceId() + ")", n);
            EpisodeMcap.write(file, episode, episodes, spec, options, images, m);
            episodes++;
            frames += n;
        } catch (UncheckedIOException e) {
            state = State.BROKEN;
            throw new IOException(file + ": " + e.getCause().getMessage(), e.getCause());
        } catch (IOException | RuntimeException e) {
            state = State.BROKEN;
            throw e;
        } finally {
            m.done();
        }
    }

    @Override
    public ExportResult finish(IProgressMonitor monitor) throws IOException {
        requireOpen();
        IProgressMonitor m = monitor == null ? new NullProgressMonitor() : monitor;
        try {
            if (episodes == 0) {
                throw new IOException("No episode was written; an MCAP export needs at least one");
            }
            m.beginTask("Publishing the MCAP files", 1);
            if (m.isCanceled()) {
                throw new OperationCanceledException();
            }
            if (!Files.isDirectory(staging)) {
                throw new IOException("Staging directory " + staging + " has gone");
            }
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
    public void close() {
        State was = state;
        state = State.CLOSED;
        if (was == State.CLOSED) {
            return;
        }
        images.close();
        if (was != State.FINISHED) {
            Staging.deleteTree(staging);
        }
    }

    private void requireOpen() {
        if (state != State.OPEN) {
            throw new IllegalStateException("MCAP export session for " + outputDir + " is " + state
                    + "; only close() is possible");
        }
    }
}
