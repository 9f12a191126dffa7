package dev.demoforge.media;

import static dev.demoforge.media.TestVideos.FPS;
import static dev.demoforge.media.TestVideos.H;
import static dev.demoforge.media.TestVideos.W;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VideoRoundTripTest {

    private static final int FRAMES = 90;

    @TempDir
    Path dir;

    private static EncoderSettings settings(String name) {
        return switch (name) {
            case "capture" -> EncoderSettings.capture();
            case "dataset" -> EncoderSettings.dataset();
            default -> throw new IllegalArgumentException(name);
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"capture", "dataset"})
    void decodesEveryEncodedFrameCloseToTheInput(String preset) throws Exception {
        Path mp4 = dir.resolve(preset + ".mp4");
        TestVideos.encode(mp4, settings(preset), FRAMES);

        try (VideoDecoder dec = VideoDecoder.open(mp4)) {
            assertEquals(new VideoInfo("h264", "yuv420p", W, H, FPS, FRAMES, 3.0), dec.info());
            double worst = Double.POSITIVE_INFINITY;
            for (int i = 0; i < FRAMES; i++) {
                byte[] got = dec.nextBgr();
                assertTrue(got != null, "frame " + i + " missing");
                double psnr = TestVideos.psnr(TestVideos.frame(i), got);
                worst = Math.min(worst, psnr);
                assertTrue(psnr > 30, "frame " + i + " PSNR " + psnr + " dB");
            }
            assertNull(dec.nextBgr(), "more than " + FRAMES + " frames");
            System.out.printf("%s: worst frame PSNR %.1f dB%n", preset, worst);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"capture", "dataset"})
    void ffprobeSeesNinetyH264FramesAtThirtyFps(String preset) throws Exception {
        Path mp4 = dir.resolve(preset + ".mp4");
        TestVideos.encode(mp4, settings(preset), FRAMES);

        String json = TestVideos.ffprobeStreamJson(mp4);
        assertEquals("90", TestVideos.jsonValue(json, "nb_read_frames"), json);
        assertEquals("h264", TestVideos.jsonValue(json, "codec_name"), json);
        assertEquals("30/1", TestVideos.jsonValue(json, "r_frame_rate"), json);
        assertEquals("yuv420p", TestVideos.jsonValue(json, "pix_fmt"), json);
        assertEquals("Main", TestVideos.ffprobe(mp4, "-v", "error", "-select_streams", "v:0", "-show_entries",
                "stream=profile", "-of", "csv=p=0").strip(), "H.264 profile (CABAC)");
        List<Integer> keys = TestVideos.ffprobeKeyframes(mp4);
        int gop = settings(preset).gop();
        assertEquals(0, keys.getFirst(), "first frame is a keyframe: " + keys);
        for (int k = 1; k < keys.size(); k++) {
            assertTrue(keys.get(k) - keys.get(k - 1) <= gop, "a keyframe at least every " + gop + " frames: " + keys);
        }
        assertTrue(keys.size() >= FRAMES / gop, "keyframes " + keys);
    }

    @ParameterizedTest
    @ValueSource(strings = {"capture", "dataset"})
    void frameIIsPresentedAtExactlyIOverFps(String preset) throws Exception {
        Path mp4 = dir.resolve(preset + ".mp4");
        TestVideos.encode(mp4, settings(preset), FRAMES);

        long[] tb = TestVideos.ffprobeTimeBase(mp4);
        List<Long> pts = TestVideos.ffprobeFramePts(mp4);
        assertEquals(FRAMES, pts.size(), "frames with a pts");
        for (int i = 0; i < FRAMES; i++) {
            // pts * tbNum / tbDen == i / FPS, in integers
            assertEquals(i * tb[1], pts.get(i) * tb[0] * FPS, "pts of frame " + i + " (time base " + tb[0] + "/"
                    + tb[1] + ")");
        }
    }

    @Test
    void av1FileReportsCanonicalCodecNameAndDecodes() throws Exception {
        Path mp4 = dir.resolve("av1.mp4");
        EncoderSettings av1 = EncoderSettings.capture().withCodec("libsvtav1").withCrf(30, "10");
        TestVideos.encode(mp4, av1, 30);
        try (VideoDecoder dec = VideoDecoder.open(mp4)) {
            assertEquals(new VideoInfo("av1", "yuv420p", W, H, FPS, 30, 1.0), dec.info());
            assertTrue(TestVideos.psnr(TestVideos.frame(17), dec.frameBgr(17)) > 30, "frame 17");
        }
        assertEquals("av1", TestVideos.jsonValue(TestVideos.ffprobeStreamJson(mp4), "codec_name"));
    }

    @Test
    void fragmentedCaptureFileHasMoofBoxesAndDatasetFileHasMoovFirst() throws Exception {
        Path capture = dir.resolve("capture.mp4");
        Path dataset = dir.resolve("dataset.mp4");
        TestVideos.encode(capture, EncoderSettings.capture(), FRAMES);
        TestVideos.encode(dataset, EncoderSettings.dataset(), FRAMES);

        List<String> captureBoxes = Mp4Boxes.topLevel(capture);
        assertTrue(captureBoxes.contains("moof"), "capture boxes " + captureBoxes);
        assertTrue(captureBoxes.indexOf("moov") < captureBoxes.indexOf("moof"), "capture boxes " + captureBoxes);
        List<String> datasetBoxes = Mp4Boxes.topLevel(dataset);
        assertTrue(!datasetBoxes.contains("moof"), "dataset boxes " + datasetBoxes);
        assertTrue(datasetBoxes.indexOf("moov") < datasetBoxes.indexOf("mdat"), "faststart: " + datasetBoxes);
    }

    @Test
    void pathsWithColonsAndSpacesWork() throws Exception {
        Path sub = java.nio.file.Files.createDirectories(dir.resolve("episode 12:30"));
        Path mp4 = sub.resolve("cam:0.mp4");
        TestVideos.encode(mp4, EncoderSettings.capture(), 3);
        Path relative = Path.of("").toAbsolutePath().relativize(mp4.toAbsolutePath());
        try (VideoDecoder dec = VideoDecoder.open(relative)) {
            assertEquals(3, dec.info().frameCount());
            assertTrue(dec.nextBgr() != null);
        }
    }

    @Test
    void bgrImagesRoundTripThroughJava2D() {
        byte[] bgr = TestVideos.frame(7);
        java.awt.image.BufferedImage img = BgrImages.toImage(bgr, W, H);
        int x = 123;
        int y = 45;
        int o = (y * W + x) * 3;
        int expectedRgb = (bgr[o + 2] & 0xFF) << 16 | (bgr[o + 1] & 0xFF) << 8 | (bgr[o] & 0xFF);
        assertEquals(expectedRgb, img.getRGB(x, y) & 0xFFFFFF, "pixel (123,45)");
        assertEquals(java.util.Arrays.hashCode(bgr), java.util.Arrays.hashCode(BgrImages.toBgr(img)));

        java.awt.image.BufferedImage argb = new java.awt.image.BufferedImage(W, H,
                java.awt.image.BufferedImage.TYPE_INT_ARGB);
        argb.getGraphics().drawImage(img, 0, 0, null);
        assertTrue(java.util.Arrays.equals(bgr, BgrImages.toBgr(argb)), "via TYPE_INT_ARGB");
    }
}
