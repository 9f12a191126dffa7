package dev.demoforge.export.lerobot.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.google.gson.stream.JsonWriter;

import dev.demoforge.export.api.DatasetSpec;
import dev.demoforge.export.api.DatasetSplit;
import dev.demoforge.export.api.FeatureKind;
import dev.demoforge.export.api.FeatureSpec;
import dev.demoforge.media.VideoInfo;

/** Writes {@code meta/info.json} (v3.0 or v2.1) and {@code meta/stats.json} (formats.md §1.2–1.4, §1.8, §2.2). */
final class MetaJson {

    static final String DATA_PATH = "data/chunk-{chunk_index:03d}/file-{file_index:03d}.parquet";
    static final String VIDEO_PATH = "videos/{video_key}/chunk-{chunk_index:03d}/file-{file_index:03d}.mp4";

    private MetaJson() {
    }

    /**
     * Dataset totals for {@code info.json}.
     *
     * @param videoInfo per video key, the probe of its first file
     */
    record Totals(int episodes, long frames, int tasks, Map<String, VideoInfo> videoInfo) {
    }

    /**
     * Writes {@code info.json} with the keys in the order lerobot writes them: v3.0 with the file size targets, v2.1
     * ({@code create_empty_dataset_info} of v0.3.3) with {@code total_videos} and {@code total_chunks} instead.
     */
    static void writeInfo(Path root, LeRobotFormat format, DatasetSpec spec, LeRobotOptions o, Totals t)
            throws IOException {
        boolean v21 = format == LeRobotFormat.V2_1;
        Json.writeFile(root.resolve("meta/info.json"), w -> {
            w.beginObject();
            w.name("codebase_version").value(format.codebaseVersion());
            w.name("robot_type").value(spec.robotType());
            w.name("total_episodes").value(t.episodes());
            w.name("total_frames").value(t.frames());
            w.name("total_tasks").value(t.tasks());
            if (v21) {
                w.name("total_videos").value((long) t.episodes() * spec.videoFeatures().size());
                w.name("total_chunks").value((t.episodes() + o.chunksSize() - 1) / o.chunksSize());
            }
            w.name("chunks_size").value(o.chunksSize());
            if (!v21) {
                w.name("data_files_size_in_mb").value(o.dataFilesSizeMb());
                w.name("video_files_size_in_mb").value(o.videoFilesSizeMb());
            }
            w.name("fps").value(spec.fps());
            w.name("splits").beginObject();
            if (spec.splits().isEmpty()) {
                w.name("train").value("0:" + t.episodes());
            } else {
                spec.checkSplits(t.episodes());
                for (DatasetSplit s : spec.splits()) {
                    w.name(s.name()).value(s.fromEpisode() + ":" + s.toEpisode());
                }
            }
            w.endObject();
            w.name("data_path").value(v21 ? LeRobotFormat.V21_DATA_PATH : DATA_PATH);
            w.name("video_path");
            if (spec.videoFeatures().isEmpty()) {
                w.nullValue();
            } else {
                w.value(v21 ? LeRobotFormat.V21_VIDEO_PATH : VIDEO_PATH);
            }
            w.name("features").beginObject();
            for (FeatureSpec f : spec.features()) {
                w.name(f.key());
                if (f.kind() == FeatureKind.VIDEO) {
                    videoFeature(w, f, t.videoInfo().get(f.key()));
                } else {
                    feature(w, f.dtype().numpyName(), f.width(), f);
                }
            }
            for (String k : DataFileWriter.DEFAULT_KEYS) {
                w.name(k);
                feature(w, k.equals("timestamp") ? "float32" : "int64", 1, null);
            }
            w.endObject();
            w.endObject();
        });
    }

    /** Writes the global stats, features in {@code info.features} order. */
    static void writeStats(Path root, Map<String, FeatureStats> stats) throws IOException {
        Json.writeFile(root.resolve("meta/stats.json"), w -> {
            w.beginObject();
            for (Map.Entry<String, FeatureStats> e : stats.entrySet()) {
                w.name(e.getKey());
                stats(w, e.getValue(), FeatureStats.NAMES);
            }
            w.endObject();
        });
    }

    /**
     * One feature's stats object with the stats {@code names} in that order: vectors as lists of D numbers,
     * images per channel as {@code [[[r]], [[g]], [[b]]]}, {@code count} as {@code [n]}.
     */
    static void stats(JsonWriter w, FeatureStats s, List<String> names) throws IOException {
        w.beginObject();
        for (String stat : names) {
            w.name(stat).beginArray();
            boolean integer = s.isIntegerStat(stat);
            for (double v : s.get(stat)) {
                if (s.image() && !stat.equals("count")) {
                    w.beginArray().beginArray();
                    Json.number(w, v, false);
                    w.endArray().endArray();
                } else {
                    Json.number(w, v, integer);
                }
            }
            w.endArray();
        }
        w.endObject();
    }

    /** A non-video feature: dtype, shape, names (null without) and, where the feature has one, its info block. */
    private static void feature(JsonWriter w, String dtype, int width, FeatureSpec f) throws IOException {
        w.beginObject().name("dtype").value(dtype);
        w.name("shape").beginArray().value(width).endArray();
        w.name("names");
        if (f == null || f.names().isEmpty()) {
            w.nullValue();
        } else {
            w.beginArray();
            for (String n : f.names()) {
                w.value(n);
            }
            w.endArray();
        }
        if (f != null && !f.info().isEmpty()) {
            w.name("info").beginObject();
            for (String k : new java.util.TreeSet<>(f.info().keySet())) {
                w.name(k).value(f.info().get(k));
            }
            w.endObject();
        }
        w.endObject();
    }

    private static void videoFeature(JsonWriter w, FeatureSpec f, VideoInfo info) throws IOException {
        w.beginObject().name("dtype").value("video");
        w.name("shape").beginArray();
        for (int s : f.shape()) {
            w.value(s);
        }
        w.endArray();
        w.name("names").beginArray().value("height").value("width").value("channels").endArray();
        w.name("info").beginObject();
        w.name("video.height").value(info.height());
        w.name("video.width").value(info.width());
        w.name("video.codec").value(info.codec());
        w.name("video.pix_fmt").value(info.pixFmt());
        w.name("video.is_depth_map").value(false);
        w.name("video.fps").value(info.fps());
        w.name("video.channels").value(channels(info.pixFmt()));
        w.name("has_audio").value(false);
        w.endObject();
        w.endObject();
    }

    /** LeRobot's channel count from a pixel format: gray → 1, rgba/yuva → 4, else 3. */
    static int channels(String pixFmt) {
        if (pixFmt.startsWith("gray")) {
            return 1;
        }
        if (pixFmt.startsWith("rgba") || pixFmt.startsWith("yuva") || pixFmt.startsWith("bgra")) {
            return 4;
        }
        return 3;
    }
}
