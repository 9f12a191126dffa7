package dev.demoforge.export.hdf5.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import dev.demoforge.test.support.export.SyntheticEpisode;

/** Option {@code image_size}: one stored size for every camera, resampled with an antialiasing bilinear filter. */
class ResizeTest {

    @TempDir
    Path tmp;

    @Test
    void enlargingInterpolatesLinearlyBetweenPixelCentresAsCv2InterLinearDoes() {
        byte[] src = {0, 0, 0, 100, 100, 100};
        byte[] dst = new byte[4 * 3];
        new Resampler(2, 1, 4, 1).resize(src, dst);
        assertArrayEquals(new byte[] {0, 0, 0, 25, 25, 25, 75, 75, 75, 100, 100, 100}, dst);
    }

    @Test
    void sameSizeIsIdentityAndAFlatImageStaysFlatWhenShrunk() {
        byte[] frame = SyntheticEpisode.frame(1, 7, 64, 48);
        byte[] same = new byte[frame.length];
        new Resampler(64, 48, 64, 48).resize(frame, same);
        assertArrayEquals(frame, same);
        byte[] flat = new byte[640 * 480 * 3];
        for (int p = 0; p < flat.length; p += 3) {
            flat[p] = 10;
            flat[p + 1] = (byte) 200;
            flat[p + 2] = (byte) 250;
        }
        byte[] small = new byte[84 * 84 * 3];
        new Resampler(640, 480, 84, 84).resize(flat, small);
        for (int p = 0; p < small.length; p += 3) {
            assertEquals(10, small[p] & 0xFF);
            assertEquals(200, small[p + 1] & 0xFF);
            assertEquals(250, small[p + 2] & 0xFF);
        }
    }

    @Test
    void everyCameraIsStoredAtTheAskedSizeKeepingItsColours() throws Exception {
        Path aloha = tmp.resolve("aloha");
        Exports.run(ExporterService.aloha(), aloha, Map.of("image_size", "160x120"), 6);
        JsonObject f = Readers.check("aloha", aloha, "--digests").getAsJsonObject("files")
                .getAsJsonObject("episode_0.hdf5");
        for (String cam : new String[] {"scene", "wrist"}) {
            JsonObject d = f.getAsJsonObject("datasets").getAsJsonObject("observations/images/" + cam);
            assertEquals("[6,120,160,3]", d.get("shape").toString(), cam);
            assertEquals("[1,120,160,3]", d.get("chunks").toString(), cam);
            assertMeans(f.getAsJsonObject("images").getAsJsonObject(cam).getAsJsonArray("means"), cam);
        }
        Path robomimic = tmp.resolve("robomimic");
        Exports.run(ExporterService.robomimic(), robomimic, Map.of("image_size", "84x84"), 6);
        JsonObject demo = Readers.check("robomimic", robomimic.resolve("synthetic.hdf5"), "--digests")
                .getAsJsonObject("demos").getAsJsonObject("demo_0");
        assertEquals("[6,84,84,3]", demo.getAsJsonObject("datasets").getAsJsonObject("obs/wrist_image")
                .get("shape").toString());
        assertMeans(demo.getAsJsonObject("images").getAsJsonObject("scene_image").getAsJsonArray("means"), "scene");
        Hdf5FailureTest.assertRefused("image_size='84'", () -> ExporterService.robomimic()
                .begin(tmp.resolve("x"), SyntheticEpisode.spec(), Map.of("image_size", "84")));
    }

    /** Channel means of the stored (RGB) frames within 2 of the source frames' means. */
    private static void assertMeans(JsonArray means, String cam) {
        int[] s = SyntheticEpisode.size("observation.images." + cam);
        for (int i = 0; i < means.size(); i++) {
            double[] want = AlohaJpegTest.means(SyntheticEpisode.swapped(SyntheticEpisode.frame(0, i, s[0], s[1])));
            for (int c = 0; c < 3; c++) {
                assertEquals(want[c], means.get(i).getAsJsonArray().get(c).getAsDouble(), 2.0,
                        cam + " frame " + i + " channel " + c);
            }
        }
    }
}
