package dev.demoforge.export.hdf5.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import dev.demoforge.test.support.export.SyntheticEpisode;

/**
 * The mobile-aloha JPEG variant ({@code compress=jpeg}): padded JPEG rows, {@code compress_len}, decoded by ffmpeg
 * (not the writer's ImageIO) in the channel order {@code cv2.imdecode} returns.
 */
class AlohaJpegTest {

    static final int[] LENGTHS = {24, 17};

    @TempDir
    static Path tmp;
    static JsonObject report;

    @BeforeAll
    static void export() throws Exception {
        Exports.run(ExporterService.aloha(), tmp.resolve("aloha-jpeg"), Map.of("compress", "jpeg"), LENGTHS);
        report = Readers.check("aloha", tmp.resolve("aloha-jpeg"));
    }

    @Test
    void rowsArePaddedToTheLongestJpegOfTheEpisodeWithOneRowChunks() {
        for (int e = 0; e < LENGTHS.length; e++) {
            JsonObject f = file(e);
            JsonObject ds = f.getAsJsonObject("datasets");
            JsonObject scene = ds.getAsJsonObject("observations/images/scene");
            JsonObject wrist = ds.getAsJsonObject("observations/images/wrist");
            assertEquals("|u1", scene.get("dtype").getAsString());
            int padded = scene.getAsJsonArray("shape").get(1).getAsInt();
            assertEquals("[" + LENGTHS[e] + "," + padded + "]", scene.get("shape").toString());
            assertEquals(scene.get("shape"), wrist.get("shape"), "both cameras share the padded size");
            assertEquals("[1," + padded + "]", scene.get("chunks").toString());
            assertTrue(padded > 2_000 && padded < 200_000, "a quality-50 640x480 JPEG, not raw pixels: " + padded);
            JsonObject len = ds.getAsJsonObject("compress_len");
            assertEquals("<f4", len.get("dtype").getAsString());
            assertEquals("[2," + LENGTHS[e] + "]", len.get("shape").toString());
            assertTrue(f.getAsJsonObject("attrs").getAsJsonObject("compress").get("value").getAsBoolean());
            assertEquals("bool", f.getAsJsonObject("attrs").getAsJsonObject("compress").get("type").getAsString());
        }
    }

    @Test
    void jpegsDecodeToTheStoredRgbArraysAsCv2ImdecodeReturnsThem() {
        for (int e = 0; e < LENGTHS.length; e++) {
            for (String cam : List.of("scene", "wrist")) {
                int[] s = SyntheticEpisode.size("observation.images." + cam);
                JsonObject img = file(e).getAsJsonObject("images").getAsJsonObject(cam);
                assertEquals(s[0], img.get("width").getAsInt());
                assertEquals(s[1], img.get("height").getAsInt());
                JsonArray means = img.getAsJsonArray("bgr_means");
                for (int i = 0; i < LENGTHS[e]; i++) {
                    double[] want = means(SyntheticEpisode.swapped(SyntheticEpisode.frame(e, i, s[0], s[1])));
                    JsonArray got = means.get(i).getAsJsonArray();
                    for (int c = 0; c < 3; c++) {
                        assertEquals(want[c], got.get(c).getAsDouble(), 3.0,
                                "episode " + e + " " + cam + " frame " + i + " channel " + c);
                    }
                }
            }
        }
    }

    static double[] means(byte[] pixels) {
        double[] sum = new double[3];
        for (int p = 0; p < pixels.length; p++) {
            sum[p % 3] += pixels[p] & 0xFF;
        }
        int n = pixels.length / 3;
        return new double[] {sum[0] / n, sum[1] / n, sum[2] / n};
    }

    static JsonObject file(int episode) {
        return report.getAsJsonObject("files").getAsJsonObject("episode_" + episode + ".hdf5");
    }
}
