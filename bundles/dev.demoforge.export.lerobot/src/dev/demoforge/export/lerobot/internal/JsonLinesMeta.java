package dev.demoforge.export.lerobot.internal;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.google.gson.stream.JsonWriter;

/**
 * Writes the JSON-lines metadata of a LeRobot v2.1 dataset (formats.md §2.3): {@code meta/tasks.jsonl},
 * {@code meta/episodes.jsonl} and {@code meta/episodes_stats.jsonl}, one compact object per line in index order.
 * Per-episode stats are {@code min, max, mean, std, count} only (v2.1 has no quantiles), for every feature including
 * cameras (shape (3, 1, 1), in [0, 1]) and the five default columns; lerobot 0.3.x aggregates the dataset stats from
 * them, so no {@code stats.json} is written.
 */
final class JsonLinesMeta {

    /** The stats v2.1 keeps per episode. */
    static final List<String> STATS = List.of("min", "max", "mean", "std", "count");

    private JsonLinesMeta() {
    }

    static void write(Path root, List<String> tasks, List<EpisodeRecord> episodes) throws IOException {
        Path meta = Files.createDirectories(root.resolve("meta"));
        lines(meta.resolve("tasks.jsonl"), tasks.size(), (w, i) -> w.beginObject().name("task_index").value(i)
                .name("task").value(tasks.get(i)).endObject());
        lines(meta.resolve("episodes.jsonl"), episodes.size(), (w, i) -> {
            EpisodeRecord e = episodes.get(i);
            w.beginObject().name("episode_index").value(e.index()).name("tasks").beginArray();
            for (String t : e.tasks()) {
                w.value(t);
            }
            w.endArray().name("length").value(e.length()).endObject();
        });
        lines(meta.resolve("episodes_stats.jsonl"), episodes.size(), (w, i) -> {
            EpisodeRecord e = episodes.get(i);
            w.beginObject().name("episode_index").value(e.index()).name("stats").beginObject();
            for (Map.Entry<String, FeatureStats> f : e.stats().entrySet()) {
                w.name(f.getKey());
                MetaJson.stats(w, f.getValue(), STATS);
            }
            w.endObject().endObject();
        });
    }

    /** One line of a JSON-lines file. */
    @FunctionalInterface
    private interface Line {
        void write(JsonWriter w, int index) throws IOException;
    }

    private static void lines(Path file, int count, Line line) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < count; i++) {
                JsonWriter w = new JsonWriter(out);
                line.write(w, i);
                w.flush();
                out.write('\n');
            }
        }
    }
}
