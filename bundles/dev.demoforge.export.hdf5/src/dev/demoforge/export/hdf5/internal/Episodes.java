package dev.demoforge.export.hdf5.internal;

import dev.demoforge.export.support.EpisodeInputs;
import java.io.IOException;
import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;

import dev.demoforge.export.api.EpisodeFrames;
import dev.demoforge.export.api.FeatureSpec;
import dev.demoforge.export.api.VideoFrames;

/** Checked reads of one episode's vectors and frames; every complaint names the episode, the feature and the row. */
final class Episodes {

    private Episodes() {
    }

    static void checkCanceled(IProgressMonitor m) {
        if (m.isCanceled()) {
            throw new OperationCanceledException();
        }
    }

    /** The features' values side by side, in order: {@code length() x sum(width)}. */
    static float[][] concat(EpisodeFrames ep, List<FeatureSpec> features) throws IOException {
        int width = features.stream().mapToInt(FeatureSpec::width).sum();
        float[][] out = new float[ep.length()][width];
        int offset = 0;
        for (FeatureSpec f : features) {
            float[][] v = EpisodeInputs.vectors(ep, f);
            for (int r = 0; r < v.length; r++) {
                System.arraycopy(v[r], 0, out[r], offset, f.width());
            }
            offset += f.width();
        }
        return out;
    }

    /**
     * Frames of a video feature in row order, as the arrays to store: packed {@code H x W x 3} at the stored size,
     * in RGB (the source's BGR swapped) or BGR order. One frame buffer, reused: {@link Frames#next()} returns the
     * same array each time.
     */
    static Frames frames(EpisodeFrames ep, FeatureSpec f, boolean rgb, ImageSize size) throws IOException {
        VideoFrames source = ep.video(f.key());
        if (source.width() != f.imageWidth() || source.height() != f.imageHeight()) {
            String actual = source.width() + "x" + source.height();
            source.close();
            throw new IOException("Episode '" + ep.sourceId() + "' video '" + f.key() + "' is " + actual
                    + ", the dataset declares " + f.imageWidth() + "x" + f.imageHeight());
        }
        return new Frames(ep, f, source, rgb, size);
    }

    /** A checked, colour-ordered view of one {@link VideoFrames}. */
    static final class Frames implements AutoCloseable {
        private final EpisodeFrames ep;
        private final FeatureSpec feature;
        private final VideoFrames source;
        private final boolean rgb;
        private final byte[] buffer;
        private final Resampler resampler;
        private final byte[] resized;
        private int row;

        private Frames(EpisodeFrames ep, FeatureSpec feature, VideoFrames source, boolean rgb, ImageSize size) {
            this.ep = ep;
            this.feature = feature;
            this.source = source;
            this.rgb = rgb;
            this.buffer = new byte[feature.imageWidth() * feature.imageHeight() * 3];
            int w = size.widthOf(feature);
            int h = size.heightOf(feature);
            boolean same = w == feature.imageWidth() && h == feature.imageHeight();
            this.resampler = same ? null : new Resampler(feature.imageWidth(), feature.imageHeight(), w, h);
            this.resized = same ? null : new byte[w * h * 3];
        }

        /** The next row's frame (the shared buffer). */
        byte[] next() throws IOException {
            byte[] bgr = source.nextBgr();
            if (bgr == null) {
                throw new IOException("Episode '" + ep.sourceId() + "' video '" + feature.key() + "' ended after "
                        + row + " frames; the episode has " + ep.length() + " rows");
            }
            if (bgr.length != buffer.length) {
                throw new IOException("Episode '" + ep.sourceId() + "' video '" + feature.key() + "' frame " + row
                        + " has " + bgr.length + " bytes, expected " + feature.imageWidth() + "x"
                        + feature.imageHeight() + "x3");
            }
            if (rgb) {
                for (int p = 0; p < buffer.length; p += 3) {
                    buffer[p] = bgr[p + 2];
                    buffer[p + 1] = bgr[p + 1];
                    buffer[p + 2] = bgr[p];
                }
            } else {
                System.arraycopy(bgr, 0, buffer, 0, buffer.length);
            }
            row++;
            if (resampler == null) {
                return buffer;
            }
            resampler.resize(buffer, resized);
            return resized;
        }

        /** Fails if the source holds more frames than the episode has rows. */
        void expectEnd() throws IOException {
            if (source.nextBgr() != null) {
                throw new IOException("Episode '" + ep.sourceId() + "' video '" + feature.key()
                        + "' has more than its " + ep.length() + " rows of frames");
            }
        }

        @Override
        public void close() throws IOException {
            source.close();
        }
    }
}
