package dev.demoforge.export.mcap.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.ArrayList;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import dev.demoforge.export.api.DatasetSpec;
import dev.demoforge.export.api.DatasetSplit;
import dev.demoforge.export.api.ExportResult;
import dev.demoforge.test.support.export.SyntheticEpisode;

/** MCAP exports read back by @mcap/core + protobufjs and ffmpeg, and compared with the episodes written. */
class McapExportTest {

    static final String[] TASKS = SyntheticEpisode.TASKS.toArray(String[]::new);
    static final List<String> TOPICS = List.of("/action", "/observation/state", "/observation/gripper",
            "/observation/images/scene", "/observation/images/wrist");

    @TempDir
    Path tmp;

    @Test
    void eachEpisodesMetadataRecordNamesItsDeclaredSplit() throws Exception {
        Path out = tmp.resolve("mcap");
        DatasetSpec spec = SyntheticEpisode.spec().withSplits(List.of(new DatasetSplit("train", 0, 2),
                new DatasetSplit("val", 2, 3)));
        SyntheticEpisode.exportAll(ExporterService.mcap(), out, spec, Map.of(), 3, 2, 4);
        List<String> splits = new ArrayList<>();
        for (int e = 0; e < 3; e++) {
            JsonObject report = McapReaders.check(out.resolve(String.format("episode_%06d.mcap", e)));
            splits.add(report.getAsJsonObject("metadata").getAsJsonObject("demoforge_episode").get("split")
                    .getAsString());
        }
        assertEquals(List.of("train", "train", "val"), splits);
    }

