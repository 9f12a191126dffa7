package dev.demoforge.export.hdf5.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;

import dev.demoforge.export.api.DatasetSpec;
import dev.demoforge.export.api.DatasetSplit;
import dev.demoforge.export.api.EpisodeFrames;
import dev.demoforge.export.api.FeatureSpec;
import dev.demoforge.export.support.EpisodeInputs;
import dev.demoforge.export.support.ImageEncoder;

/**
 * One ALOHA export: each episode becomes {@code episode_<i>.hdf5} in the staging directory, complete and closed
 * before the next begins. Frames are written one at a time; the JPEG variant first encodes every frame of the
 * episode into a spill file in the staging directory (the padded row size is the longest JPEG of the episode, known
 * only at the end), then copies them into place. One thread.
 */
final class AlohaSession extends Hdf5Session {

    private final AlohaOptions options;

    AlohaSession(Path outputDir, Path staging, DatasetSpec spec, AlohaOptions options) {
        super("ALOHA", outputDir, staging, spec);
        this.options = options;
    }

    @Override
    protected void write(EpisodeFrames ep, int index, IProgressMonitor m) throws IOException {
        int n = ep.length();
        List<FeatureSpec> videos = mapping.videos();
        m.beginTask("Episode " + index + " (" + ep.sourceId() + ")", 1 + n * videos.size() * (options.jpeg() ? 2 : 1));
        float[][] qpos = Episodes.concat(ep, mapping.states());
        float[][] action = Episodes.concat(ep, mapping.actions());
        int d = Mapping.width(mapping.states());
        Layout layout = options.layout();
        try (Hdf5File h = Hdf5File.create(staging.resolve("episode_" + index + ".hdf5"))) {
            h.attrBool("/", "sim", options.sim());
            if (options.jpeg()) {
                h.attrBool("/", "compress", true);
            }
            h.attrString("/", "task", ep.task());
            h.attrString("/", "source_episode", ep.sourceId());
            for (DatasetSplit split : spec.splits()) {
                if (split.contains(index)) {
                    h.attrString("/", "split", split.name());
                }
            }
            h.attrLong("/", "fps", spec.fps());
            h.attrStrings("/", "camera_names", videos.stream().map(Mapping::shortName).toList());
            h.group("/observations");
            h.group("/observations/images");
            h.floats("/observations/qpos", qpos, d, layout);
            h.floats("/observations/qvel", Velocity.of(qpos, spec.fps()), d, layout);
            h.floats("/observations/effort", new float[n][d], d, layout);
            for (FeatureSpec f : mapping.vectors()) {
                h.floats("/observations/" + Mapping.shortName(f), EpisodeInputs.vectors(ep, f), f.width(), layout);
            }
            h.floats("/action", action, Mapping.width(mapping.actions()), layout);
            m.worked(1);
            if (options.jpeg()) {
                writeJpeg(h, ep, m);
            } else {
                for (FeatureSpec f : videos) {
                    writeRaw(h, ep, f, m);
                }
            }
        }
    }

    private void writeRaw(Hdf5File h, EpisodeFrames ep, FeatureSpec f, IProgressMonitor m) throws IOException {
        ImageSize size = options.imageSize();
        long[] frame = {size.heightOf(f), size.widthOf(f), 3};
        try (FrameDataset d = h.frames("/observations/images/" + Mapping.shortName(f), ep.length(), frame,
                options.layout()); Episodes.Frames frames = Episodes.frames(ep, f, options.rgb(), size)) {
            for (int r = 0; r < ep.length(); r++) {
                Episodes.checkCanceled(m);
                d.write(r, frames.next());
                m.worked(1);
            }
            frames.expectEnd();
        }
    }

    private void writeJpeg(Hdf5File h, EpisodeFrames ep, IProgressMonitor m) throws IOException {
        int n = ep.length();
        List<FeatureSpec> videos = mapping.videos();
        int[][] lengths = new int[videos.size()][n];
        Path spill = Files.createTempFile(staging, ".jpeg-", ".spill");
        try (FileChannel ch = FileChannel.open(spill, StandardOpenOption.READ, StandardOpenOption.WRITE);
                // byte 0 of each pixel is blue to the encoder, as cv2.imencode takes an array, so cv2.imdecode gives
                // back the array in the order it was stored
                ImageEncoder jpeg = ImageEncoder.of("jpeg", options.jpegQuality())) {
            for (int c = 0; c < videos.size(); c++) {
                FeatureSpec f = videos.get(c);
                ImageSize size = options.imageSize();
                try (Episodes.Frames frames = Episodes.frames(ep, f, options.rgb(), size)) {
                    for (int r = 0; r < n; r++) {
                        Episodes.checkCanceled(m);
                        byte[] bytes = jpeg.encode(frames.next(), size.widthOf(f), size.heightOf(f));
                        lengths[c][r] = bytes.length;
                        ByteBuffer b = ByteBuffer.wrap(bytes);
                        while (b.hasRemaining()) {
                            ch.write(b);
                        }
                        m.worked(1);
                    }
                    frames.expectEnd();
                }
            }
            int padded = Arrays.stream(lengths).flatMapToInt(Arrays::stream).max().orElse(1);
            byte[] row = new byte[padded];
            ch.position(0);
            float[] compressLen = new float[videos.size() * n];
            for (int c = 0; c < videos.size(); c++) {
                try (FrameDataset d = h.frames("/observations/images/" + Mapping.shortName(videos.get(c)), n,
                        new long[] {padded}, options.layout())) {
                    for (int r = 0; r < n; r++) {
                        Episodes.checkCanceled(m);
                        Arrays.fill(row, (byte) 0);
                        ByteBuffer b = ByteBuffer.wrap(row, 0, lengths[c][r]);
                        while (b.hasRemaining()) {
                            if (ch.read(b) < 0) {
                                throw new IOException("JPEG spill file " + spill + " ended early");
                            }
                        }
                        d.write(r, row);
                        compressLen[c * n + r] = lengths[c][r];
                        m.worked(1);
                    }
                }
            }
            h.floats("/compress_len", compressLen, videos.size(), n, options.layout());
        } finally {
            Files.deleteIfExists(spill);
        }
    }

    @Override
    protected void complete(int episodeCount, IProgressMonitor monitor) {
        // every episode file was completed and closed by write(), also when it failed or was cancelled
        monitor.worked(1);
    }
}
