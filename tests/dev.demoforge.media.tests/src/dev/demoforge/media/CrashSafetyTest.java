package dev.demoforge.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A recording process that is killed leaves the file as it is on disk at that moment. The test copies the
 * bytes of a capture file while its encoder is still open (nothing closed, no trailer written): exactly the
 * state a kill would leave, since every completed fragment has already been handed to the OS.
 */
class CrashSafetyTest {

    private static final int FRAMES = 150;

    @TempDir
    Path dir;

    @Test
    void copyOfAnOpenCaptureFileDecodesUpToTheLastKeyframe() throws Exception {
        EncoderSettings s = EncoderSettings.capture();
        int gop = s.gop();
        Path live = dir.resolve("live.mp4");
        Path killed = dir.resolve("killed.mp4");
        try (VideoEncoder enc = VideoEncoder.open(live, TestVideos.W, TestVideos.H, TestVideos.FPS, s)) {
            for (int i = 0; i < FRAMES; i++) {
                enc.encodeBgr(TestVideos.frame(i));
            }
            Files.copy(live, killed);
        }

        // a fragment (keyframe .. frame before the next keyframe) is written when the next keyframe is encoded,
        // so the killed file ends just before the last keyframe; the encoder may add keyframes (scene cuts),
        // never fewer than one per GOP
        List<Integer> keys = TestVideos.ffprobeKeyframes(live);
        for (int k = 1; k < keys.size(); k++) {
            assertTrue(keys.get(k) - keys.get(k - 1) <= gop, "keyframes " + keys);
        }
        int expected = keys.getLast();
        int lost = FRAMES - expected;
        assertTrue(lost >= 1 && lost <= gop, "loses at most one GOP: keyframes " + keys);
        System.out.printf("crash safety: %d of %d frames survive (GOP %d, %d lost = %.2f s), keyframes %s%n",
                expected, FRAMES, gop, lost, lost / (double) TestVideos.FPS, keys);

        String json = TestVideos.ffprobeStreamJson(killed);
        assertEquals(Integer.toString(expected), TestVideos.jsonValue(json, "nb_read_frames"), json);
        assertEquals("h264", TestVideos.jsonValue(json, "codec_name"), json);

        try (VideoDecoder full = VideoDecoder.open(live); VideoDecoder dec = VideoDecoder.open(killed)) {
            assertEquals(FRAMES, full.info().frameCount(), "closed file");
            assertEquals(expected, dec.info().frameCount(), "frames in the killed file");
            for (int i = 0; i < expected; i++) {
                byte[] got = dec.nextBgr();
                assertArrayEquals(full.nextBgr(), got, "frame " + i + " differs from the closed file");
                assertTrue(TestVideos.psnr(TestVideos.frame(i), got) > 30, "frame " + i);
            }
            assertNull(dec.nextBgr(), "frames beyond " + expected);
            byte[] last = dec.frameBgr(expected - 1);
            assertArrayEquals(full.frameBgr(expected - 1), last, "seek to the last surviving frame");
        }
    }

    /**
     * A kill in the middle of writing a fragment leaves part of it on disk: the demuxer must not count the cut
     * frame, and {@link Mp4Recovery} cuts the file back to the last complete fragment, which FFmpeg and ffprobe
     * then read in full. The cut points land inside the {@code moof} header, inside the {@code moof} body and
     * inside the {@code mdat}.
     */
    @ParameterizedTest
    @ValueSource(ints = {4, 100, 5_000, 40_000})
    void partiallyWrittenFragmentIsCutBackToTheLastCompleteOne(int extraBytes) throws Exception {
        EncoderSettings s = EncoderSettings.capture();
        Path live = dir.resolve("live.mp4");
        long killedSize;
        try (VideoEncoder enc = VideoEncoder.open(live, TestVideos.W, TestVideos.H, TestVideos.FPS, s)) {
            for (int i = 0; i < FRAMES; i++) {
                enc.encodeBgr(TestVideos.frame(i));
            }
            killedSize = Files.size(live);
        }
        int complete = TestVideos.ffprobeKeyframes(live).getLast();
        byte[] full = Files.readAllBytes(live);
        assertTrue(killedSize + extraBytes < full.length, "cut inside the last fragment");
        Path cut = dir.resolve("cut.mp4");
        Files.write(cut, Arrays.copyOf(full, (int) killedSize + extraBytes));

        if (extraBytes >= 5_000) {
            try (VideoDecoder dec = VideoDecoder.open(cut)) {
                int decoded = 0;
                while (dec.nextBgr() != null) {
                    decoded++;
                }
                assertEquals(dec.info().frameCount(), decoded, "frameCount counts only decodable frames");
                assertTrue(decoded >= complete, "decoded " + decoded);
            }
        }

        assertEquals(extraBytes, Mp4Recovery.truncateIncompleteTail(cut), "bytes removed");
        assertEquals(killedSize, Files.size(cut));
        assertEquals(0, Mp4Recovery.truncateIncompleteTail(cut), "second repair is a no-op");
        String json = TestVideos.ffprobeStreamJson(cut);
        assertEquals(Integer.toString(complete), TestVideos.jsonValue(json, "nb_read_frames"), json);
        try (VideoDecoder dec = VideoDecoder.open(cut)) {
            assertEquals(complete, dec.info().frameCount());
            assertTrue(TestVideos.psnr(TestVideos.frame(complete - 1), dec.frameBgr(complete - 1)) > 30);
        }
    }

    @Test
    void repairRefusesANonMp4File() throws Exception {
        Path txt = dir.resolve("notes.mp4");
        Files.writeString(txt, "not a video at all");
        MediaException e = assertThrows(MediaException.class, () -> Mp4Recovery.truncateIncompleteTail(txt));
        assertTrue(e.getMessage().contains(txt.toString()), e.getMessage());
        assertEquals(18, Files.size(txt), "untouched");
    }
}
