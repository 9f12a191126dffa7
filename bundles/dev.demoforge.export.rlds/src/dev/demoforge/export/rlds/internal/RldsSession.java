package dev.demoforge.export.rlds.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;

import dev.demoforge.export.api.DatasetSpec;
import dev.demoforge.export.api.DatasetSplit;
import dev.demoforge.export.api.EpisodeFrames;
import dev.demoforge.export.rlds.internal.proto.Example;
import dev.demoforge.export.support.ImageEncoder;
import dev.demoforge.export.support.StagedExportSession;
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
final class RldsSession extends StagedExportSession {

    private final Path versionDir;
    private final DatasetSpec spec;
    private final StepLayout layout;
    private final RldsOptions options;
    private final String name;
    private final List<SplitShards> splits = new ArrayList<>();
    private final ImageEncoder images;
    private TfRecordWriter shard;

    RldsSession(Path outputDir, Path staging, DatasetSpec spec, StepLayout layout, RldsOptions options)
            throws IOException {
        super("RLDS", outputDir, staging);
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
    protected void write(EpisodeFrames episode, int index, IProgressMonitor m) throws IOException {
        String split = splitOf(index, episode.sourceId());
        long videos = spec.videoFeatures().size();
        m.beginTask("Episode " + index + " (" + episode.sourceId() + ")", (int) (episode.length() * videos + 1));
        Example example = EpisodeExample.build(episode, layout, images, m);
        checkCanceled(m);
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
        if (shard.bytes() >= options.shardBytes()) {
            closeShard();
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
    protected String completionTask() {
        return "Completing the RLDS dataset";
    }

    @Override
    protected void complete(int episodeCount, IProgressMonitor m) throws IOException {
        spec.checkSplits(episodeCount);
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
    }

    @Override
    protected void release() {
        images.close();
    }

    @Override
    protected void abandon() throws IOException {
        if (shard != null) {
            shard.close();
        }
    }
}
