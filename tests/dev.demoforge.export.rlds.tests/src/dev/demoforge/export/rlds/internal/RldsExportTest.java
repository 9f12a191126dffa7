package dev.demoforge.export.rlds.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import dev.demoforge.export.api.DatasetSpec;
import dev.demoforge.export.api.DatasetSplit;
import dev.demoforge.export.api.ExportResult;
import dev.demoforge.test.support.export.SyntheticEpisode;

/** RLDS exports read back by the independent reader (rlds-check.py) and compared with the episodes written. */
class RldsExportTest {

    static final String[] TASKS = SyntheticEpisode.TASKS.toArray(String[]::new);

    @TempDir
    Path tmp;

    @Test
    void pngEpisodesReadBackLosslesslyWithTheirStepsVectorsAndTexts() throws Exception {
        Path out = tmp.resolve("data");
        int[] lengths = {5, 8, 3};
        ExportResult r = SyntheticEpisode.exportAll(ExporterService.rlds(), out, Map.of("image_encoding", "png"),
                lengths);
        assertEquals(3, r.episodes());
        assertEquals(16, r.frames());
        Path dir = out.resolve("synthetic/1.0.0");
        Path scene = tmp.resolve("scene.rgb");
        Path wrist = tmp.resolve("wrist.rgb");
        JsonObject report = RldsReader.check(dir, "--dump", "1", "steps/observation/scene_image", "6",
                scene.toString(), "--dump", "2", "steps/observation/wrist_image", "0", wrist.toString());
        assertEquals("synthetic", report.get("name").getAsString());
        JsonObject train = report.getAsJsonObject("splits").getAsJsonObject("train");
        assertEquals(1, train.get("shards").getAsInt());
        assertEquals(List.of(3), ints(train.getAsJsonArray("shardLengths")));
        JsonObject features = report.getAsJsonObject("features");
        assertEquals(List.of(480, 640, 3), ints(features.getAsJsonObject("steps/observation/scene_image")
                .getAsJsonArray("shape")));
        assertEquals("png", features.getAsJsonObject("steps/observation/scene_image").get("dtype").getAsString());
        assertEquals(List.of(6), ints(features.getAsJsonObject("steps/action").getAsJsonArray("shape")));
        assertEquals("bool", features.getAsJsonObject("steps/is_terminal").get("dtype").getAsString());
        JsonArray episodes = report.getAsJsonArray("episodes");
        assertEquals(3, episodes.size());
        for (int e = 0; e < 3; e++) {
            JsonObject ep = episodes.get(e).getAsJsonObject();
            int n = lengths[e];
            assertEquals(n, ep.get("steps").getAsInt());
            SyntheticEpisode source = new SyntheticEpisode(e, n, TASKS[e % 2]);
            JsonObject floats = ep.getAsJsonObject("floats");
            assertArrayEquals(flat(source, SyntheticEpisode.STATE, n), floats(floats, "steps/observation/state"));
            assertArrayEquals(flat(source, SyntheticEpisode.ACTION, n), floats(floats, "steps/action"));
            assertArrayEquals(flat(source, SyntheticEpisode.GRIPPER, n), floats(floats, "steps/observation/gripper"));
            float[] reward = floats(floats, "steps/reward");
            assertEquals(1f, reward[n - 1]);
            assertEquals(0f, n > 1 ? reward[0] : 0f);
            JsonObject text = ep.getAsJsonObject("text");
            assertEquals(TASKS[e % 2], text.getAsJsonArray("steps/language_instruction").get(n - 1).getAsString());
            assertEquals("synthetic-" + e, text.getAsJsonArray("episode_metadata/file_path").get(0).getAsString());
            assertEquals(n, ep.getAsJsonObject("images").getAsJsonObject("steps/observation/wrist_image")
                    .get("count").getAsInt());
        }
        assertArrayEquals(SyntheticEpisode.swapped(SyntheticEpisode.frame(1, 6, 640, 480)), Files.readAllBytes(scene),
                "PNG of episode 1 step 6 decodes to the frame's pixels in RGB order");
        assertArrayEquals(SyntheticEpisode.swapped(SyntheticEpisode.frame(2, 0, 320, 240)), Files.readAllBytes(wrist));
    }

