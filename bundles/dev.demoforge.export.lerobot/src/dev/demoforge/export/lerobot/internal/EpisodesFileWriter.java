package dev.demoforge.export.lerobot.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

import dev.demoforge.device.api.DType;
import dev.demoforge.thirdparty.parquet.RowFileWriter;

/**
 * Writes {@code meta/episodes/chunk-XXX/file-YYY.parquet}: one row per episode in episode order, columns
 * {@code episode_index, tasks, length, data/chunk_index, data/file_index, dataset_from_index, dataset_to_index},
 * per video key {@code videos/<key>/chunk_index, file_index, from_timestamp, to_timestamp}, per feature and stat
 * {@code stats/<feature>/<stat>}, then {@code meta/episodes/chunk_index, meta/episodes/file_index}. No
 * {@code huggingface} footer (the recorder writes these with {@code pa.Table.from_pydict}). Rolls over with the same
 * size rule as data files.
 */
final class EpisodesFileWriter {

    private final Path root;
    private final LeRobotOptions options;
    private final List<String> videoKeys;
    private final Map<String, FeatureStats> statsLayout;
    private final MessageType schema;

    /** @param template any episode: its video keys and stats features fix the columns */
    EpisodesFileWriter(Path root, LeRobotOptions options, EpisodeRecord template) {
        this.root = root;
        this.options = options;
        this.videoKeys = List.copyOf(template.videos().keySet());
        this.statsLayout = template.stats();
        this.schema = schema();
    }

    /** Writes all episodes; returns the bytes written. */
    long write(List<EpisodeRecord> episodes) throws IOException {
        long bytes = 0;
        ChunkFile position = ChunkFile.FIRST;
        RowFileWriter<EpisodeRecord> writer = null;
        long rowsInFile = 0;
        try {
            for (EpisodeRecord e : episodes) {
                if (writer != null && ChunkFile.wouldOverflow(writer.dataSize(), rowsInFile, 1,
                        options.dataFilesSizeMb())) {
                    writer.close();
                    bytes += Files.size(writer.file());
                    writer = null;
                    position = position.next(options.chunksSize());
                }
                if (writer == null) {
                    Path file = root.resolve(position.episodesPath());
                    Files.createDirectories(file.getParent());
                    ChunkFile here = position;
                    writer = RowFileWriter.create(file, schema, Map.of(), options.compression(),
                            (rc, row) -> bind(rc, row, here));
                    rowsInFile = 0;
                }
                writer.write(e);
                rowsInFile++;
            }
        } finally {
            if (writer != null) {
                writer.close();
                bytes += Files.size(writer.file());
            }
        }
        return bytes;
    }

    private MessageType schema() {
        List<Type> f = new ArrayList<>();
        f.add(Pq.scalar("episode_index", DType.INT64));
        f.add(Pq.list("tasks", DType.STRING));
        f.add(Pq.scalar("length", DType.INT64));
        for (String k : List.of("data/chunk_index", "data/file_index", "dataset_from_index", "dataset_to_index")) {
            f.add(Pq.scalar(k, DType.INT64));
        }
        for (String v : videoKeys) {
            f.add(Pq.scalar("videos/" + v + "/chunk_index", DType.INT64));
            f.add(Pq.scalar("videos/" + v + "/file_index", DType.INT64));
            f.add(Pq.scalar("videos/" + v + "/from_timestamp", DType.FLOAT64));
            f.add(Pq.scalar("videos/" + v + "/to_timestamp", DType.FLOAT64));
        }
        statsLayout.forEach((feature, s) -> {
            for (String stat : FeatureStats.NAMES) {
                String name = "stats/" + feature + "/" + stat;
                if (s.image() && !stat.equals("count")) {
                    f.add(Pq.nestedDoubleList3(name));
                } else {
                    f.add(Pq.list(name, s.isIntegerStat(stat) ? DType.INT64 : DType.FLOAT64));
                }
            }
        });
        f.add(Pq.scalar("meta/episodes/chunk_index", DType.INT64));
        f.add(Pq.scalar("meta/episodes/file_index", DType.INT64));
        return new MessageType("schema", f);
    }

    private void bind(RecordConsumer rc, EpisodeRecord e, ChunkFile here) {
        int i = 0;
        Pq.scalar(rc, "episode_index", i++, DType.INT64, e.index());
        Pq.stringList(rc, "tasks", i++, e.tasks());
        Pq.scalar(rc, "length", i++, DType.INT64, e.length());
        Pq.scalar(rc, "data/chunk_index", i++, DType.INT64, e.data().chunk());
        Pq.scalar(rc, "data/file_index", i++, DType.INT64, e.data().file());
        Pq.scalar(rc, "dataset_from_index", i++, DType.INT64, e.from());
        Pq.scalar(rc, "dataset_to_index", i++, DType.INT64, e.to());
        for (String v : videoKeys) {
            EpisodeRecord.VideoSpan span = e.videos().get(v);
            String p = "videos/" + v + "/";
            Pq.scalar(rc, p + "chunk_index", i++, DType.INT64, span.file().chunk());
            Pq.scalar(rc, p + "file_index", i++, DType.INT64, span.file().file());
            Pq.scalar(rc, p + "from_timestamp", i++, DType.FLOAT64, span.from());
            Pq.scalar(rc, p + "to_timestamp", i++, DType.FLOAT64, span.to());
        }
        for (Map.Entry<String, FeatureStats> en : e.stats().entrySet()) {
            FeatureStats s = en.getValue();
            for (String stat : FeatureStats.NAMES) {
                String name = "stats/" + en.getKey() + "/" + stat;
                if (s.image() && !stat.equals("count")) {
                    Pq.channelList(rc, name, i++, s.get(stat));
                } else {
                    Pq.list(rc, name, i++, s.isIntegerStat(stat) ? DType.INT64 : DType.FLOAT64, s.get(stat));
                }
            }
        }
        Pq.scalar(rc, "meta/episodes/chunk_index", i++, DType.INT64, here.chunk());
        Pq.scalar(rc, "meta/episodes/file_index", i, DType.INT64, here.file());
    }
}
