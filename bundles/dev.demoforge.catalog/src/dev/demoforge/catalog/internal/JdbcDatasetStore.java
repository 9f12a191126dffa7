package dev.demoforge.catalog.internal;

import static dev.demoforge.catalog.internal.CatalogDatabase.instant;
import static dev.demoforge.catalog.internal.CatalogDatabase.now;
import static dev.demoforge.catalog.internal.CatalogDatabase.time;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import dev.demoforge.catalog.api.EpisodeRecord;
import dev.demoforge.catalog.api.ReviewState;
import dev.demoforge.catalog.api.dataset.DatasetBuild;
import dev.demoforge.catalog.api.dataset.DatasetDefinition;
import dev.demoforge.catalog.api.dataset.DatasetEdit;
import dev.demoforge.catalog.api.dataset.DatasetQuery;
import dev.demoforge.catalog.api.dataset.DatasetStore;
import dev.demoforge.episode.api.EpisodeStatus;

/** Saved datasets, their edits and builds, and the file-hash cache, in the {@link CatalogDatabase}. */
@Component(service = DatasetStore.class)
public final class JdbcDatasetStore implements DatasetStore {

    private static final String EPISODE_COLUMNS = Arrays.stream(JdbcCatalog.EPISODE_COLUMNS.split(","))
            .map(c -> "e." + c.strip()).collect(Collectors.joining(", "));

    private final CatalogDatabase db;

    @Activate
    public JdbcDatasetStore(@Reference CatalogDatabase db) {
        this.db = db;
    }

    @Override
    public void create(DatasetDefinition d) {
        db.inTransaction("saving dataset " + d.name(), () -> {
            if (dataset(d.name()).isPresent()) {
                throw new SQLException("a dataset named '" + d.name() + "' exists already");
            }
            db.update("INSERT INTO dataset (name, query_json, split_json, format, options_json, created_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?)", d.name(), DatasetJson.query(d.query()), DatasetJson.split(d.split()),
                    d.format(), DatasetJson.options(d.options()), now());
        });
    }

    @Override
    public Optional<DatasetDefinition> dataset(String name) {
        return definitions("reading dataset " + name, " WHERE name = ?", name).stream().findFirst();
    }

    @Override
    public List<DatasetDefinition> datasets() {
        return definitions("listing datasets", " ORDER BY name");
    }

    private List<DatasetDefinition> definitions(String what, String where, Object... args) {
        return db.query(what, "SELECT name, query_json, split_json, format, options_json, created_at FROM dataset"
                + where, rs -> new DatasetDefinition(rs.getString(1), DatasetJson.query(rs.getString(2)),
                        DatasetJson.split(rs.getString(3)), rs.getString(4), DatasetJson.options(rs.getString(5)),
                        instant(rs, 6)), args);
    }

    @Override
    public void delete(String name) {
        db.inTransaction("deleting dataset " + name, () -> {
            if (db.update("DELETE FROM dataset WHERE name = ?", name) == 0) {
                throw new SQLException("no dataset named '" + name + "'");
            }
        });
    }

