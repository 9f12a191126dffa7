package dev.demoforge.export.rlds.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;

import dev.demoforge.export.api.DatasetSpec;
import dev.demoforge.export.api.DatasetSplit;
import dev.demoforge.export.api.EpisodeFrames;
import dev.demoforge.export.api.ExportResult;
import dev.demoforge.export.api.ExportSession;
import dev.demoforge.export.rlds.internal.proto.Example;
import dev.demoforge.export.support.ImageEncoder;
import dev.demoforge.export.support.Staging;

/**
 * One RLDS export. Each episode becomes one Example appended to the open shard of its split ({@code train} when the
 * spec declares no splits); a shard is closed once it reaches the shard size or the next episode belongs to another
 * split, so an episode is never split and a shard holds one split. Splits are contiguous runs of episodes, so only
 * one shard is open at a time. Shards are written as {@code <name>-<split>.tfrecord-XXXXX} and renamed to
 * {@code ...-XXXXX-of-YYYYY} by {@link #finish} (each split's count is known only then), before the metadata is
 * written and the staging directory is published. Memory: one episode's Example (its vectors and encoded images).
 * One thread.
 */
final class RldsSession implements ExportSession {

    private enum State { OPEN, BROKEN, FINISHED, CLOSED }

    private final Path outputDir;
    private final Path staging;
    private final Path versionDir;
    private final DatasetSpec spec;
    private final StepLayout layout;
    private final RldsOptions options;
    private final String name;
    private final long startNanos = System.nanoTime();
    private final List<SplitShards> splits = new ArrayList<>();
    private final ImageEncoder images;
    private TfRecordWriter shard;
    private int episodes;
    private long frames;
    private State state = State.OPEN;

    RldsSession(Path outputDir, Path staging, DatasetSpec spec, StepLayout layout, RldsOptions options)
            throws IOException {
        this.outputDir = outputDir;
        this.staging = staging;
        this.spec = spec;
        this.layout = layout;
        this.options = options;
        this.name = RldsExporter.tfdsName(spec.name());
        this.versionDir = Files.createDirectories(staging.resolve(name).resolve(options.version()));
        ImageEncoder encoder;
        try {
            encoder = ImageEncoder.of(options.imageEncoding(), options.jpegQuality());
        } catch (IOException e) {
            Staging.deleteTree(staging);
            throw e;
        }
        this.images = encoder;
    }

    @Override
    public void writeEpisode(EpisodeFrames episode, IProgressMonitor monitor) throws IOException {
        requireOpen();
        IProgressMonitor m = monitor == null ? new NullProgressMonitor() : monitor;
        try {
            int n = episode.length();
            if (n <= 0) {
                throw new IOException("Episode '" + episode.sourceId() + "' has " + n
                        + " rows; an RLDS episode needs at least one step");
            }
            String split = splitOf(episodes, episode.sourceId());
            long videos = spec.videoFeatures().size();
            m.beginTask("Episode " + episodes + " (" + episode.sourceId() + ")", (int) (n * videos + 1));
            Example example = EpisodeExample.build(episode, layout, images, m);
            if (m.isCanceled()) {
                throw new OperationCanceledException();
            }
            SplitShards current = splits.isEmpty() ? null : splits.getLast();
            if (current == null || !current.name().equals(split)) {
                if (shard != null) {
                    closeShard();
                }
                current = new SplitShards(split);
                splits.add(current);
            }
            if (shard == null) {
                Path file = versionDir.resolve(String.format("%s-%s.tfrecord-%05d", name, split,
                        current.files().size()));
                shard = new TfRecordWriter(file);
                current.files().add(file);
            }
            shard.write(example);
            m.worked(1);
            episodes++;
            frames += n;
            if (shard.bytes() >= options.shardBytes()) {
                closeShard();
            }
        } catch (IOException | RuntimeException e) {
            state = State.BROKEN;
            throw e;
        } finally {
            m.done();
        }
    }

    /** The split of episode {@code index}: {@code train} without declared splits, else the one containing it. */
    private String splitOf(int index, String sourceId) throws IOException {
        if (spec.splits().isEmpty()) {
            return TfdsMetadata.DEFAULT_SPLIT;
        }
        for (DatasetSplit s : spec.splits()) {
            if (s.contains(index)) {
                return s.name();
            }
        }
        throw new IOException("Episode " + index + " ('" + sourceId + "') lies in none of the splits "
                + spec.splits() + " of dataset '" + spec.name() + "'; an RLDS episode is stored in one split");
    }

    private void closeShard() throws IOException {
        shard.close();
        SplitShards current = splits.getLast();
        current.lengths().add(shard.records());
        current.addBytes(shard.bytes());
        shard = null;
    }

    @Override
    public ExportResult finish(IProgressMonitor monitor) throws IOException {
        requireOpen();
        IProgressMonitor m = monitor == null ? new NullProgressMonitor() : monitor;
        try {
            if (episodes == 0) {
                throw new IOException("No episode was written; an RLDS export needs at least one");
            }
            m.beginTask("Completing the RLDS dataset", 2);
            if (m.isCanceled()) {
                throw new OperationCanceledException();
            }
            spec.checkSplits(episodes);
            if (shard != null) {
                closeShard();
            }
            for (SplitShards split : splits) {
                int count = split.files().size();
                for (Path p : split.files()) {
                    Files.move(p, p.resolveSibling(p.getFileName() + String.format("-of-%05d", count)));
                }
            }
            TfdsMetadata.write(versionDir.resolve("features.json"),
                    TfdsMetadata.features(layout, options.imageEncoding()));
            TfdsMetadata.write(versionDir.resolve("dataset_info.json"),
                    TfdsMetadata.datasetInfo(name, options.version(), spec, splits));
            m.worked(1);
            if (m.isCanceled()) {
                throw new OperationCanceledException();
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
        images.close();
        if (was == State.FINISHED || was == State.CLOSED) {
            return;
        }
        if (shard != null) {
            try {
                shard.close();
            } catch (IOException e) {
                // abandoned: the staging directory is deleted next
            }
        }
        Staging.deleteTree(staging);
    }

    private void requireOpen() {
        if (state != State.OPEN) {
            throw new IllegalStateException("RLDS export session for " + outputDir + " is " + state
                    + "; only close() is possible");
        }
    }
}
