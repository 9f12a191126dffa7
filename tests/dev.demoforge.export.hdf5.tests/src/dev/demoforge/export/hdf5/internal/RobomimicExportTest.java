package dev.demoforge.export.hdf5.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import dev.demoforge.test.support.export.ReaderProcess;
import dev.demoforge.test.support.export.SyntheticEpisode;

/** robomimic files read back by h5py (hdf5-check.py applies get_dataset_info.py's rules) and h5dump. */
class RobomimicExportTest {

    static final int[] LENGTHS = {30, 45, 21};
    static final Map<String, String> OPTIONS = Map.of("valid_fraction", "0.34", "split_seed", "7");

    @TempDir
    static Path tmp;
    static Path file;
    static JsonObject report;

    @BeforeAll
    static void export() throws Exception {
        Path dir = tmp.resolve("robomimic");
        Exports.run(ExporterService.robomimic(), dir, OPTIONS, LENGTHS);
        file = dir.resolve("synthetic.hdf5");
        report = Readers.check("robomimic", file, "--digests");
    }

    @Test
    void oneFileNamedAfterTheDatasetWithTotalAndEnvArgs() throws Exception {
        try (Stream<Path> s = Files.list(file.getParent())) {
            assertEquals(List.of("synthetic.hdf5"), s.map(p -> p.getFileName().toString()).toList());
        }
        JsonObject attrs = report.getAsJsonObject("attrs");
        assertEquals(96, attrs.getAsJsonObject("total").get("value").getAsInt());
        assertEquals("str", attrs.getAsJsonObject("env_args").get("type").getAsString());
        assertEquals(JsonParser.parseString("{\"env_name\":\"synthetic\",\"type\":2,\"env_kwargs\":{}}"),
                report.get("env_args"));
        assertEquals(List.of("demo_0", "demo_1", "demo_2"), List.copyOf(report.getAsJsonObject("demos").keySet()));
    }

    @Test
    void everyDemoHasItsSamplesRewardsDonesStatesAndLayout() {
        for (int e = 0; e < LENGTHS.length; e++) {
            int n = LENGTHS[e];
            JsonObject demo = demo(e);
            assertEquals(n, demo.get("num_samples").getAsInt());
            assertEquals("<i8", demo.getAsJsonObject("attrs").getAsJsonObject("num_samples").get("dtype")
                    .getAsString());
            JsonObject ds = demo.getAsJsonObject("datasets");
            AlohaExportTest.assertLayout(ds, "actions", "<f4", null, n, 6);
            AlohaExportTest.assertLayout(ds, "rewards", "<f4", null, n);
            AlohaExportTest.assertLayout(ds, "dones", "<i8", null, n);
            AlohaExportTest.assertLayout(ds, "states", "<f4", null, n, 7);
            for (String o : List.of("obs", "next_obs")) {
                AlohaExportTest.assertLayout(ds, o + "/state", "<f4", null, n, 6);
                AlohaExportTest.assertLayout(ds, o + "/gripper", "<f4", null, n, 1);
                AlohaExportTest.assertLayout(ds, o + "/scene_image", "|u1", List.of(1, 480, 640, 3), n, 480, 640, 3);
                AlohaExportTest.assertLayout(ds, o + "/wrist_image", "|u1", List.of(1, 240, 320, 3), n, 240, 320, 3);
            }
            JsonArray dones = demo.getAsJsonArray("dones");
            JsonArray rewards = demo.getAsJsonArray("rewards");
            for (int i = 0; i < n; i++) {
                assertEquals(i == n - 1 ? 1 : 0, dones.get(i).getAsInt());
                assertEquals(i == n - 1 ? 1.0 : 0.0, rewards.get(i).getAsDouble());
            }
            assertEquals(JsonParser.parseString("{\"lang\":\"" + Exports.TASKS[e % 2] + "\"}"), JsonParser
                    .parseString(demo.getAsJsonObject("attrs").getAsJsonObject("ep_meta").get("value").getAsString()));
        }
    }

    @Test
    void actionsAreMinMaxScaledOverTheWholeDatasetAndTheRangesAreKept() {
        float[] min = new float[6];
        float[] max = new float[6];
        java.util.Arrays.fill(min, Float.POSITIVE_INFINITY);
        java.util.Arrays.fill(max, Float.NEGATIVE_INFINITY);
        for (int e = 0; e < LENGTHS.length; e++) {
            for (float[] row : new SyntheticEpisode(e, LENGTHS[e], "x").vectors(SyntheticEpisode.ACTION)) {
                for (int d = 0; d < 6; d++) {
                    min[d] = Math.min(min[d], row[d]);
                    max[d] = Math.max(max[d], row[d]);
                }
            }
        }
        JsonObject attrs = report.getAsJsonObject("attrs");
        assertEquals("minmax", attrs.getAsJsonObject("action_scaling").get("value").getAsString());
        for (int d = 0; d < 6; d++) {
            assertEquals(min[d], attrs.getAsJsonObject("action_min").getAsJsonArray("value").get(d).getAsFloat());
            assertEquals(max[d], attrs.getAsJsonObject("action_max").getAsJsonArray("value").get(d).getAsFloat());
        }
        for (int e = 0; e < LENGTHS.length; e++) {
            SyntheticEpisode src = new SyntheticEpisode(e, LENGTHS[e], "x");
            JsonArray actions = demo(e).getAsJsonArray("actions");
            for (int i = 0; i < LENGTHS[e]; i++) {
                float[] raw = src.row(SyntheticEpisode.ACTION, i);
                for (int d = 0; d < 6; d++) {
                    double want = 2.0 * (raw[d] - min[d]) / (max[d] - min[d]) - 1;
                    assertEquals(want, actions.get(i).getAsJsonArray().get(d).getAsDouble(), 1e-5,
                            "demo " + e + " row " + i + " dim " + d);
                }
            }
        }
    }

