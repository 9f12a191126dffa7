package dev.demoforge.catalog.internal;

import static dev.demoforge.catalog.internal.CatalogDatabase.instant;
import static dev.demoforge.catalog.internal.CatalogDatabase.now;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import dev.demoforge.catalog.api.Annotation;
import dev.demoforge.catalog.api.AnnotationKind;
import dev.demoforge.catalog.api.CatalogException;
import dev.demoforge.catalog.api.DecisionRecord;
import dev.demoforge.catalog.api.RejectReason;
import dev.demoforge.catalog.api.ReviewAction;
import dev.demoforge.catalog.api.ReviewAction.Kind;
import dev.demoforge.catalog.api.ReviewLog;
import dev.demoforge.catalog.api.ReviewState;
import dev.demoforge.catalog.api.Trim;

/**
 * The review log in the {@link CatalogDatabase}: every action is a {@code review_action} row that remembers what it
 * replaced (the previous review state, trim end or flag), so undo restores it; the state itself lives in
 * {@code episode.review}, {@code review_decision}, {@code episode_trim}, {@code episode_flag} and
 * {@code episode_annotation}.
 */
@Component(service = ReviewLog.class)
public final class JdbcReviewLog implements ReviewLog {

    private static final String ACTION_COLUMNS = "id, episode_id, kind, summary, reviewer, acted_at, undone_at,"
            + " undone_by";

    private final CatalogDatabase db;

    @Activate
    public JdbcReviewLog(@Reference CatalogDatabase db) {
        this.db = db;
    }

    @Override
    public ReviewAction decide(String episodeId, ReviewState state, RejectReason reason, String note,
            String reviewer) {
        if (state == ReviewState.REJECTED && reason == null) {
            throw new CatalogException("Rejecting episode " + episodeId + " needs a reason", null);
        }
        RejectReason code = state == ReviewState.REJECTED ? reason : null;
        String summary = state + (code == null ? "" : " (" + code.label() + ")");
        return act(episodeId, "recording the decision " + summary, () -> {
            String previous = reviewState(episodeId);
            db.update("UPDATE episode SET review = ? WHERE id = ?", state.name(), episodeId);
            long decision = db.insert("INSERT INTO review_decision (episode_id, state, reviewer, reason, reason_code,"
                    + " decided_at) VALUES (?, ?, ?, ?, ?, ?)", episodeId, state.name(), reviewer, text(note),
                    code == null ? null : code.name(), now());
            return db.insert("INSERT INTO review_action (episode_id, kind, summary, reviewer, acted_at, target_id,"
                    + " previous_review) VALUES (?, ?, ?, ?, ?, ?, ?)", episodeId, Kind.DECISION.name(), summary,
                    reviewer, now(), decision, previous);
        });
    }

    @Override
    public ReviewAction flag(String episodeId, boolean flagged, String note, String reviewer) {
        String summary = (flagged ? "flagged" : "unflagged") + (text(note).isEmpty() ? "" : ": " + note);
        return act(episodeId, summary, () -> {
            reviewState(episodeId);
            Boolean previous = flagRow(episodeId);
            setFlag(episodeId, flagged, text(note), reviewer);
            return db.insert("INSERT INTO review_action (episode_id, kind, summary, reviewer, acted_at, previous_flag)"
                    + " VALUES (?, ?, ?, ?, ?, ?)", episodeId, Kind.FLAG.name(), summary, reviewer, now(), previous);
        });
    }

    @Override
    public ReviewAction trimStart(String episodeId, double seconds, String reviewer) {
        return trimAt(episodeId, Kind.TRIM_START, seconds, reviewer);
    }

    @Override
    public ReviewAction trimEnd(String episodeId, double seconds, String reviewer) {
        return trimAt(episodeId, Kind.TRIM_END, seconds, reviewer);
    }

    private ReviewAction trimAt(String episodeId, Kind kind, double seconds, String reviewer) {
        String column = kind == Kind.TRIM_START ? "start_s" : "end_s";
        String summary = String.format(Locale.ROOT, "trim %s %.3f s", kind == Kind.TRIM_START ? "start" : "end",
                seconds);
        return act(episodeId, summary, () -> {
            reviewState(episodeId);
            Double[] trim = trimRow(episodeId);
            double start = kind == Kind.TRIM_START ? seconds : trim[0] == null ? 0 : trim[0];
            Double end = kind == Kind.TRIM_END ? Double.valueOf(seconds) : trim[1];
            if (!Double.isFinite(seconds) || seconds < 0 || end != null && end <= start) {
                throw new SQLException(String.format(Locale.ROOT,
                        "a trim must keep a span: start %.3f s must be ≥ 0 and before end %s", start,
                        end == null ? "(none)" : String.format(Locale.ROOT, "%.3f s", end)));
            }
            Double previous = kind == Kind.TRIM_START ? trim[0] : trim[1];
            setTrim(episodeId, column, seconds);
            return db.insert("INSERT INTO review_action (episode_id, kind, summary, reviewer, acted_at, previous_value)"
                    + " VALUES (?, ?, ?, ?, ?, ?)", episodeId, kind.name(), summary, reviewer, now(), previous);
        });
    }

