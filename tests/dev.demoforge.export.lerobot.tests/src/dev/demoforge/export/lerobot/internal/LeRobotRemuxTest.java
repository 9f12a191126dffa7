package dev.demoforge.export.lerobot.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import dev.demoforge.export.api.DatasetExporter;
import dev.demoforge.export.api.ExportResult;
import dev.demoforge.export.api.ExportSession;
import dev.demoforge.media.Codecs;

/**
 * Packet copy of recorded H.264: episodes whose rows are an unchanged run of a recording starting on a keyframe keep
 * the recording's compressed bits (compared packet by packet by Debian's ffmpeg), get frame {@code i} at
 * {@code from + i / fps}, and pass the independent dataset checks; an episode starting inside a group of pictures
 * is encoded instead, and so is everything with {@code video_remux=off} or AV1.
 */
class LeRobotRemuxTest {

    @TempDir
    static Path tmp;
    private static Path recording;
    private static List<String> recordedPackets;

    /** Episode 0: frames 0..119, episode 1: 15..104 (15 is a keyframe at GOP 15), episode 2: 5..64 (not one). */
    private static final int[][] RUNS = {{0, 120}, {15, 90}, {5, 60}};

    @BeforeAll
    static void record() throws Exception {
        recording = RecordedEpisode.record(tmp.resolve("cam_scene.mp4"), 0, 150);
        recordedPackets = Readers.packetHashes(recording);
        assertEquals(150, recordedPackets.size(), "packets of the recording");
    }

    private static ExportResult export(DatasetExporter exporter, Path out, Map<String, String> options)
            throws Exception {
        try (ExportSession s = exporter.begin(out, RecordedEpisode.spec(), options)) {
            for (int e = 0; e < RUNS.length; e++) {
                s.writeEpisode(new RecordedEpisode(e, recording, RUNS[e][0], RUNS[e][1]), new NullProgressMonitor());
            }
            return s.finish(new NullProgressMonitor());
        }
    }

    @Test
    void v30CopiesRunsStartingOnKeyframesAndEncodesTheOneThatDoesNot() throws Exception {
        Path out = tmp.resolve("v30");
        export(ExporterService.lerobot(), out, Map.of());
        JsonArray choices = SyntheticExport.json(out.resolve("meta/demoforge_video.json")).getAsJsonArray("episodes");
        assertEquals("copied", choices.get(0).getAsJsonObject().get("mode").getAsString());
        assertEquals("copied", choices.get(1).getAsJsonObject().get("mode").getAsString());
        JsonObject third = choices.get(2).getAsJsonObject();
        assertEquals("encoded", third.get("mode").getAsString());
        assertTrue(third.get("reason").getAsString().contains("not a keyframe"), third.toString());

        Path copied = out.resolve("videos/" + RecordedEpisode.SCENE + "/chunk-000/file-000.mp4");
        List<String> expected = new ArrayList<>(recordedPackets.subList(0, 120));
        expected.addAll(recordedPackets.subList(15, 105));
        assertEquals(expected, Readers.packetHashes(copied), "copied packets are the recording's, in order");
        assertTrue(Files.isRegularFile(out.resolve("videos/" + RecordedEpisode.SCENE + "/chunk-000/file-001.mp4")),
                "the encoded episode starts a file of its own");

        JsonObject check = Readers.datasetCheck("lerobot-check.mjs", out);
        assertEquals(270, check.getAsJsonObject("videoFrames").get(RecordedEpisode.SCENE).getAsInt());
        List<Double> pts = new ArrayList<>();
        Readers.ffprobe(copied).getAsJsonArray("frames")
                .forEach(f -> pts.add(f.getAsJsonObject().get("pts_time").getAsDouble()));
        pts.sort(null);
        for (int i = 0; i < pts.size(); i++) {
            assertEquals(i / 30.0, pts.get(i), 1e-4, "pts of frame " + i + " of the copied file");
        }
    }

    @Test
    void v21CopiesPerEpisodeFilesThatTheIndependentCheckAccepts() throws Exception {
        Path out = tmp.resolve("v21");
        export(ExporterService.lerobotV21(), out, Map.of());
        Readers.datasetCheck("lerobot-v21-check.mjs", out);
        Path ep1 = out.resolve("videos/chunk-000/" + RecordedEpisode.SCENE + "/episode_000001.mp4");
        assertEquals(recordedPackets.subList(15, 105), Readers.packetHashes(ep1));
        Path ep2 = out.resolve("videos/chunk-000/" + RecordedEpisode.SCENE + "/episode_000002.mp4");
        assertFalse(recordedPackets.subList(5, 65).equals(Readers.packetHashes(ep2)), "episode 2 is re-encoded");
    }

    @Test
    void remuxOffAndAv1EncodeEveryEpisode() throws Exception {
        Path off = tmp.resolve("off");
        ExportResult encoded = export(ExporterService.lerobot(), off, Map.of(LeRobotOptions.REMUX, "off"));
        assertEquals(0, SyntheticExport.json(off.resolve("meta/demoforge_video.json")).get("copied").getAsInt());
        Path auto = tmp.resolve("auto");
        ExportResult copied = export(ExporterService.lerobot(), auto, Map.of());
        System.out.printf("Remux vs re-encode, 3 episodes (270 rows of 640x480, 210 copied): copy %.2f s, encode "
                + "%.2f s, ratio %.2fx%n", copied.elapsed().toNanos() / 1e9, encoded.elapsed().toNanos() / 1e9,
                (double) encoded.elapsed().toNanos() / copied.elapsed().toNanos());

        assertTrue(Codecs.encoderAvailable("libsvtav1"), "the embedded FFmpeg has libsvtav1");
        Path av1 = tmp.resolve("av1");
        export(ExporterService.lerobot(), av1, Map.of(LeRobotOptions.CODEC, "libsvtav1"));
        JsonObject info = SyntheticExport.json(av1.resolve("meta/info.json"));
        assertEquals("av1", info.getAsJsonObject("features").getAsJsonObject(RecordedEpisode.SCENE)
                .getAsJsonObject("info").get("video.codec").getAsString());
        assertEquals(0, SyntheticExport.json(av1.resolve("meta/demoforge_video.json")).get("copied").getAsInt());
        JsonObject stream = Readers.ffprobe(av1.resolve("videos/" + RecordedEpisode.SCENE
                + "/chunk-000/file-000.mp4")).getAsJsonArray("streams").get(0).getAsJsonObject();
        assertEquals("av1", stream.get("codec_name").getAsString());
        assertEquals(270, stream.get("nb_frames").getAsInt());
    }
}
