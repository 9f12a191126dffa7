package dev.demoforge.export.hdf5.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Path;
import java.util.Map;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import dev.demoforge.export.api.DatasetSpec;
import dev.demoforge.export.api.ExportResult;
import dev.demoforge.export.api.ExportSession;
import dev.demoforge.export.api.VideoFrames;
import dev.demoforge.test.support.export.SyntheticEpisode;

/**
 * Memory stays bounded by one frame: a 600-frame 640x480 episode (553 MB of pixels) goes through each format while
 * the heap in use after a full GC is sampled as frames are pulled; it must not grow with the frames written.
 */
class MemoryBoundTest {

    static final int FRAMES = 600;
    static final long ALLOWED_GROWTH = 48L << 20;

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"aloha-hdf5", "aloha-hdf5+jpeg", "robomimic"})
    void heapDoesNotGrowWithTheFramesOfALongEpisode(String variant) throws Exception {
        DatasetSpec spec = new DatasetSpec("long", null, 30, SyntheticEpisode.spec().features().stream()
                .filter(f -> !f.key().equals(SyntheticEpisode.WRIST)).toList());
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long[] used = new long[2];
        SyntheticEpisode episode = new SyntheticEpisode(0, FRAMES, "long") {
            @Override
            public VideoFrames video(String key) {
                VideoFrames frames = super.video(key);
                return new VideoFrames() {
                    private int row;

                    @Override
                    public int width() {
                        return frames.width();
                    }

                    @Override
                    public int height() {
                        return frames.height();
                    }

                    @Override
                    public byte[] nextBgr() throws java.io.IOException {
                        if (row == 50 || row == FRAMES - 10) {
                            System.gc();
                            used[row == 50 ? 0 : 1] = memory.getHeapMemoryUsage().getUsed();
                        }
                        row++;
                        return frames.nextBgr();
                    }

                    @Override
                    public void close() throws java.io.IOException {
                        frames.close();
                    }
                };
            }
        };
        Map<String, String> options = variant.endsWith("+jpeg") ? Map.of("compress", "jpeg", "gzip", "1")
                : Map.of("gzip", "1");
        ExportResult result;
        try (ExportSession s = Hdf5FailureTest.exporter(variant).begin(tmp.resolve("out"), spec, options)) {
            s.writeEpisode(episode, new NullProgressMonitor());
            result = s.finish(new NullProgressMonitor());
        }
        assertEquals(FRAMES, result.frames());
        long growth = used[1] - used[0];
        System.out.printf("%s: heap in use after GC at frame 50: %.1f MB, at frame %d: %.1f MB (growth %.1f MB)"
                + " while %.0f MB of pixels went through%n", variant, used[0] / 1e6, FRAMES - 10, used[1] / 1e6,
                growth / 1e6, FRAMES * 640 * 480 * 3 / 1e6);
        assertTrue(used[0] > 0 && used[1] > 0, "both samples taken");
        assertTrue(growth < ALLOWED_GROWTH, "heap grew by " + growth / 1e6 + " MB over " + (FRAMES - 60)
                + " frames of 0.92 MB");
    }
}
