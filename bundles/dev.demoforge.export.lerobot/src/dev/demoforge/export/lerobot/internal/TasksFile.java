package dev.demoforge.export.lerobot.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.parquet.schema.MessageType;

import dev.demoforge.device.api.DType;
import dev.demoforge.thirdparty.parquet.Compression;
import dev.demoforge.thirdparty.parquet.RowFileWriter;

/**
 * Writes {@code meta/tasks.parquet} as pandas does for {@code DataFrame({"task_index": ...}, index=Index(tasks,
 * name="task"))}: columns {@code task_index} (int64) and {@code task} (string), row {@code i} has task_index
 * {@code i}, and the footer key {@code pandas} with {@code "index_columns": ["task"]} so that {@code pd.read_parquet}
 * restores the task strings as the index (the LeRobot loader looks tasks up by it).
 */
final class TasksFile {

    static final String PATH = "meta/tasks.parquet";

    /** The pandas 2.x metadata LeRobot's loader needs (formats.md §1.7). */
    static final String PANDAS_METADATA = "{\"index_columns\": [\"task\"], \"column_indexes\": [{\"name\": null, "
            + "\"field_name\": null, \"pandas_type\": \"unicode\", \"numpy_type\": \"object\", "
            + "\"metadata\": {\"encoding\": \"UTF-8\"}}], \"columns\": [{\"name\": \"task_index\", "
            + "\"field_name\": \"task_index\", \"pandas_type\": \"int64\", \"numpy_type\": \"int64\", "
            + "\"metadata\": null}, {\"name\": \"task\", \"field_name\": \"task\", \"pandas_type\": \"unicode\", "
            + "\"numpy_type\": \"object\", \"metadata\": null}], \"creator\": {\"library\": \"pyarrow\", "
            + "\"version\": \"21.0.0\"}, \"pandas_version\": \"2.2.3\"}";

    private TasksFile() {
    }

    /** Writes the tasks in task_index order; returns the file size. */
    static long write(Path root, List<String> tasks, Compression compression) throws IOException {
        Path file = root.resolve(PATH);
        Files.createDirectories(file.getParent());
        MessageType schema = new MessageType("schema", Pq.scalar("task_index", DType.INT64),
                Pq.scalar("task", DType.STRING));
        try (RowFileWriter<Integer> w = RowFileWriter.create(file, schema, Map.of("pandas", PANDAS_METADATA),
                compression, (rc, i) -> {
                    Pq.scalar(rc, "task_index", 0, DType.INT64, i);
                    Pq.string(rc, "task", 1, tasks.get(i));
                })) {
            for (int i = 0; i < tasks.size(); i++) {
                w.write(i);
            }
        }
        return Files.size(file);
    }
}
