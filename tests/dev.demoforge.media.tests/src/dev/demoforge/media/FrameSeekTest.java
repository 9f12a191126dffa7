package dev.demoforge.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FrameSeekTest {

    private static final int FRAMES = 90;

    @TempDir
    Path dir;

    private List<byte[]> decodeAll(Path mp4) throws MediaException {
        List<byte[]> frames = new ArrayList<>();
        try (VideoDecoder dec = VideoDecoder.open(mp4)) {
            for (byte[] f = dec.nextBgr(); f != null; f = dec.nextBgr()) {
                frames.add(f);
            }
        }
        return frames;
    }

    @ParameterizedTest
    @ValueSource(strings = {"capture", "dataset"})
    void seekingToAnyIndexGivesTheSameBytesAsSequentialDecoding(String preset) throws Exception {
        Path mp4 = dir.resolve(preset + ".mp4");
        EncoderSettings s = preset.equals("capture") ? EncoderSettings.capture() : EncoderSettings.dataset();
        TestVideos.encode(mp4, s, FRAMES);
        List<byte[]> sequential = decodeAll(mp4);
        assertEquals(FRAMES, sequential.size());

        Random rnd = new Random(42);
        List<Integer> indices = new ArrayList<>(List.of(0, FRAMES - 1, FRAMES - 1, 29, 30, 31, 59, 60, 1, 89, 0, 0, 45, 44, 44));
        for (int k = 0; k < 40; k++) {
            indices.add(rnd.nextInt(FRAMES));
        }
        try (VideoDecoder dec = VideoDecoder.open(mp4)) {
            for (int index : indices) {
                assertArrayEquals(sequential.get(index), dec.frameBgr(index), "frame " + index + " after seek");
                assertEquals(index + 1, dec.nextIndex());
            }
            dec.frameBgr(10);
            assertArrayEquals(sequential.get(11), dec.nextBgr(), "sequential read continues after a seek");
        }
        try (VideoDecoder dec = VideoDecoder.open(mp4)) {
            while (dec.nextBgr() != null) {
                // read to the end
            }
            for (int index : new int[] {FRAMES - 1, FRAMES - 1, FRAMES - 2, FRAMES - 1, 0, 0, 1, 0}) {
                assertArrayEquals(sequential.get(index), dec.frameBgr(index), "frame " + index + " after the end");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, FRAMES, Integer.MAX_VALUE})
    void seekingOutsideTheFileNamesIndexAndFile(int index) throws Exception {
        Path mp4 = dir.resolve("short.mp4");
        TestVideos.encode(mp4, EncoderSettings.capture(), FRAMES);
        try (VideoDecoder dec = VideoDecoder.open(mp4)) {
            MediaException e = assertThrows(MediaException.class, () -> dec.frameBgr(index));
            assertTrue(e.getMessage().contains("Frame " + index) && e.getMessage().contains(mp4.toString()),
                    e.getMessage());
        }
    }
}