    @Override
    public List<EpisodeRecord> episodes(DatasetQuery q) {
        StringBuilder sql = new StringBuilder("SELECT " + EPISODE_COLUMNS + " FROM episode e"
                + " LEFT JOIN station s ON s.id = e.station_id WHERE e.status IN (?, ?)");
        List<Object> args = new ArrayList<>(List.of(EpisodeStatus.FINISHED.name(), EpisodeStatus.RECOVERED.name()));
        in(sql, args, "CAST(e.task AS VARCHAR)", q.tasks());
        in(sql, args, "e.station_id", q.stations());
        in(sql, args, "e.operator", q.operators());
        in(sql, args, "s.robot_type", q.robotTypes());
        in(sql, args, "e.review", q.review().stream().map(ReviewState::name).toList());
        if (q.recordedFrom() != null) {
            sql.append(" AND e.started_at >= ?");
            args.add(time(q.recordedFrom()));
        }
        if (q.recordedTo() != null) {
            sql.append(" AND e.started_at < ?");
            args.add(time(q.recordedTo()));
        }
        if (q.worstVerdict() != null) {
            List<String> worse = q.worstVerdict().equals("PASS") ? List.of("WARN", "FAIL") : List.of("FAIL");
            sql.append(" AND NOT EXISTS (SELECT 1 FROM check_result c WHERE c.episode_id = e.id");
            in(sql, args, "c.verdict", worse);
            sql.append(')');
        }
        for (Map.Entry<String, Double> min : q.minScores().entrySet()) {
            sql.append(" AND EXISTS (SELECT 1 FROM check_result c WHERE c.episode_id = e.id AND c.check_id = ?"
                    + " AND c.score >= ?)");
            args.add(min.getKey());
            args.add(min.getValue());
        }
        sql.append(" ORDER BY e.started_at, e.id");
        return db.query("resolving a dataset query", sql.toString(), JdbcCatalog::episodeRow, args.toArray());
    }

    private static void in(StringBuilder sql, List<Object> args, String column, Collection<String> values) {
        if (!values.isEmpty()) {
            sql.append(" AND ").append(column).append(" IN (")
                    .append(String.join(", ", values.stream().map(v -> "?").toList())).append(')');
            args.addAll(values);
        }
    }

    @Override
    public void addEdit(String dataset, DatasetEdit e) {
        db.inTransaction("editing dataset " + dataset, () -> {
            if (dataset(dataset).isEmpty()) {
                throw new SQLException("no dataset named '" + dataset + "'");
            }
            db.update("INSERT INTO dataset_edit (dataset, kind, episode_id, start_s, end_s, task, other_dataset,"
                    + " made_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", dataset, e.kind().name(), e.episodeId(),
                    e.startSeconds(), e.endSeconds(), e.task(), e.otherDataset(), now());
        });
    }

    @Override
    public List<DatasetEdit> edits(String dataset) {
        return db.query("reading the edits of dataset " + dataset, "SELECT kind, episode_id, start_s, end_s, task,"
                + " other_dataset, made_at FROM dataset_edit WHERE dataset = ? ORDER BY id",
                rs -> new DatasetEdit(DatasetEdit.Kind.valueOf(rs.getString(1)), rs.getString(2), rs.getDouble(3),
                        rs.getDouble(4), rs.getString(5), rs.getString(6), instant(rs, 7)), dataset);
    }

    @Override
    public void putBuild(DatasetBuild b) {
        db.inTransaction("recording build " + b.version() + " of dataset " + b.dataset(), () -> db.update(
                "INSERT INTO dataset_build (dataset, version, output_dir, manifest_sha256, episodes, frames, built_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)", b.dataset(), b.version(), b.outputDir(), b.manifestSha256(),
                b.episodes(), b.frames(), time(b.builtAt())));
    }

    @Override
    public List<DatasetBuild> builds(String dataset) {
        return db.query("reading the builds of dataset " + dataset, "SELECT dataset, version, output_dir,"
                + " manifest_sha256, episodes, frames, built_at FROM dataset_build WHERE dataset = ? ORDER BY id",
                rs -> new DatasetBuild(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                        rs.getLong(6), instant(rs, 7)), dataset);
    }

    @Override
    public Optional<String> cachedHash(String path, long size, long modifiedMillis) {
        return db.query("reading the cached hash of " + path, "SELECT sha256 FROM file_hash WHERE path = ?"
                + " AND size_bytes = ? AND modified_ms = ?", rs -> rs.getString(1), path, size, modifiedMillis)
                .stream().findFirst();
    }

    @Override
    public void cacheHash(String path, long size, long modifiedMillis, String sha256) {
        db.inTransaction("caching the hash of " + path, () -> db.update("MERGE INTO file_hash (path, size_bytes,"
                + " modified_ms, sha256) KEY (path) VALUES (?, ?, ?, ?)", path, size, modifiedMillis, sha256));
    }
}
