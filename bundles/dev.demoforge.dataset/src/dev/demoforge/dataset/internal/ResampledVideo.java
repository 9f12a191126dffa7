package dev.demoforge.dataset.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

import dev.demoforge.export.api.SourceVideo;
import dev.demoforge.export.api.VideoFrames;
import dev.demoforge.media.VideoDecoder;

/**
 * A camera's MP4 read in dataset-row order: row r shows the MP4's frame {@code frameOfRow[r]} (non-decreasing),
 * so frames are repeated or skipped where the camera ran slower or faster than the reference; where no frame is
 * repeated or skipped, {@link #source()} names the recording so an exporter can copy its packets. Decodes
 * sequentially; one frame in memory.
 */
final class ResampledVideo implements VideoFrames {

    private final Path mp4;
    private final VideoDecoder decoder;
    private final int[] frameOfRow;
    private int row;
    private int decodedIndex = -1;
    private byte[] decoded;

    ResampledVideo(Path mp4, int[] frameOfRow) throws IOException {
        this.mp4 = mp4;
        this.decoder = VideoDecoder.open(mp4);
        this.frameOfRow = frameOfRow;
    }

    @Override
    public int width() {
        return decoder.info().width();
    }

    @Override
    public int height() {
        return decoder.info().height();
    }

    /** The recording itself when the rows show consecutive frames of it, each once. */
    @Override
    public Optional<SourceVideo> source() {
        if (frameOfRow.length == 0) {
            return Optional.empty();
        }
        for (int r = 1; r < frameOfRow.length; r++) {
            if (frameOfRow[r] != frameOfRow[0] + r) {
                return Optional.empty();
            }
        }
        return Optional.of(new SourceVideo(mp4, frameOfRow[0], frameOfRow.length));
    }

    @Override
    public byte[] nextBgr() throws IOException {
        if (row >= frameOfRow.length) {
            return null;
        }
        int wanted = frameOfRow[row++];
        while (decodedIndex < wanted) {
            byte[] next = decoder.nextBgr();
            if (next == null) {
                throw new IOException("Video ended at frame " + (decodedIndex + 1) + ", row needs frame " + wanted);
            }
            decoded = next;
            decodedIndex++;
        }
        return decoded.clone();
    }

    @Override
    public void close() throws IOException {
        decoder.close();
    }
}
