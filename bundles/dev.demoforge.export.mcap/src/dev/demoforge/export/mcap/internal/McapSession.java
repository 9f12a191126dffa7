package dev.demoforge.export.mcap.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.core.runtime.IProgressMonitor;

import dev.demoforge.export.api.DatasetSpec;
import dev.demoforge.export.api.EpisodeFrames;
import dev.demoforge.export.support.ImageEncoder;
import dev.demoforge.export.support.StagedExportSession;
import dev.demoforge.export.support.Staging;

/**
 * One MCAP export: episode {@code i} becomes {@code episode_<i, 6 digits>.mcap} in the staging directory, complete
 * (summary, footer) before the next begins; {@link #finish} publishes the directory. One thread.
 */
final class McapSession extends StagedExportSession {

    private final DatasetSpec spec;
    private final McapOptions options;
    private final ImageEncoder images;

    McapSession(Path outputDir, Path staging, DatasetSpec spec, McapOptions options) throws IOException {
        super("MCAP", outputDir, staging);
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
    protected void write(EpisodeFrames episode, int index, IProgressMonitor m) throws IOException {
        Path file = staging().resolve(fileName(index));
        m.beginTask("Episode " + index + " (" + episode.sourceId() + ")", episode.length());
        try {
            EpisodeMcap.write(file, episode, index, spec, options, images, m);
        } catch (UncheckedIOException e) {
            throw new IOException(file + ": " + e.getCause().getMessage(), e.getCause());
        }
    }

    @Override
    protected String completionTask() {
        return "Publishing the MCAP files";
    }

    @Override
    protected int completionWork() {
        return 0;
    }

    @Override
    protected void complete(int episodeCount, IProgressMonitor monitor) throws IOException {
        if (!Files.isDirectory(staging())) {
            throw new IOException("Staging directory " + staging() + " has gone");
        }
    }

    @Override
    protected void release() {
        images.close();
    }
}
