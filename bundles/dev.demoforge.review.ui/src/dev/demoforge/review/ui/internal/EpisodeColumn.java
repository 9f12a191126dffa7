package dev.demoforge.review.ui.internal;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Locale;
import java.util.function.Function;

/** The columns of the episode queue: how each shows a row and how it sorts. */
enum EpisodeColumn {
    ID(r -> r.episode().id()),
    VERDICT(QueueRow::verdict),
    TASK(r -> r.episode().task()),
    OPERATOR(r -> r.episode().operator()),
    STATION(r -> r.episode().stationId()),
    STARTED(r -> r.episode().startedAt()),
    DURATION(r -> r.episode().durationSeconds()),
    SMOOTHNESS(QueueRow::smoothness),
    REVIEW(r -> r.episode().review()),
    PROBLEMS(QueueRow::problems),
    FRAMES(r -> r.episode().frames()),
    DROPS(r -> r.episode().drops()),
    STATUS(r -> r.episode().status());

    private static final DateTimeFormatter STARTED_FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private final Function<QueueRow, Comparable<?>> key;

    EpisodeColumn(Function<QueueRow, Comparable<?>> key) {
        this.key = key;
    }

    /** The text of this column's cell. */
    String text(QueueRow row) {
        Object value = key.apply(row);
        return switch (this) {
        case STARTED -> value == null ? "" : STARTED_FORMAT.format((java.time.Instant) value);
        case DURATION -> String.format(Locale.ROOT, "%.1f", row.episode().durationSeconds());
        case SMOOTHNESS -> Double.isNaN(row.smoothness()) ? "" : String.format(Locale.ROOT, "%.2f", row.smoothness());
        case REVIEW -> row.episode().review() + (row.flagged() ? " ⚑" : "");
        default -> value == null ? "" : value.toString();
        };
    }

    /** Orders rows by this column's value (nulls first; verdicts by severity). */
    @SuppressWarnings({ "unchecked", "rawtypes" })
    Comparator<QueueRow> comparator() {
        if (this == VERDICT) {
            return Comparator.comparingInt(r -> QueueRow.severity(r.verdict()));
        }
        return Comparator.comparing(r -> (Comparable) key.apply(r), Comparator.nullsFirst(Comparator.naturalOrder()));
    }

    String title(Messages messages) {
        return switch (this) {
        case VERDICT -> messages.columnVerdict;
        case ID -> messages.columnId;
        case TASK -> messages.columnTask;
        case OPERATOR -> messages.columnOperator;
        case STATION -> messages.columnStation;
        case STARTED -> messages.columnStarted;
        case DURATION -> messages.columnDuration;
        case SMOOTHNESS -> messages.columnSmoothness;
        case REVIEW -> messages.columnReview;
        case PROBLEMS -> messages.columnProblems;
        case FRAMES -> messages.columnFrames;
        case DROPS -> messages.columnDrops;
        case STATUS -> messages.columnStatus;
        };
    }
}
