package dev.demoforge.export.hdf5.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import dev.demoforge.export.api.DatasetSpec;
import dev.demoforge.export.api.DatasetSplit;
import dev.demoforge.export.api.ExportResult;
import dev.demoforge.test.support.export.SyntheticEpisode;

/** ALOHA/ACT episode files, read back by h5py and h5dump. */
class AlohaExportTest {

    static final int[] LENGTHS = {30, 45, 21};

    @TempDir
    static Path tmp;
    static Path dir;
    static ExportResult result;
    static JsonObject report;

    @BeforeAll
    static void export() throws Exception {
        dir = tmp.resolve("aloha");
        result = Exports.run(ExporterService.aloha(), dir, Map.of(), LENGTHS);
        report = Readers.check("aloha", dir, "--digests");
    }

    @Test
    void writesOneUnpaddedFilePerEpisodeAndNothingElse() throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of("episode_0.hdf5", "episode_1.hdf5", "episode_2.hdf5"),
                    s.map(p -> p.getFileName().toString()).sorted().toList());
        }
        try (Stream<Path> s = Files.list(tmp)) {
            assertEquals(List.of("aloha"), s.map(p -> p.getFileName().toString()).toList(), "no staging left");
        }
        assertEquals(3, result.episodes());
        assertEquals(96, result.frames());
    }

    @Test
    void h5pySeesTheAlohaLayoutWithFloat32VectorsAndOneFrameChunks() {
        for (int e = 0; e < LENGTHS.length; e++) {
            JsonObject ds = file(e).getAsJsonObject("datasets");
            int t = LENGTHS[e];
            assertLayout(ds, "observations/qpos", "<f4", null, t, 6);
            assertLayout(ds, "observations/qvel", "<f4", null, t, 6);
            assertLayout(ds, "observations/effort", "<f4", null, t, 6);
            assertLayout(ds, "observations/gripper", "<f4", null, t, 1);
            assertLayout(ds, "action", "<f4", null, t, 6);
            assertLayout(ds, "observations/images/scene", "|u1", List.of(1, 480, 640, 3), t, 480, 640, 3);
            assertLayout(ds, "observations/images/wrist", "|u1", List.of(1, 240, 320, 3), t, 240, 320, 3);
            assertFalse(ds.has("compress_len"));
            assertTrue(ds.getAsJsonObject("observations/images/scene").get("compression").isJsonNull());
        }
    }

    @Test
    void simIsAnH5pyBoolAndTheTaskAndCameraOrderAreAttributes() {
        JsonObject attrs = file(1).getAsJsonObject("attrs");
        assertTrue(file(1).get("sim_is_bool").getAsBoolean(), "h5py reads sim as numpy.bool_");
        assertEquals("bool", attrs.getAsJsonObject("sim").get("type").getAsString());
        assertFalse(attrs.getAsJsonObject("sim").get("value").getAsBoolean());
        assertFalse(attrs.has("compress"));
        assertFalse(attrs.has("split"), "no split attribute without declared splits");
        assertEquals("str", attrs.getAsJsonObject("task").get("type").getAsString());
        assertEquals("open the drawer", attrs.getAsJsonObject("task").get("value").getAsString());
        assertEquals("synthetic-1", attrs.getAsJsonObject("source_episode").get("value").getAsString());
        assertEquals(30, attrs.getAsJsonObject("fps").get("value").getAsInt());
        assertEquals("[\"scene\",\"wrist\"]", attrs.getAsJsonObject("camera_names").get("value").toString());
    }

    @Test
    void eachFileNamesItsDeclaredSplitInARootAttribute(@TempDir Path own) throws Exception {
        Path split = own.resolve("aloha-split");
        DatasetSpec spec = SyntheticEpisode.spec().withSplits(List.of(new DatasetSplit("train", 0, 1),
                new DatasetSplit("val", 1, 2)));
        Exports.run(ExporterService.aloha(), split, spec, Map.of(), 3, 2);
        JsonObject r = Readers.check("aloha", split);
        List<String> names = new ArrayList<>();
        for (int e = 0; e < 2; e++) {
            JsonObject attr = r.getAsJsonObject("files").getAsJsonObject("episode_" + e + ".hdf5")
                    .getAsJsonObject("attrs").getAsJsonObject("split");
            assertEquals("str", attr.get("type").getAsString());
            names.add(attr.get("value").getAsString());
        }
        assertEquals(List.of("train", "val"), names);
    }

    @Test
    void vectorsAreTheSourceValuesAndQvelIsTheGradientOfQpos() {
        for (int e = 0; e < LENGTHS.length; e++) {
            SyntheticEpisode src = new SyntheticEpisode(e, LENGTHS[e], "x");
            JsonObject values = file(e).getAsJsonObject("values");
            assertRows(values.getAsJsonArray("observations/qpos"), src, SyntheticEpisode.STATE);
            assertRows(values.getAsJsonArray("action"), src, SyntheticEpisode.ACTION);
            assertRows(values.getAsJsonArray("observations/gripper"), src, SyntheticEpisode.GRIPPER);
            for (var row : values.getAsJsonArray("observations/effort")) {
                for (var v : row.getAsJsonArray()) {
                    assertEquals(0.0, v.getAsDouble());
                }
            }
            double qvelError = file(e).get("qvel_minus_gradient").getAsDouble();
            assertTrue(qvelError < 1e-4, "qvel differs from numpy.gradient(qpos, 1/fps) by " + qvelError);
        }
    }

    @Test
    void imagesAreTheSourceFramesInRgbOrderByteForByte() throws Exception {
        for (int e = 0; e < LENGTHS.length; e++) {
            JsonObject images = file(e).getAsJsonObject("images");
            for (String cam : List.of("scene", "wrist")) {
                int[] s = SyntheticEpisode.size("observation.images." + cam);
                JsonArray digests = images.getAsJsonObject(cam).getAsJsonArray("sha256");
                assertEquals(LENGTHS[e], digests.size());
                for (int i = 0; i < LENGTHS[e]; i++) {
                    byte[] rgb = SyntheticEpisode.swapped(SyntheticEpisode.frame(e, i, s[0], s[1]));
                    assertEquals(Readers.sha256(rgb), digests.get(i).getAsString(),
                            "episode " + e + " " + cam + " frame " + i);
                }
            }
        }
    }

    @Test
    void h5dumpSeesEnumBoolChunkedUint8ImagesAndNoFilter() throws Exception {
        Path f = dir.resolve("episode_0.hdf5");
        String header = Readers.h5dump(f, "-H", "-p", "-A");
        assertTrue(header.contains("ATTRIBUTE \"sim\"") && header.contains("H5T_ENUM")
                && header.contains("FALSE") && header.contains("TRUE"), header);
        String scene = Readers.h5dump(f, "-H", "-p", "-d", "/observations/images/scene");
        assertTrue(scene.contains("H5T_STD_U8LE"), scene);
        assertTrue(scene.contains("DATASPACE  SIMPLE { ( 30, 480, 640, 3 ) / ( 30, 480, 640, 3 ) }"), scene);
        assertTrue(scene.contains("CHUNKED ( 1, 480, 640, 3 )"), scene);
        assertTrue(scene.contains("NONE"), "no filter: " + scene);
        String qpos = Readers.h5dump(f, "-H", "-d", "/observations/qpos");
        assertTrue(qpos.contains("H5T_IEEE_F32LE") && qpos.contains("( 30, 6 )"), qpos);
        String ls = Readers.h5ls(f);
        for (String p : List.of("/action", "/observations/qpos", "/observations/qvel", "/observations/effort",
                "/observations/images/scene", "/observations/images/wrist")) {
            assertTrue(ls.lines().anyMatch(l -> l.startsWith(p + " ")), p + " in h5ls -r:\n" + ls);
        }
    }

    @Test
    void bgrOrderAndGzipOptionsAreHonoured() throws Exception {
        Path out = tmp.resolve("aloha-bgr-gzip");
        Exports.run(ExporterService.aloha(), out, Map.of("color_order", "bgr", "gzip", "6", "sim", "true"), 12);
        JsonObject f = Readers.check("aloha", out, "--digests").getAsJsonObject("files")
                .getAsJsonObject("episode_0.hdf5");
        assertTrue(f.getAsJsonObject("attrs").getAsJsonObject("sim").get("value").getAsBoolean());
        for (String p : List.of("observations/qpos", "action", "observations/images/scene")) {
            JsonObject d = f.getAsJsonObject("datasets").getAsJsonObject(p);
            assertEquals("gzip", d.get("compression").getAsString(), p);
            assertEquals(6, d.get("compression_opts").getAsInt(), p);
        }
        JsonArray digests = f.getAsJsonObject("images").getAsJsonObject("scene").getAsJsonArray("sha256");
        for (int i = 0; i < 12; i++) {
            assertEquals(Readers.sha256(SyntheticEpisode.frame(0, i, 640, 480)), digests.get(i).getAsString());
        }
        assertTrue(Files.size(out.resolve("episode_0.hdf5")) < 12 * 921_600 / 10, "gzip shrinks synthetic frames");
    }

    static JsonObject file(int episode) {
        return report.getAsJsonObject("files").getAsJsonObject("episode_" + episode + ".hdf5");
    }

    static void assertLayout(JsonObject datasets, String path, String dtype, List<Integer> chunks, int... shape) {
        JsonObject d = datasets.getAsJsonObject(path);
        assertTrue(d != null, path + " missing; datasets: " + datasets.keySet());
        assertEquals(dtype, d.get("dtype").getAsString(), path);
        assertEquals(java.util.Arrays.toString(shape), d.get("shape").toString().replace(",", ", "), path);
        if (chunks == null) {
            assertTrue(d.get("chunks").isJsonNull(), path + " contiguous: " + d);
        } else {
            assertEquals(chunks.toString(), d.get("chunks").toString().replace(",", ", "), path);
        }
    }

    static void assertRows(JsonArray rows, SyntheticEpisode src, String key) {
        assertEquals(src.length(), rows.size(), key);
        for (int i = 0; i < rows.size(); i++) {
            float[] want = src.row(key, i);
            JsonArray got = rows.get(i).getAsJsonArray();
            assertEquals(want.length, got.size(), key + " row " + i);
            for (int d = 0; d < want.length; d++) {
                assertEquals(want[d], got.get(d).getAsFloat(), key + " row " + i + " dim " + d);
            }
        }
    }
}
