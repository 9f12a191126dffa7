package dev.demoforge.export.lerobot.internal;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

import com.google.gson.stream.JsonWriter;

import dev.demoforge.device.api.DType;
import dev.demoforge.export.api.DatasetSpec;
import dev.demoforge.export.api.FeatureSpec;
import dev.demoforge.thirdparty.parquet.RowFileWriter;

/**
 * Writes the data parquet files (v3.0 {@code data/chunk-XXX/file-YYY.parquet}, v2.1
 * {@code data/chunk-XXX/episode_XXXXXX.parquet}): one row per frame, columns in {@code info.features} order minus
 * video (vector features, then {@code timestamp, frame_index, episode_index, index, task_index}); a {@code [D]}
 * feature is a plain LIST of its dtype, a {@code [1]} feature a scalar; all columns optional; footer key
 * {@code huggingface}. v3.0: a new file starts before an episode when the size rule of
 * {@link ChunkFile#wouldOverflow} says so; an episode is never split across files. v2.1: one file per episode. One
 * thread.
 */
final class DataFileWriter implements Closeable {

    /** The five columns LeRobot adds to every dataset ({@code DEFAULT_FEATURES}). */
    static final List<String> DEFAULT_KEYS = List.of("timestamp", "frame_index", "episode_index", "index",
            "task_index");

    private final Path root;
    private final LeRobotFormat format;
    private final List<FeatureSpec> vectors;
    private final LeRobotOptions options;
    private final MessageType schema;
    private final Map<String, String> footer;
    private final Row row = new Row();
    private RowFileWriter<Row> writer;
    private ChunkFile position = ChunkFile.FIRST;
    private long framesInFile;
    private long bytesClosed;

    /** Mutable holder of the row being written. */
    private static final class Row {
        float[][][] values;
        int frame;
        float timestamp;
        long episode;
        long index;
        long task;
    }

    DataFileWriter(Path root, LeRobotFormat format, DatasetSpec spec, LeRobotOptions options) {
        this.root = root;
        this.format = format;
        this.vectors = spec.vectorFeatures();
        this.options = options;
        this.schema = schema(vectors);
        this.footer = Map.of("huggingface", huggingfaceJson(vectors, format.hfListType()));
    }

    /**
     * Prepares for episode {@code episode} of {@code length} rows (rolling over to a new file if needed) and returns
     * the file that will hold it.
     */
    ChunkFile beginEpisode(int episode, int length) throws IOException {
        if (format.filePerEpisode()) {
            closeFile();
            position = LeRobotFormat.episodeFile(episode, options.chunksSize());
        } else if (writer != null && ChunkFile.wouldOverflow(writer.dataSize(), framesInFile, length,
                options.dataFilesSizeMb())) {
            closeFile();
            position = position.next(options.chunksSize());
        }
        if (writer == null) {
            Path file = root.resolve(format.dataPath(position));
            Files.createDirectories(file.getParent());
            writer = RowFileWriter.create(file, schema, footer, options.compression(), 32L << 20, this::bind);
            framesInFile = 0;
        }
        return position;
    }

    /** Writes row {@code frame} of an episode whose vector values are {@code values[feature][frame][d]}. */
    void write(float[][][] values, int frame, float timestamp, long episode, long index, long task)
            throws IOException {
        row.values = values;
        row.frame = frame;
        row.timestamp = timestamp;
        row.episode = episode;
        row.index = index;
        row.task = task;
        writer.write(row);
        framesInFile++;
    }

    /** Bytes of the data files closed so far. */
    long bytesClosed() {
        return bytesClosed;
    }

    @Override
    public void close() throws IOException {
        closeFile();
    }

    private void closeFile() throws IOException {
        if (writer != null) {
            RowFileWriter<Row> w = writer;
            writer = null;
            w.close();
            bytesClosed += Files.size(w.file());
        }
    }

    private void bind(RecordConsumer rc, Row r) {
        int i = 0;
        for (FeatureSpec f : vectors) {
            float[] v = r.values[i][r.frame];
            if (f.width() == 1) {
                Pq.scalar(rc, f.key(), i, f.dtype(), v[0]);
            } else {
                Pq.list(rc, f.key(), i, f.dtype(), v);
            }
            i++;
        }
        Pq.scalar(rc, "timestamp", i++, DType.FLOAT32, r.timestamp);
        Pq.scalar(rc, "frame_index", i++, DType.INT64, r.frame);
        Pq.scalar(rc, "episode_index", i++, DType.INT64, r.episode);
        Pq.scalar(rc, "index", i++, DType.INT64, r.index);
        Pq.scalar(rc, "task_index", i, DType.INT64, r.task);
    }

    static MessageType schema(List<FeatureSpec> vectors) {
        List<Type> fields = new ArrayList<>();
        for (FeatureSpec f : vectors) {
            fields.add(f.width() == 1 ? Pq.scalar(f.key(), f.dtype()) : Pq.list(f.key(), f.dtype()));
        }
        fields.add(Pq.scalar("timestamp", DType.FLOAT32));
        for (String k : DEFAULT_KEYS.subList(1, DEFAULT_KEYS.size())) {
            fields.add(Pq.scalar(k, DType.INT64));
        }
        return new MessageType("schema", fields);
    }

    /**
     * The {@code huggingface} footer: HF {@code datasets} features, {@code Value} for scalars and {@code listType}
     * ({@code List} for {@code datasets} ≥ 4, {@code Sequence} before) for vectors.
     */
    static String huggingfaceJson(List<FeatureSpec> vectors, String listType) {
        return Json.compact(w -> {
            w.beginObject().name("info").beginObject().name("features").beginObject();
            for (FeatureSpec f : vectors) {
                w.name(f.key());
                if (f.width() == 1) {
                    value(w, f.dtype().numpyName());
                } else {
                    w.beginObject().name("feature");
                    value(w, f.dtype().numpyName());
                    w.name("length").value(f.width()).name("_type").value(listType).endObject();
                }
            }
            w.name("timestamp");
            value(w, "float32");
            for (String k : DEFAULT_KEYS.subList(1, DEFAULT_KEYS.size())) {
                w.name(k);
                value(w, "int64");
            }
            w.endObject().endObject().endObject();
        });
    }

    private static void value(JsonWriter w, String dtype) throws IOException {
        w.beginObject().name("dtype").value(dtype).name("_type").value("Value").endObject();
    }
}
