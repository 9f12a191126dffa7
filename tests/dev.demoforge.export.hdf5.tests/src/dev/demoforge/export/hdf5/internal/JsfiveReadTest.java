package dev.demoforge.export.hdf5.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import dev.demoforge.export.support.ImageEncoder;
import dev.demoforge.test.support.export.SyntheticEpisode;

/**
 * The files read by jsfive, a pure-JavaScript HDF5 reader that shares no code with the HDF Group's library: layout,
 * attributes, values, gzip-compressed chunks, fixed-length strings and every image row byte for byte.
 */
class JsfiveReadTest {

    @TempDir
    Path tmp;

    @Test
    void jsfiveReadsGzippedAlohaEpisodesValuesAndFrames() throws Exception {
        Path dir = tmp.resolve("aloha");
        Exports.run(ExporterService.aloha(), dir, Map.of("gzip", "2"), 9, 7);
        for (int e = 0; e < 2; e++) {
            int n = e == 0 ? 9 : 7;
            JsonObject r = Readers.jsfive(dir.resolve("episode_" + e + ".hdf5"));
            assertEquals(0, r.getAsJsonObject("attrs").get("sim").getAsInt(), "enum FALSE");
            assertEquals(Exports.TASKS[e], r.getAsJsonObject("attrs").get("task").getAsString());
            JsonObject o = r.getAsJsonObject("objects");
            assertEquals("[" + n + ",6]", o.getAsJsonObject("/observations/qpos").get("shape").toString());
            assertEquals("<f4", o.getAsJsonObject("/observations/qpos").get("dtype").getAsString());
            SyntheticEpisode src = new SyntheticEpisode(e, n, "x");
            assertFlat(o.getAsJsonObject("/observations/qpos").getAsJsonArray("values"), src, SyntheticEpisode.STATE);
            assertFlat(o.getAsJsonObject("/action").getAsJsonArray("values"), src, SyntheticEpisode.ACTION);
            JsonArray rows = o.getAsJsonObject("/observations/images/wrist").getAsJsonArray("rows_sha256");
            assertEquals(n, rows.size());
            for (int i = 0; i < n; i++) {
                assertEquals(Readers.sha256(SyntheticEpisode.swapped(SyntheticEpisode.frame(e, i, 320, 240))),
                        rows.get(i).getAsString(), "episode " + e + " wrist frame " + i);
            }
        }
    }

    @Test
    void jsfiveReadsTheJpegRowsAndTheirLengths() throws Exception {
        Path dir = tmp.resolve("aloha-jpeg");
        int n = 6;
        Exports.run(ExporterService.aloha(), dir, Map.of("compress", "jpeg"), n);
        JsonObject o = Readers.jsfive(dir.resolve("episode_0.hdf5")).getAsJsonObject("objects");
        byte[][][] jpegs = new byte[2][n][];
        int padded = 0;
        try (ImageEncoder encoder = ImageEncoder.of("jpeg", 50)) {
            for (int c = 0; c < 2; c++) {
                int[] s = c == 0 ? new int[] {640, 480} : new int[] {320, 240};
                for (int i = 0; i < n; i++) {
                    jpegs[c][i] = encoder.encode(SyntheticEpisode.swapped(SyntheticEpisode.frame(0, i, s[0], s[1])),
                            s[0], s[1]);
                    padded = Math.max(padded, jpegs[c][i].length);
                }
            }
        }
        JsonArray lengths = o.getAsJsonObject("/compress_len").getAsJsonArray("values");
        for (int c = 0; c < 2; c++) {
            JsonArray rows = o.getAsJsonObject(c == 0 ? "/observations/images/scene" : "/observations/images/wrist")
                    .getAsJsonArray("rows_sha256");
            for (int i = 0; i < n; i++) {
                assertEquals(jpegs[c][i].length, lengths.get(c * n + i).getAsInt(), "compress_len " + c + "," + i);
                assertEquals(Readers.sha256(Arrays.copyOf(jpegs[c][i], padded)), rows.get(i).getAsString(),
                        "padded JPEG row " + c + "," + i);
            }
        }
    }

    @Test
    void jsfiveReadsTheRobomimicFileWithMasksAndScaledActions() throws Exception {
        Path dir = tmp.resolve("robomimic");
        Exports.run(ExporterService.robomimic(), dir, Map.of("gzip", "1", "valid_fraction", "0.5"), 5, 4);
        JsonObject o = Readers.jsfive(dir.resolve("synthetic.hdf5")).getAsJsonObject("objects");
        JsonObject data = o.getAsJsonObject("/data").getAsJsonObject("attrs");
        assertEquals(9, data.get("total").getAsInt());
        assertEquals(JsonParser.parseString("{\"env_name\":\"synthetic\",\"type\":2,\"env_kwargs\":{}}"),
                JsonParser.parseString(data.get("env_args").getAsString()));
        List<Integer> valid = RobomimicSession.validDemos(2, 0.5, 0);
        assertEquals("[\"demo_" + valid.get(0) + "\"]", o.getAsJsonObject("/mask/valid").get("values").toString());
        assertEquals("[\"demo_" + (1 - valid.get(0)) + "\"]",
                o.getAsJsonObject("/mask/train").get("values").toString());
        assertEquals(4, o.getAsJsonObject("/data/demo_1").getAsJsonObject("attrs").get("num_samples").getAsInt());
        assertEquals("[0,0,0,1]", o.getAsJsonObject("/data/demo_1/dones").get("values").toString());
        JsonArray actions = o.getAsJsonObject("/data/demo_0/actions").getAsJsonArray("values");
        for (var v : actions) {
            double a = v.getAsDouble();
            assertEquals(0, a, 1.0, "scaled into [-1, 1]: " + a);
        }
        JsonArray next = o.getAsJsonObject("/data/demo_0/next_obs/scene_image").getAsJsonArray("rows_sha256");
        JsonArray obs = o.getAsJsonObject("/data/demo_0/obs/scene_image").getAsJsonArray("rows_sha256");
        for (int i = 0; i < 5; i++) {
            assertEquals(obs.get(Math.min(i + 1, 4)), next.get(i), "next_obs row " + i);
            assertEquals(Readers.sha256(SyntheticEpisode.swapped(SyntheticEpisode.frame(0, i, 640, 480))),
                    obs.get(i).getAsString());
        }
    }

    private static void assertFlat(JsonArray flat, SyntheticEpisode src, String key) {
        int w = src.row(key, 0).length;
        assertEquals(src.length() * w, flat.size(), key);
        for (int i = 0; i < src.length(); i++) {
            float[] want = src.row(key, i);
            for (int d = 0; d < w; d++) {
                assertEquals(want[d], flat.get(i * w + d).getAsFloat(), key + " row " + i + " dim " + d);
            }
        }
    }
}
