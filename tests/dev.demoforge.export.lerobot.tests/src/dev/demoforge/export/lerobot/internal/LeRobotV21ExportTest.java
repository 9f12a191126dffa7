package dev.demoforge.export.lerobot.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import dev.demoforge.export.api.DatasetExporter;
import dev.demoforge.export.api.ExportResult;
import dev.demoforge.export.api.ExportSession;

/**
 * The LeRobot v2.1 exporter ({@code lerobot-v2.1}) on the synthetic set, checked by {@code lerobot-v21-check.mjs}
 * (hyparquet + ffprobe) and by reading the JSON-lines metadata.
 */
class LeRobotV21ExportTest {

    @TempDir
    Path tmp;

    private Path export(Map<String, String> options) throws Exception {
        Path out = tmp.resolve("v21");
        DatasetExporter exporter = ExporterService.lerobotV21();
        try (ExportSession s = exporter.begin(out, SyntheticEpisode.spec(), options)) {
            for (int e = 0; e < SyntheticExport.LENGTHS.length; e++) {
                s.writeEpisode(new SyntheticEpisode(e, SyntheticExport.LENGTHS[e], SyntheticExport.TASKS[e]),
                        new NullProgressMonitor());
            }
            ExportResult r = s.finish(new NullProgressMonitor());
            assertEquals(SyntheticExport.total(), r.frames());
        }
        return out;
    }

    @Test
    void writesOneParquetAndOneMp4PerEpisodeThatTheIndependentV21CheckAccepts() throws Exception {
        Path out = export(Map.of(LeRobotOptions.CHUNKS_SIZE, "2"));
        JsonObject check = Readers.datasetCheck("lerobot-v21-check.mjs", out);
        assertEquals(3, check.get("episodes").getAsInt());
        assertEquals(SyntheticExport.total(), check.get("frames").getAsInt());
        assertEquals(SyntheticExport.total(), check.getAsJsonObject("videoFrames").get(SyntheticEpisode.SCENE)
                .getAsInt());
        for (String f : List.of("data/chunk-000/episode_000000.parquet", "data/chunk-000/episode_000001.parquet",
                "data/chunk-001/episode_000002.parquet",
                "videos/chunk-001/observation.images.scene/episode_000002.mp4",
                "videos/chunk-000/observation.images.wrist/episode_000001.mp4", "meta/tasks.jsonl",
                "meta/episodes.jsonl", "meta/episodes_stats.jsonl")) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f);
        }
        assertFalse(Files.exists(out.resolve("meta/episodes")), "no v3.0 episodes table");
        assertFalse(Files.exists(out.resolve("meta/tasks.parquet")), "no v3.0 tasks table");
    }

    @Test
    void infoJsonHasTheV21KeysAndTemplates() throws Exception {
        Path out = export(Map.of(LeRobotOptions.CHUNKS_SIZE, "2"));
        JsonObject info = SyntheticExport.json(out.resolve("meta/info.json"));
        assertEquals("v2.1", info.get("codebase_version").getAsString());
        assertEquals(List.of("codebase_version", "robot_type", "total_episodes", "total_frames", "total_tasks",
                "total_videos", "total_chunks", "chunks_size", "fps", "splits", "data_path", "video_path",
                "features"), List.copyOf(info.keySet()));
        assertEquals(6, info.get("total_videos").getAsInt());
        assertEquals(2, info.get("total_chunks").getAsInt());
        assertEquals(2, info.get("total_tasks").getAsInt());
        assertEquals("data/chunk-{episode_chunk:03d}/episode_{episode_index:06d}.parquet",
                info.get("data_path").getAsString());
        assertEquals("videos/chunk-{episode_chunk:03d}/{video_key}/episode_{episode_index:06d}.mp4",
                info.get("video_path").getAsString());
    }

    @Test
    void jsonLinesHoldTasksEpisodesAndExactPerEpisodeStats() throws Exception {
        Path out = export(Map.of());
        List<JsonObject> tasks = lines(out.resolve("meta/tasks.jsonl"));
        assertEquals("pick the red cube", tasks.get(0).get("task").getAsString());
        assertEquals("open the drawer", tasks.get(1).get("task").getAsString());
        List<JsonObject> episodes = lines(out.resolve("meta/episodes.jsonl"));
        assertEquals(150, episodes.get(1).get("length").getAsInt());
        assertEquals("open the drawer", episodes.get(1).getAsJsonArray("tasks").get(0).getAsString());
        JsonObject stats = lines(out.resolve("meta/episodes_stats.jsonl")).get(1).getAsJsonObject("stats");
        SyntheticEpisode ep = new SyntheticEpisode(1, 150, "open the drawer");
        JsonObject state = stats.getAsJsonObject(SyntheticEpisode.STATE);
        for (int d = 0; d < 6; d++) {
            double min = Double.MAX_VALUE;
            double max = -Double.MAX_VALUE;
            double sum = 0;
            for (int i = 0; i < 150; i++) {
                double v = ep.row(SyntheticEpisode.STATE, i)[d];
                min = Math.min(min, v);
                max = Math.max(max, v);
                sum += v;
            }
            assertEquals(min, state.getAsJsonArray("min").get(d).getAsDouble(), 1e-6, "min " + d);
            assertEquals(max, state.getAsJsonArray("max").get(d).getAsDouble(), 1e-6, "max " + d);
            assertEquals(sum / 150, state.getAsJsonArray("mean").get(d).getAsDouble(), 1e-5, "mean " + d);
        }
        assertEquals(150, state.getAsJsonArray("count").get(0).getAsInt());
        assertFalse(state.has("q01"), "v2.1 episode stats have no quantiles");
        JsonArray frameIndexMax = stats.getAsJsonObject("frame_index").getAsJsonArray("max");
        assertEquals(149, frameIndexMax.get(0).getAsLong());
        assertEquals(3, stats.getAsJsonObject(SyntheticEpisode.SCENE).getAsJsonArray("mean").size());
    }

    @Test
    void refusesTheV30FileSizeOptionsByName() throws Exception {
        DatasetExporter exporter = ExporterService.lerobotV21();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> exporter.begin(
                tmp.resolve("x"), SyntheticEpisode.spec(), Map.of(LeRobotOptions.DATA_MB, "10")));
        assertTrue(e.getMessage().contains(LeRobotOptions.DATA_MB), e.getMessage());
    }

    private static List<JsonObject> lines(Path file) throws Exception {
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank())
                .map(l -> JsonParser.parseString(l).getAsJsonObject()).toList();
    }
}
