package dev.demoforge.catalog.internal;

import static dev.demoforge.catalog.internal.CatalogDatabase.now;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.google.gson.Gson;
import com.google.gson.reflect.TypeToken;

import dev.demoforge.catalog.api.tasks.SceneFactor;
import dev.demoforge.catalog.api.tasks.TaskCatalog;
import dev.demoforge.catalog.api.tasks.TaskSpec;

/** Task specifications (tables {@code task_spec}, {@code task_factor}) in the {@link CatalogDatabase}. */
@Component(service = TaskCatalog.class)
public final class JdbcTaskCatalog implements TaskCatalog {

    private static final Gson GSON = new Gson();
    private static final String COLUMNS = "id, name, instruction, success_check, success_params, time_limit_s, reset_s,"
            + " target_episodes, seed";

    private final CatalogDatabase db;

    @Activate
    public JdbcTaskCatalog(@Reference CatalogDatabase db) {
        this.db = db;
    }

    @Override
    public TaskSpec putTask(TaskSpec task) {
        TaskSpec stored = task.id() == null || task.id().isBlank() ? task.withId(UUID.randomUUID().toString()) : task;
        db.inTransaction("storing task '" + task.name() + "'", () -> {
            db.update("MERGE INTO task_spec (" + COLUMNS + ", updated_at) KEY (id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    stored.id(), stored.name(), stored.instruction(), stored.successCheck(), stored.successParams(),
                    stored.timeLimitSeconds(), stored.resetSeconds(), stored.targetEpisodes(), stored.seed(), now());
            db.update("DELETE FROM task_factor WHERE task_id = ?", stored.id());
            int position = 0;
            for (SceneFactor f : stored.factors()) {
                db.update("INSERT INTO task_factor (task_id, position, name, prompt, levels_json) VALUES (?, ?, ?, ?, ?)",
                        stored.id(), position++, f.name(), f.prompt(), GSON.toJson(f.levels()));
            }
        });
        return stored;
    }

    @Override
    public Optional<TaskSpec> task(String id) {
        return select("WHERE id = ?", id).stream().findFirst();
    }

    @Override
    public Optional<TaskSpec> taskNamed(String name) {
        return select("WHERE name = ?", name).stream().findFirst();
    }

    @Override
    public List<TaskSpec> tasks() {
        return select("ORDER BY name");
    }

    private List<TaskSpec> select(String where, Object... args) {
        List<TaskSpec> found = new ArrayList<>();
        for (TaskSpec bare : db.query("reading tasks", "SELECT " + COLUMNS + " FROM task_spec " + where,
                JdbcTaskCatalog::taskRow, args)) {
            List<SceneFactor> factors = db.query("reading the scene factors of task '" + bare.name() + "'",
                    "SELECT name, prompt, levels_json FROM task_factor WHERE task_id = ? ORDER BY position",
                    rs -> new SceneFactor(rs.getString(1), rs.getString(2),
                            GSON.fromJson(rs.getString(3), new TypeToken<List<String>>() { }.getType())),
                    bare.id());
            found.add(new TaskSpec(bare.id(), bare.name(), bare.instruction(), bare.successCheck(),
                    bare.successParams(), bare.timeLimitSeconds(), bare.resetSeconds(), bare.targetEpisodes(),
                    factors, bare.seed()));
        }
        return found;
    }

    private static TaskSpec taskRow(ResultSet rs) throws SQLException {
        return new TaskSpec(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getDouble(6), rs.getDouble(7), rs.getInt(8), List.of(), rs.getLong(9));
    }
}