    @Override
    public ReviewAction annotate(String episodeId, double startSeconds, double endSeconds, AnnotationKind kind,
            String text, String reviewer) {
        if (!(startSeconds >= 0 && endSeconds >= startSeconds) || text(text).isBlank()) {
            throw new CatalogException(String.format(Locale.ROOT, "An annotation of episode %s needs text and a"
                    + " span 0 ≤ start ≤ end; got %.3f…%.3f s, '%s'", episodeId, startSeconds, endSeconds, text),
                    null);
        }
        String summary = String.format(Locale.ROOT, "%s %.2f–%.2f s: %s", kind.name().toLowerCase(Locale.ROOT),
                startSeconds, endSeconds, text);
        return act(episodeId, "annotating", () -> {
            reviewState(episodeId);
            long annotation = db.insert("INSERT INTO episode_annotation (episode_id, start_s, end_s, kind, text,"
                    + " reviewer, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)", episodeId, startSeconds, endSeconds,
                    kind.name(), text, reviewer, now());
            return db.insert("INSERT INTO review_action (episode_id, kind, summary, reviewer, acted_at, target_id)"
                    + " VALUES (?, ?, ?, ?, ?, ?)", episodeId, Kind.ANNOTATION.name(), summary, reviewer, now(),
                    annotation);
        });
    }

    @Override
    public ReviewAction undo(long actionId, String reviewer) {
        long[] id = new long[1];
        db.inTransaction("undoing review action " + actionId, () -> {
            List<Object[]> rows = db.query("reading review action " + actionId, "SELECT episode_id, kind, target_id,"
                    + " previous_review, previous_value, previous_flag, undone_at FROM review_action WHERE id = ?",
                    rs -> new Object[] { rs.getString(1), rs.getString(2), rs.getObject(3), rs.getString(4),
                            rs.getObject(5), rs.getObject(6), rs.getObject(7) }, actionId);
            if (rows.isEmpty()) {
                throw new SQLException("there is no review action " + actionId);
            }
            Object[] row = rows.get(0);
            String episodeId = (String) row[0];
            Kind kind = Kind.valueOf((String) row[1]);
            if (row[6] != null) {
                throw new SQLException("review action " + actionId + " was already undone");
            }
            if (kind != Kind.ANNOTATION && !db.query("checking later actions", "SELECT id FROM review_action WHERE"
                    + " episode_id = ? AND kind = ? AND id > ? AND undone_at IS NULL", rs -> rs.getLong(1), episodeId,
                    kind.name(), actionId).isEmpty()) {
                throw new SQLException("a later " + kind + " on episode " + episodeId + " is still in effect; undo it"
                        + " first");
            }
            switch (kind) {
            case DECISION -> {
                db.update("UPDATE episode SET review = ? WHERE id = ?", row[3], episodeId);
                db.update("UPDATE review_decision SET undone_at = ? WHERE id = ?", now(), row[2]);
            }
            case FLAG -> setFlag(episodeId, Boolean.TRUE.equals(row[5]), "", reviewer);
            case TRIM_START -> setTrim(episodeId, "start_s", (Double) row[4]);
            case TRIM_END -> setTrim(episodeId, "end_s", (Double) row[4]);
            case ANNOTATION -> db.update("UPDATE episode_annotation SET removed_at = ? WHERE id = ?", now(), row[2]);
            }
            db.update("UPDATE review_action SET undone_at = ?, undone_by = ? WHERE id = ?", now(), reviewer,
                    actionId);
            id[0] = actionId;
        });
        return action(id[0]);
    }

    @Override
    public Optional<Trim> trim(String episodeId) {
        return db.query("reading the trim of " + episodeId, "SELECT t.start_s, t.end_s, e.duration_s FROM"
                + " episode_trim t JOIN episode e ON e.id = t.episode_id WHERE t.episode_id = ? AND (t.start_s IS NOT"
                + " NULL OR t.end_s IS NOT NULL)", rs -> {
                    double start = rs.getObject(1) == null ? 0 : rs.getDouble(1);
                    double end = rs.getObject(2) == null ? Math.max(start, rs.getDouble(3)) : rs.getDouble(2);
                    return new Trim(start, end);
                }, episodeId).stream().findFirst();
    }

