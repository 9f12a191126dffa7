package dev.demoforge.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BadInputTest {

    @TempDir
    Path dir;

    private static void assertNames(MediaException e, String what) {
        assertTrue(e.getMessage().contains(what), "message should name " + what + ": " + e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"libx264", "no-such-encoder"})
    void missingEncoderIsRefusedByName(String codec) {
        Path mp4 = dir.resolve("x.mp4");
        MediaException e = assertThrows(MediaException.class,
                () -> VideoEncoder.open(mp4, 64, 48, 30, EncoderSettings.capture().withCodec(codec)));
        assertNames(e, "'" + codec + "'");
        assertFalse(Files.exists(mp4), "no file written on refusal");
    }

    @Test
    void oddFrameSizeAndWrongBufferLengthAreRefused() throws Exception {
        Path mp4 = dir.resolve("odd.mp4");
        assertNames(assertThrows(MediaException.class,
                () -> VideoEncoder.open(mp4, 641, 480, 30, EncoderSettings.capture())), "641x480");
        try (VideoEncoder enc = VideoEncoder.open(mp4, 64, 48, 30, EncoderSettings.capture())) {
            MediaException e = assertThrows(MediaException.class, () -> enc.encodeBgr(new byte[100]));
            assertNames(e, "100 bytes");
            assertNames(e, "9216");
            assertEquals(0, enc.framesWritten());
        }
    }

    @Test
    void missingFileIsNamed() {
        Path mp4 = dir.resolve("does-not-exist.mp4");
        assertNames(assertThrows(MediaException.class, () -> VideoDecoder.open(mp4)), mp4.toString());
    }

    @Test
    void randomBytesAreNamedAsUnreadable() throws Exception {
        Path mp4 = dir.resolve("noise.mp4");
        byte[] junk = new byte[64 * 1024];
        new Random(1).nextBytes(junk);
        Files.write(mp4, junk);
        assertNames(assertThrows(MediaException.class, () -> VideoDecoder.open(mp4)), mp4.toString());
    }

    @Test
    void textFileIsNamedAsNotAVideo() throws Exception {
        Path txt = dir.resolve("notes.mp4");
        Files.writeString(txt, "episode 12: the arm dropped the cup\n".repeat(200), StandardCharsets.UTF_8);
        assertNames(assertThrows(MediaException.class, () -> VideoDecoder.open(txt)), txt.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"capture", "dataset"})
    void fileTruncatedToHundredBytesIsNamed(String preset) throws Exception {
        Path good = dir.resolve(preset + ".mp4");
        TestVideos.encode(good, preset.equals("capture") ? EncoderSettings.capture() : EncoderSettings.dataset(),
                60);
        Path cut = dir.resolve(preset + "-cut.mp4");
        Files.write(cut, Arrays.copyOf(Files.readAllBytes(good), 100));
        assertNames(assertThrows(MediaException.class, () -> VideoDecoder.open(cut)), cut.toString());
    }

    @Test
    void usingAClosedDecoderIsNamed() throws Exception {
        Path mp4 = dir.resolve("c.mp4");
        TestVideos.encode(mp4, EncoderSettings.capture(), 3);
        VideoDecoder dec = VideoDecoder.open(mp4);
        dec.close();
        assertNames(assertThrows(MediaException.class, dec::nextBgr), mp4.toString());
    }
}