    @Test
    void observationsAreTheSourceValuesAndRgbFrames() throws Exception {
        for (int e = 0; e < LENGTHS.length; e++) {
            SyntheticEpisode src = new SyntheticEpisode(e, LENGTHS[e], "x");
            JsonObject obs = demo(e).getAsJsonObject("obs");
            AlohaExportTest.assertRows(obs.getAsJsonArray("state"), src, SyntheticEpisode.STATE);
            AlohaExportTest.assertRows(obs.getAsJsonArray("gripper"), src, SyntheticEpisode.GRIPPER);
            JsonArray states = demo(e).getAsJsonArray("states");
            for (int i = 0; i < LENGTHS[e]; i++) {
                float[] g = src.row(SyntheticEpisode.GRIPPER, i);
                assertEquals(g[0], states.get(i).getAsJsonArray().get(6).getAsFloat(), "states = state + gripper");
            }
            JsonArray scene = demo(e).getAsJsonObject("images").getAsJsonObject("scene_image")
                    .getAsJsonArray("sha256");
            for (int i = 0; i < LENGTHS[e]; i++) {
                assertEquals(Readers.sha256(SyntheticEpisode.swapped(SyntheticEpisode.frame(e, i, 640, 480))),
                        scene.get(i).getAsString(), "demo " + e + " frame " + i);
            }
        }
    }

    @Test
    void masksSplitTheDemosBySeededFractionAsFixedLengthStrings() throws Exception {
        JsonObject masks = report.getAsJsonObject("masks");
        List<Integer> valid = RobomimicSession.validDemos(3, 0.34, 7);
        assertEquals(1, valid.size(), "int(0.34 * 3) = 1 validation demo");
        assertEquals("[\"demo_" + valid.get(0) + "\"]", masks.getAsJsonArray("valid").toString());
        assertEquals(2, masks.getAsJsonArray("train").size());
        String dump = Readers.h5dump(file, "-d", "/mask/train");
        assertTrue(dump.contains("STRSIZE 6;") && dump.contains("H5T_STR_NULLPAD") && dump.contains("H5T_CSET_ASCII"),
                dump);
        assertEquals(RobomimicSession.validDemos(50, 0.1, 3), RobomimicSession.validDemos(50, 0.1, 3));
        assertTrue(!RobomimicSession.validDemos(50, 0.1, 3).equals(RobomimicSession.validDemos(50, 0.1, 4)),
                "another seed, another split");
        assertEquals(5, RobomimicSession.validDemos(50, 0.1, 3).size());
    }

    @Test
    void unscaledContiguousGzipFreeVariantFailsRobomimicsActionRangeCheck() throws Exception {
        Path dir = tmp.resolve("robomimic-raw");
        Exports.run(ExporterService.robomimic(), dir, Map.of("action_scaling", "none", "chunking", "none",
                "next_obs", "false"), 10);
        Path f = dir.resolve("synthetic.hdf5");
        ReaderProcess.Run r = Readers.checkRun("robomimic", f);
        assertEquals(1, r.exit(), r.out());
        assertTrue(r.err().contains("Dataset should have actions in [-1., 1.]"), r.err());
        JsonObject ok = Readers.check("robomimic", f, "--no-action-range");
        JsonObject ds = ok.getAsJsonObject("demos").getAsJsonObject("demo_0").getAsJsonObject("datasets");
        assertTrue(ds.getAsJsonObject("obs/scene_image").get("chunks").isJsonNull(), "contiguous images");
        assertTrue(!ds.has("next_obs/state"), "no next_obs");
    }

    @Test
    void gzipCompressesEveryDataset() throws Exception {
        Path dir = tmp.resolve("robomimic-gzip");
        Exports.run(ExporterService.robomimic(), dir, Map.of("gzip", "3"), 8, 9);
        JsonObject r = Readers.check("robomimic", dir.resolve("synthetic.hdf5"));
        JsonObject ds = r.getAsJsonObject("demos").getAsJsonObject("demo_1").getAsJsonObject("datasets");
        for (String p : List.of("actions", "states", "dones", "obs/state", "obs/scene_image",
                "next_obs/wrist_image")) {
            assertEquals("gzip", ds.getAsJsonObject(p).get("compression").getAsString(), p);
            assertEquals(3, ds.getAsJsonObject(p).get("compression_opts").getAsInt(), p);
        }
    }

    static JsonObject demo(int e) {
        return report.getAsJsonObject("demos").getAsJsonObject("demo_" + e);
    }
}