    @Override
    public List<Annotation> annotations(String episodeId) {
        return db.query("reading annotations of " + episodeId, "SELECT id, episode_id, start_s, end_s, kind, text,"
                + " reviewer, created_at FROM episode_annotation WHERE episode_id = ? AND removed_at IS NULL ORDER BY"
                + " start_s, id", rs -> new Annotation(rs.getLong(1), rs.getString(2), rs.getDouble(3),
                        rs.getDouble(4), AnnotationKind.valueOf(rs.getString(5)), rs.getString(6), rs.getString(7),
                        instant(rs, 8)), episodeId);
    }

    @Override
    public boolean flagged(String episodeId) {
        return Boolean.TRUE.equals(flagRow(episodeId));
    }

    @Override
    public List<DecisionRecord> decisions(String episodeId) {
        return db.query("reading decisions of " + episodeId, "SELECT episode_id, state, reason_code, reason,"
                + " reviewer, decided_at, undone_at FROM review_decision WHERE episode_id = ? ORDER BY id",
                rs -> new DecisionRecord(rs.getString(1), ReviewState.valueOf(rs.getString(2)),
                        rs.getString(3) == null ? null : RejectReason.valueOf(rs.getString(3)), text(rs.getString(4)),
                        rs.getString(5), instant(rs, 6), instant(rs, 7)), episodeId);
    }

    @Override
    public List<ReviewAction> history(String episodeId) {
        return db.query("reading the review history of " + episodeId, "SELECT " + ACTION_COLUMNS
                + " FROM review_action WHERE episode_id = ? ORDER BY id", JdbcReviewLog::actionRow, episodeId);
    }

    private interface Insert {
        long run() throws SQLException;
    }

    /** Runs one action's writes in a transaction and returns the stored action. */
    private ReviewAction act(String episodeId, String what, Insert insert) {
        long[] id = new long[1];
        db.inTransaction(what + " on episode " + episodeId, () -> id[0] = insert.run());
        return action(id[0]);
    }

    private ReviewAction action(long id) {
        return db.query("reading review action " + id, "SELECT " + ACTION_COLUMNS + " FROM review_action WHERE id = ?",
                JdbcReviewLog::actionRow, id).get(0);
    }

    private static ReviewAction actionRow(ResultSet rs) throws SQLException {
        return new ReviewAction(rs.getLong(1), rs.getString(2), Kind.valueOf(rs.getString(3)), rs.getString(4),
                rs.getString(5), instant(rs, 6), instant(rs, 7), rs.getString(8));
    }

    /** The episode's review state; an unknown episode is an error. */
    private String reviewState(String episodeId) throws SQLException {
        List<String> state = db.query("reading episode " + episodeId, "SELECT review FROM episode WHERE id = ?",
                rs -> rs.getString(1), episodeId);
        if (state.isEmpty()) {
            throw new SQLException("there is no episode " + episodeId + " in the catalog");
        }
        return state.get(0);
    }

    private Boolean flagRow(String episodeId) {
        return db.query("reading the flag of " + episodeId, "SELECT flagged FROM episode_flag WHERE episode_id = ?",
                rs -> rs.getBoolean(1), episodeId).stream().findFirst().orElse(null);
    }

    private void setFlag(String episodeId, boolean flagged, String note, String reviewer) throws SQLException {
        db.update("MERGE INTO episode_flag (episode_id, flagged, note, reviewer, updated_at) KEY (episode_id)"
                + " VALUES (?, ?, ?, ?, ?)", episodeId, flagged, note, reviewer, now());
    }

    private Double[] trimRow(String episodeId) {
        return db.query("reading the trim of " + episodeId, "SELECT start_s, end_s FROM episode_trim WHERE"
                + " episode_id = ?", rs -> new Double[] { (Double) rs.getObject(1), (Double) rs.getObject(2) },
                episodeId).stream().findFirst().orElse(new Double[2]);
    }

    private void setTrim(String episodeId, String column, Double value) throws SQLException {
        if (db.update("UPDATE episode_trim SET " + column + " = ?, updated_at = ? WHERE episode_id = ?", value, now(),
                episodeId) == 0) {
            db.update("INSERT INTO episode_trim (episode_id, " + column + ", updated_at) VALUES (?, ?, ?)", episodeId,
                    value, now());
        }
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }
}
