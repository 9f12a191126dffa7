package dev.demoforge.export.lerobot.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/** Checks the exported videos with ffprobe and ffmpeg (Debian's FFmpeg, not the embedded one). */
class LeRobotVideoTest {

    static final int FPS = SyntheticEpisode.FPS;

    @Test
    void eachVideoIsH264AtFpsWithOneFramePerDataRow() throws Exception {
        Path out = SyntheticExport.dir();
        for (String key : List.of(SyntheticEpisode.SCENE, SyntheticEpisode.WRIST)) {
            Path mp4 = out.resolve("videos/" + key + "/chunk-000/file-000.mp4");
            JsonObject probe = Readers.ffprobe(mp4);
            JsonObject stream = probe.getAsJsonArray("streams").get(0).getAsJsonObject();
            assertEquals("h264", stream.get("codec_name").getAsString(), key);
            assertEquals(FPS + "/1", stream.get("r_frame_rate").getAsString(), key);
            assertEquals("yuv420p", stream.get("pix_fmt").getAsString(), key);
            assertEquals(SyntheticExport.total(), stream.get("nb_frames").getAsInt(), key);
            assertEquals(SyntheticExport.total(), probe.getAsJsonArray("frames").size(), key + " decoded frames");
        }
    }

    @Test
    void framePtsOfEveryEpisodeFrameIsFromTimestampPlusIOverFps() throws Exception {
        Path out = SyntheticExport.dir();
        Path episodes = out.resolve("meta/episodes/chunk-000/file-000.parquet");
        List<JsonObject> rows = new ArrayList<>();
        Readers.parquet(true, episodes).getAsJsonObject(episodes.toAbsolutePath().toString()).getAsJsonArray("rows")
                .forEach(r -> rows.add(r.getAsJsonObject()));
        for (String key : List.of(SyntheticEpisode.SCENE, SyntheticEpisode.WRIST)) {
            List<Double> pts = new ArrayList<>();
            for (JsonElement f : Readers.ffprobe(out.resolve("videos/" + key + "/chunk-000/file-000.mp4"))
                    .getAsJsonArray("frames")) {
                pts.add(f.getAsJsonObject().get("pts_time").getAsDouble());
            }
            pts.sort(null);
            for (JsonObject r : rows) {
                double from = r.get("videos/" + key + "/from_timestamp").getAsDouble();
                long first = r.get("dataset_from_index").getAsLong();
                for (int i = 0; i < r.get("length").getAsInt(); i++) {
                    double expected = from + (double) i / FPS;
                    double actual = pts.get((int) first + i);
                    assertTrue(Math.abs(actual - expected) < 1e-4, key + " episode " + r.get("episode_index")
                            + " frame " + i + ": pts " + actual + " s, expected " + expected + " s");
                }
            }
        }
    }

    @Test
    void frameAtEpisodeTimestampShowsThatEpisodesPicture() throws Exception {
        Path out = SyntheticExport.dir();
        Path mp4 = out.resolve("videos/" + SyntheticEpisode.SCENE + "/chunk-000/file-000.mp4");
        long from = 0;
        for (int e = 0; e < SyntheticExport.LENGTHS.length; e++) {
            int i = 7;
            double t = (double) (from + i) / FPS;
            byte[] decoded = Readers.ffmpegFrame(mp4, t - 0.25 / FPS, 640, 480);
            double own = SyntheticEpisode.meanAbsDiff(decoded, SyntheticEpisode.frame(e, i, 640, 480));
            double other = SyntheticEpisode.meanAbsDiff(decoded, SyntheticEpisode.frame((e + 1) % 3, i, 640, 480));
            double shifted = SyntheticEpisode.meanAbsDiff(decoded, SyntheticEpisode.frame(e, i + 3, 640, 480));
            assertTrue(own < 6, "episode " + e + " frame " + i + " differs from its source by " + own);
            assertTrue(other > 20, "episode " + e + " frame looks like another episode's: " + other);
            assertTrue(shifted > own, "episode " + e + " frame " + i + " is closer to frame " + (i + 3));
            from += SyntheticExport.LENGTHS[e];
        }
    }
}