    @Test
    void eachEpisodeIsAnIndexedFileWithFoxgloveSchemasAndTheEpisodesValues() throws Exception {
        Path out = tmp.resolve("mcap");
        int[] lengths = {12, 45};
        ExportResult r = SyntheticEpisode.exportAll(ExporterService.mcap(), out, Map.of("chunk_size_kb", "64"),
                lengths);
        assertEquals(2, r.episodes());
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(List.of("episode_000000.mcap", "episode_000001.mcap"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        for (int e = 0; e < 2; e++) {
            int n = lengths[e];
            Path jpeg = tmp.resolve("frame-" + e + ".jpg");
            JsonObject report = McapReaders.check(out.resolve(String.format("episode_%06d.mcap", e)), "--dump",
                    "/observation/images/scene", Integer.toString(n - 1), jpeg.toString());
            JsonObject topics = report.getAsJsonObject("topics");
            assertEquals(TOPICS, List.copyOf(topics.keySet()));
            assertEquals(5 * n, report.get("messages").getAsInt());
            assertTrue(report.get("chunks").getAsInt() > 1, "64 KiB chunks: several per episode");
            assertEquals("[\"lz4\"]", report.get("compression").toString(), "lz4 chunks by default");
            JsonObject meta = report.getAsJsonObject("metadata").getAsJsonObject("demoforge_episode");
            assertEquals(TASKS[e % 2], meta.get("task").getAsString());
            assertEquals("synthetic-" + e, meta.get("source_episode").getAsString());
            assertTrue(!meta.has("split"), "no split without declared splits");
            JsonObject scene = topics.getAsJsonObject("/observation/images/scene");
            assertEquals("foxglove.CompressedImage", scene.get("schema").getAsString());
            assertEquals("protobuf", scene.get("messageEncoding").getAsString());
            assertEquals("jpeg", scene.get("format").getAsString());
            assertEquals("scene", scene.get("frameId").getAsString());
            JsonObject state = topics.getAsJsonObject("/observation/state");
            assertEquals("demoforge.JointState", state.get("schema").getAsString());
            assertEquals("jsonschema", state.get("schemaEncoding").getAsString());
            assertEquals(SyntheticEpisode.JOINTS, state.getAsJsonArray("name").asList().stream()
                    .map(j -> j.getAsString()).toList());
            assertEquals("demoforge.Vector", topics.getAsJsonObject("/observation/gripper").get("schema")
                    .getAsString());
            SyntheticEpisode source = new SyntheticEpisode(e, n, TASKS[e % 2]);
            for (String[] t : new String[][] {{"/observation/state", SyntheticEpisode.STATE},
                    {"/action", SyntheticEpisode.ACTION}, {"/observation/gripper", SyntheticEpisode.GRIPPER}}) {
                JsonObject topic = topics.getAsJsonObject(t[0]);
                assertEquals(n, topic.get("count").getAsInt());
                JsonArray values = topic.getAsJsonArray("values");
                for (int i = 0; i < n; i++) {
                    assertArrayEquals(source.row(t[1], i), floats(values.get(i).getAsJsonArray()), t[0] + " " + i);
                }
            }
            JsonArray times = scene.getAsJsonArray("logTimes");
            for (int i = 0; i < n; i++) {
                assertEquals(i * 1_000_000_000L / SyntheticEpisode.FPS, times.get(i).getAsLong(),
                        "row " + i + " at i / fps on the dataset timeline");
            }
            JsonObject probe = McapReaders.ffprobe(jpeg);
            assertEquals("mjpeg", probe.get("codec_name").getAsString());
            assertEquals(640, probe.get("width").getAsInt());
            assertEquals(480, probe.get("height").getAsInt());
            byte[] rgb = McapReaders.decodeRgb(jpeg);
            byte[] frame = SyntheticEpisode.frame(e, n - 1, 640, 480);
            double error = SyntheticEpisode.meanAbsDiff(rgb, SyntheticEpisode.swapped(frame));
            assertTrue(error < 3, "the JPEG decodes close to the frame: mean |error| " + error);
        }
    }

    @Test
    void pngImagesDecodeToTheFramesExactly() throws Exception {
        Path out = tmp.resolve("mcap");
        SyntheticEpisode.exportAll(ExporterService.mcap(), out, Map.of("image_format", "png"), 4);
        Path png = tmp.resolve("wrist.png");
        JsonObject report = McapReaders.check(out.resolve("episode_000000.mcap"), "--dump",
                "/observation/images/wrist", "2", png.toString());
        assertEquals("png", report.getAsJsonObject("topics").getAsJsonObject("/observation/images/wrist")
                .get("format").getAsString());
        assertEquals("png", McapReaders.ffprobe(png).get("codec_name").getAsString());
        assertArrayEquals(SyntheticEpisode.swapped(SyntheticEpisode.frame(0, 2, 320, 240)),
                McapReaders.decodeRgb(png));
    }

    @Test
    void chunksAreUncompressedOnRequestAndLz4MakesThemSmaller() throws Exception {
        Path lz4 = tmp.resolve("lz4");
        Path none = tmp.resolve("none");
        SyntheticEpisode.exportAll(ExporterService.mcap(), lz4, Map.of(), 30);
        SyntheticEpisode.exportAll(ExporterService.mcap(), none, Map.of("compression", "none"), 30);
        JsonObject plain = McapReaders.check(none.resolve("episode_000000.mcap"));
        JsonObject packed = McapReaders.check(lz4.resolve("episode_000000.mcap"));
        assertEquals("[\"\"]", plain.get("compression").toString());
        assertEquals(plain.getAsJsonObject("topics").getAsJsonObject("/action").getAsJsonArray("values"),
                packed.getAsJsonObject("topics").getAsJsonObject("/action").getAsJsonArray("values"));
        long plainSize = Files.size(none.resolve("episode_000000.mcap"));
        long packedSize = Files.size(lz4.resolve("episode_000000.mcap"));
        assertTrue(packedSize < plainSize, "lz4 " + packedSize + " bytes, uncompressed " + plainSize);
    }

    static float[] floats(JsonArray a) {
        float[] out = new float[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) a.get(i).getAsDouble();
        }
        return out;
    }
}
