package dev.demoforge.export.lerobot.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import dev.demoforge.export.api.ExportResult;
import dev.demoforge.export.api.ExportSession;
import dev.demoforge.export.api.VideoFrames;

/** The chunk/file counters of formats.md §1.1 and the size rule of §1.5/§1.9. */
class ChunkRolloverTest {

    @TempDir
    Path tmp;

    /** The synthetic episode with strong per-pixel noise, so that its video does not compress to almost nothing. */
    static final class NoisyEpisode extends SyntheticEpisode {
        private final int episode;

        NoisyEpisode(int episode, int length) {
            super(episode, length, "t");
            this.episode = episode;
        }

        @Override
        public VideoFrames video(String featureKey) {
            VideoFrames clean = super.video(featureKey);
            return new VideoFrames() {
                private int row;

                @Override
                public int width() {
                    return clean.width();
                }

                @Override
                public int height() {
                    return clean.height();
                }

                @Override
                public byte[] nextBgr() throws IOException {
                    byte[] f = clean.nextBgr();
                    if (f != null) {
                        byte[] noise = new byte[f.length];
                        new Random(episode * 100_000L + row++).nextBytes(noise);
                        for (int k = 0; k < f.length; k++) {
                            f[k] = (byte) Math.max(0, Math.min(255, (f[k] & 0xff) + (noise[k] >> 2)));
                        }
                    }
                    return f;
                }

                @Override
                public void close() throws IOException {
                    clean.close();
                }
            };
        }
    }

    @Test
    void counterMovesToNextChunkAfterChunksSizeFiles() {
        ChunkFile c = ChunkFile.FIRST.next(3).next(3);
        assertEquals(new ChunkFile(0, 2), c);
        assertEquals(new ChunkFile(1, 0), c.next(3));
        assertEquals("videos/observation.images.top/chunk-001/file-000.mp4", c.next(3).videoPath("observation.images.top"));
        assertEquals("data/chunk-000/file-002.parquet", c.dataPath());
    }

    @Test
    void sizeRuleEstimatesTheNextItemFromTheCurrentFile() {
        long mb = 1024 * 1024;
        assertFalse(ChunkFile.wouldOverflow(0, 0, 1_000_000, 1), "an empty file never overflows");
        assertFalse(ChunkFile.wouldOverflow(40 * mb, 100, 100, 100), "40 + 40 < 100");
        assertTrue(ChunkFile.wouldOverflow(50 * mb, 100, 100, 100), "50 + 50 >= 100");
    }

    @Test
    void videosRollOverToNewFilesAndChunksWithTimestampsRestartingAtZero() throws Exception {
        Path out = tmp.resolve("rollover");
        int[] lengths = {90, 90, 90};
        Map<String, String> options = Map.of(LeRobotOptions.VIDEO_MB, "1", LeRobotOptions.CHUNKS_SIZE, "2");
        ExportResult result;
        try (ExportSession s = ExporterService.lerobot().begin(out, SyntheticEpisode.sceneOnlySpec(), options)) {
            for (int e = 0; e < lengths.length; e++) {
                s.writeEpisode(new NoisyEpisode(e, lengths[e]), new NullProgressMonitor());
            }
            result = s.finish(new NullProgressMonitor());
        }
        System.out.printf("LeRobot export of %d noisy 640x480 frames (H.264): %.2f MB in %.2f s = %.2f MB/s, "
                + "%.0f frames/s%n", result.frames(), result.bytes() / 1e6, result.elapsed().toNanos() / 1e9,
                result.megabytesPerSecond(), result.framesPerSecond());
        List<String> files = List.of("chunk-000/file-000", "chunk-000/file-001", "chunk-001/file-000");
        for (int e = 0; e < 3; e++) {
            Path mp4 = out.resolve("videos/" + SyntheticEpisode.SCENE + "/" + files.get(e) + ".mp4");
            JsonObject stream = Readers.ffprobe(mp4).getAsJsonArray("streams").get(0).getAsJsonObject();
            assertEquals(lengths[e], stream.get("nb_frames").getAsInt(), mp4.toString());
        }
        Path meta = out.resolve("meta/episodes/chunk-000/file-000.parquet");
        JsonArray rows = Readers.parquet(true, meta).getAsJsonObject(meta.toAbsolutePath().toString())
                .getAsJsonArray("rows");
        String p = "videos/" + SyntheticEpisode.SCENE + "/";
        int[][] expected = {{0, 0}, {0, 1}, {1, 0}};
        for (int e = 0; e < 3; e++) {
            JsonObject r = rows.get(e).getAsJsonObject();
            assertEquals(expected[e][0], r.get(p + "chunk_index").getAsInt(), "chunk of episode " + e);
            assertEquals(expected[e][1], r.get(p + "file_index").getAsInt(), "file of episode " + e);
            assertEquals(0.0, r.get(p + "from_timestamp").getAsDouble(), "episode " + e + " starts its file");
            assertEquals(3.0, r.get(p + "to_timestamp").getAsDouble(), 1e-9);
            assertEquals(0, r.get("data/file_index").getAsInt(), "data stays in one file");
        }
    }
}
