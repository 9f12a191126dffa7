package dev.demoforge.export.lerobot.internal;

import dev.demoforge.export.support.Staging;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import dev.demoforge.export.api.ExportResult;

/**
 * Exports three synthetic episodes once and checks the dataset with readers that share no code with the exporter:
 * hyparquet (node) for parquet, ffprobe/ffmpeg for the videos, gson for the JSON files.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LeRobotExportTest {

    static final int[] LENGTHS = SyntheticExport.LENGTHS;
    static final String[] TASKS = SyntheticExport.TASKS;
    static final int FPS = SyntheticEpisode.FPS;

    Path out;
    ExportResult result;
    JsonObject info;

    @BeforeAll
    void export() throws Exception {
        out = SyntheticExport.dir();
        result = SyntheticExport.result();
        info = SyntheticExport.json(out.resolve("meta/info.json"));
    }

    static int total() {
        return SyntheticExport.total();
    }

    @Test
    void resultCountsEpisodesFramesAndBytes() throws Exception {
        assertEquals(out, result.outputDir());
        assertEquals(3, result.episodes());
        assertEquals(total(), result.frames());
        assertEquals(Staging.size(out), result.bytes());
    }

    @Test
    void infoJsonDeclaresV30TotalsAndAllFeatures() {
        assertEquals("v3.0", info.get("codebase_version").getAsString());
        assertEquals("so101_follower", info.get("robot_type").getAsString());
        assertEquals(3, info.get("total_episodes").getAsInt());
        assertEquals(total(), info.get("total_frames").getAsInt());
        assertEquals(2, info.get("total_tasks").getAsInt());
        assertEquals(FPS, info.get("fps").getAsInt());
        assertEquals("0:3", info.getAsJsonObject("splits").get("train").getAsString());
        assertEquals("data/chunk-{chunk_index:03d}/file-{file_index:03d}.parquet", info.get("data_path").getAsString());
        assertEquals("videos/{video_key}/chunk-{chunk_index:03d}/file-{file_index:03d}.mp4",
                info.get("video_path").getAsString());
        JsonObject f = info.getAsJsonObject("features");
        assertEquals(List.of("observation.state", "action", "observation.gripper", "observation.images.scene",
                "observation.images.wrist", "timestamp", "frame_index", "episode_index", "index", "task_index"),
                new ArrayList<>(f.keySet()));
        assertEquals("[6]", f.getAsJsonObject("action").get("shape").toString());
        assertEquals(SyntheticEpisode.JOINTS.get(0),
                f.getAsJsonObject("action").getAsJsonArray("names").get(0).getAsString());
        assertTrue(f.getAsJsonObject("index").get("names").isJsonNull());
        JsonObject scene = f.getAsJsonObject(SyntheticEpisode.SCENE);
        assertEquals("video", scene.get("dtype").getAsString());
        assertEquals("[480,640,3]", scene.get("shape").toString());
        JsonObject vi = scene.getAsJsonObject("info");
        assertEquals("h264", vi.get("video.codec").getAsString());
        assertEquals("yuv420p", vi.get("video.pix_fmt").getAsString());
        assertEquals(640, vi.get("video.width").getAsInt());
        assertEquals(480, vi.get("video.height").getAsInt());
        assertEquals(FPS, vi.get("video.fps").getAsInt());
        assertEquals(3, vi.get("video.channels").getAsInt());
        assertEquals(false, vi.get("video.is_depth_map").getAsBoolean());
        assertEquals(false, vi.get("has_audio").getAsBoolean());
    }

    @Test
    void dataParquetMatchesInfoFeaturesAndSyntheticValues() throws Exception {
        Path data = out.resolve("data/chunk-000/file-000.parquet");
        JsonObject d = Readers.parquet(true, data).getAsJsonObject(data.toAbsolutePath().toString());
        assertEquals(total(), d.get("numRows").getAsInt());
        assertEquals("[\"SNAPPY\"]", d.get("codecs").toString());
        List<String> names = new ArrayList<>();
        List<String> types = new ArrayList<>();
        for (JsonElement c : d.getAsJsonArray("columns")) {
            names.add(c.getAsJsonObject().get("name").getAsString());
            types.add(c.getAsJsonObject().get("type").getAsString());
            assertEquals("OPTIONAL", c.getAsJsonObject().get("repetition").getAsString());
        }
        List<String> expectedNames = new ArrayList<>();
        List<String> expectedTypes = new ArrayList<>();
        for (Map.Entry<String, JsonElement> e : info.getAsJsonObject("features").entrySet()) {
            JsonObject spec = e.getValue().getAsJsonObject();
            String dtype = spec.get("dtype").getAsString();
            if (!dtype.equals("video")) {
                expectedNames.add(e.getKey());
                String scalar = Map.of("float32", "float", "float64", "double", "int64", "int64").get(dtype);
                expectedTypes.add(spec.getAsJsonArray("shape").get(0).getAsInt() == 1 ? scalar
                        : "list<" + scalar + ">");
            }
        }
        assertEquals(expectedNames, names);
        assertEquals(expectedTypes, types);
        assertTrue(d.getAsJsonObject("keyValueMetadata").get("huggingface").getAsString()
                .contains("\"action\":{\"feature\":{\"dtype\":\"float32\",\"_type\":\"Value\"},\"length\":6,"
                        + "\"_type\":\"List\"}"));

        JsonArray rows = d.getAsJsonArray("rows");
        int index = 0;
        for (int e = 0; e < LENGTHS.length; e++) {
            SyntheticEpisode ep = new SyntheticEpisode(e, LENGTHS[e], TASKS[e]);
            for (int i = 0; i < LENGTHS[e]; i++, index++) {
                JsonObject r = rows.get(index).getAsJsonObject();
                assertEquals(index, r.get("index").getAsLong(), "index is contiguous");
                assertEquals(e, r.get("episode_index").getAsLong());
                assertEquals(i, r.get("frame_index").getAsLong());
                assertEquals((float) i / FPS, r.get("timestamp").getAsFloat(), 0f, "timestamp = frame_index / fps");
                assertEquals(e == 1 ? 1 : 0, r.get("task_index").getAsLong());
                assertArrayEquals(ep.row(SyntheticEpisode.STATE, i), floats(r.getAsJsonArray("observation.state")));
                assertArrayEquals(ep.row(SyntheticEpisode.ACTION, i), floats(r.getAsJsonArray("action")));
                assertEquals(ep.row(SyntheticEpisode.GRIPPER, i)[0], r.get("observation.gripper").getAsFloat());
            }
        }
    }

    @Test
    void tasksParquetCarriesPandasIndexMetadata() throws Exception {
        Path tasks = out.resolve("meta/tasks.parquet");
        JsonObject t = Readers.parquet(true, tasks).getAsJsonObject(tasks.toAbsolutePath().toString());
        assertEquals("[\"task\"]", t.get("pandasIndexColumns").toString());
        assertEquals("[{\"name\":\"task_index\",\"type\":\"int64\",\"repetition\":\"OPTIONAL\"},"
                + "{\"name\":\"task\",\"type\":\"string\",\"repetition\":\"OPTIONAL\"}]", t.get("columns").toString());
        assertEquals("[{\"task_index\":0,\"task\":\"pick the red cube\"},{\"task_index\":1,\"task\":\"open the drawer\"}]",
                t.get("rows").toString());
    }

    @Test
    void episodesParquetHasOneRowPerEpisodeWithRangesVideoSpansAndStats() throws Exception {
        Path file = out.resolve("meta/episodes/chunk-000/file-000.parquet");
        JsonObject m = Readers.parquet(true, file).getAsJsonObject(file.toAbsolutePath().toString());
        Map<String, String> types = new java.util.LinkedHashMap<>();
        for (JsonElement c : m.getAsJsonArray("columns")) {
            types.put(c.getAsJsonObject().get("name").getAsString(), c.getAsJsonObject().get("type").getAsString());
        }
        List<String> head = new ArrayList<>(types.keySet()).subList(0, 7);
        assertEquals(List.of("episode_index", "tasks", "length", "data/chunk_index", "data/file_index",
                "dataset_from_index", "dataset_to_index"), head);
        assertEquals("list<string>", types.get("tasks"));
        assertEquals("double", types.get("videos/observation.images.scene/from_timestamp"));
        assertEquals("int64", types.get("videos/observation.images.wrist/file_index"));
        assertEquals("list<double>", types.get("stats/observation.state/mean"));
        assertEquals("list<int64>", types.get("stats/index/min"));
        assertEquals("list<int64>", types.get("stats/observation.state/count"));
        assertEquals("list<list<list<double>>>", types.get("stats/observation.images.scene/q50"));
        assertEquals("list<int64>", types.get("stats/observation.images.scene/count"));
        for (String feature : info.getAsJsonObject("features").keySet()) {
            for (String stat : FeatureStats.NAMES) {
                assertTrue(types.containsKey("stats/" + feature + "/" + stat), "stats/" + feature + "/" + stat);
            }
        }
        assertEquals(List.of("meta/episodes/chunk_index", "meta/episodes/file_index"),
                new ArrayList<>(types.keySet()).subList(types.size() - 2, types.size()));

        JsonArray rows = m.getAsJsonArray("rows");
        assertEquals(3, rows.size());
        long from = 0;
        for (int e = 0; e < 3; e++) {
            JsonObject r = rows.get(e).getAsJsonObject();
            assertEquals(e, r.get("episode_index").getAsInt());
            assertEquals(LENGTHS[e], r.get("length").getAsInt());
            assertEquals("[\"" + TASKS[e] + "\"]", r.get("tasks").toString());
            assertEquals(from, r.get("dataset_from_index").getAsLong());
            assertEquals(from + LENGTHS[e], r.get("dataset_to_index").getAsLong());
            assertEquals(0, r.get("data/chunk_index").getAsInt());
            for (String key : List.of(SyntheticEpisode.SCENE, SyntheticEpisode.WRIST)) {
                assertEquals((double) from / FPS, r.get("videos/" + key + "/from_timestamp").getAsDouble(), 1e-9);
                assertEquals((double) (from + LENGTHS[e]) / FPS, r.get("videos/" + key + "/to_timestamp")
                        .getAsDouble(), 1e-9);
                assertEquals(0, r.get("videos/" + key + "/file_index").getAsInt());
            }
            assertEquals("[" + LENGTHS[e] + "]", r.get("stats/observation.state/count").toString());
            assertEquals("[" + from + "]", r.get("stats/index/min").toString());
            from += LENGTHS[e];
        }
    }

    private static float[] floats(JsonArray a) {
        float[] f = new float[a.size()];
        for (int i = 0; i < f.length; i++) {
            f[i] = a.get(i).getAsFloat();
        }
        return f;
    }
}