    @Test
    void jpegEpisodesFillShardsOfTheRequestedSizeAndDecodeCloseToTheFrames() throws Exception {
        Path out = tmp.resolve("data");
        ExportResult r = SyntheticEpisode.exportAll(ExporterService.rlds(), out, Map.of("shard_size_mb", "1",
                "jpeg_quality", "90", "version", "2.1.0"), 80, 80, 80, 80);
        Path dir = out.resolve("synthetic/2.1.0");
        Path frame = tmp.resolve("frame.rgb");
        JsonObject report = RldsReader.check(dir, "--dump", "1", "steps/observation/scene_image", "17",
                frame.toString());
        JsonObject train = report.getAsJsonObject("splits").getAsJsonObject("train");
        List<Integer> shardLengths = ints(train.getAsJsonArray("shardLengths"));
        int shards = train.get("shards").getAsInt();
        assertTrue(shards >= 2, "2.5 MB of episodes need more than one 1 MB shard: " + shardLengths);
        assertEquals(4, shardLengths.stream().mapToInt(Integer::intValue).sum());
        for (int i = 0; i < shards - 1; i++) {
            long size = Files.size(dir.resolve(String.format("synthetic-train.tfrecord-%05d-of-%05d", i, shards)));
            assertTrue(size >= 1_000_000, "shard " + i + " is closed only once it reaches 1 MB: " + size
                    + " bytes, " + shardLengths);
        }
        assertEquals("jpeg", report.getAsJsonObject("features").getAsJsonObject("steps/observation/scene_image")
                .get("dtype").getAsString());
        byte[] rgb = Files.readAllBytes(frame);
        byte[] expected = SyntheticEpisode.swapped(SyntheticEpisode.frame(1, 17, 640, 480));
        double error = SyntheticEpisode.meanAbsDiff(rgb, expected);
        assertTrue(error < 3, "JPEG decodes close to the frame: mean |error| " + error);
        assertTrue(SyntheticEpisode.meanAbsDiff(rgb, SyntheticEpisode.frame(1, 17, 640, 480)) > 20 * Math.max(error, 0.5),
                "and in RGB order, not BGR");
        assertTrue(r.bytes() > 2_500_000, "four episodes of 80 steps: " + r.bytes() + " bytes");
    }

    @Test
    void declaredSplitsGetTheirOwnShardSetsAndDatasetInfoEntries() throws Exception {
        Path out = tmp.resolve("data");
        DatasetSpec spec = SyntheticEpisode.spec().withSplits(List.of(new DatasetSplit("train", 0, 3),
                new DatasetSplit("val", 3, 5)));
        SyntheticEpisode.exportAll(ExporterService.rlds(), out, spec, Map.of("shard_size_mb", "1"), 80, 80, 80, 6,
                7);
        Path dir = out.resolve("synthetic/1.0.0");
        JsonObject report = RldsReader.check(dir, "--expect-split", "train=3", "--expect-split", "val=2");
        JsonObject splits = report.getAsJsonObject("splits");
        assertEquals(List.of("train", "val"), List.copyOf(splits.keySet()));
        JsonObject train = splits.getAsJsonObject("train");
        int trainShards = train.get("shards").getAsInt();
        assertTrue(trainShards >= 2, "three 80-step episodes fill more than one 1 MB shard: " + train);
        assertEquals(3, ints(train.getAsJsonArray("shardLengths")).stream().mapToInt(Integer::intValue).sum());
        assertEquals(List.of("synthetic-0", "synthetic-1", "synthetic-2"), strings(train.getAsJsonArray("filePaths")));
        JsonObject val = splits.getAsJsonObject("val");
        assertEquals(List.of(2), ints(val.getAsJsonArray("shardLengths")),
                "the last train shard is closed at the split boundary; val starts its own shard 0");
        assertEquals(List.of("synthetic-3", "synthetic-4"), strings(val.getAsJsonArray("filePaths")));
        assertEquals(Files.size(dir.resolve("synthetic-val.tfrecord-00000-of-00001")), val.get("numBytes").getAsLong());
        assertTrue(Files.isRegularFile(dir.resolve(String.format("synthetic-train.tfrecord-%05d-of-%05d",
                trainShards - 1, trainShards))));
        JsonObject info = JsonParser.parseString(Files.readString(dir.resolve("dataset_info.json")))
                .getAsJsonObject();
        JsonObject valInfo = info.getAsJsonArray("splits").get(1).getAsJsonObject();
        assertEquals("val", valInfo.get("name").getAsString());
        assertEquals("2", valInfo.getAsJsonArray("shardLengths").get(0).getAsString(), "int64 as a string");
        assertEquals(TfdsMetadata.FILEPATH_TEMPLATE, valInfo.get("filepathTemplate").getAsString());
        JsonArray episodes = report.getAsJsonArray("episodes");
        assertEquals("val", episodes.get(4).getAsJsonObject().get("split").getAsString());
        assertEquals(7, episodes.get(4).getAsJsonObject().get("steps").getAsInt());
    }

    static List<String> strings(JsonArray a) {
        return a.asList().stream().map(e -> e.getAsString()).toList();
    }

    static float[] flat(SyntheticEpisode ep, String key, int n) {
        float[][] rows = ep.vectors(key);
        float[] out = new float[n * rows[0].length];
        for (int i = 0; i < n; i++) {
            System.arraycopy(rows[i], 0, out, i * rows[i].length, rows[i].length);
        }
        return out;
    }

    static float[] floats(JsonObject o, String key) {
        JsonArray a = o.getAsJsonArray(key);
        float[] out = new float[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) a.get(i).getAsDouble();
        }
        return out;
    }

    static List<Integer> ints(JsonArray a) {
        return a.asList().stream().map(e -> e.getAsInt()).toList();
    }
}
