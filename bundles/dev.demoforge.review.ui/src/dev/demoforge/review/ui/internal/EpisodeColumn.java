package dev.demoforge.review.ui.internal;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Locale;
import java.util.function.Function;

import dev.demoforge.catalog.api.EpisodeRecord;

/** The columns of the episode table: how each shows an episode and how it sorts. */
enum EpisodeColumn {
    ID(EpisodeRecord::id),
    TASK(EpisodeRecord::task),
    OPERATOR(EpisodeRecord::operator),
    STATION(EpisodeRecord::stationId),
    STARTED(EpisodeRecord::startedAt),
    DURATION(EpisodeRecord::durationSeconds),
    FRAMES(EpisodeRecord::frames),
    DROPS(EpisodeRecord::drops),
    STATUS(EpisodeRecord::status),
    REVIEW(EpisodeRecord::review);

    private static final DateTimeFormatter STARTED_FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private final Function<EpisodeRecord, Comparable<?>> key;

    EpisodeColumn(Function<EpisodeRecord, Comparable<?>> key) {
        this.key = key;
    }

    /** The text of this column's cell. */
    String text(EpisodeRecord episode) {
        Object value = key.apply(episode);
        return switch (this) {
            case STARTED -> value == null ? "" : STARTED_FORMAT.format((java.time.Instant) value);
            case DURATION -> String.format(Locale.ROOT, "%.1f", episode.durationSeconds());
            default -> value == null ? "" : value.toString();
        };
    }

    /** Orders episodes by this column's value (nulls first). */
    @SuppressWarnings({ "unchecked", "rawtypes" })
    Comparator<EpisodeRecord> comparator() {
        return Comparator.comparing(e -> (Comparable) key.apply(e), Comparator.nullsFirst(Comparator.naturalOrder()));
    }

    String title(Messages messages) {
        return switch (this) {
            case ID -> messages.columnId;
            case TASK -> messages.columnTask;
            case OPERATOR -> messages.columnOperator;
            case STATION -> messages.columnStation;
            case STARTED -> messages.columnStarted;
            case DURATION -> messages.columnDuration;
            case FRAMES -> messages.columnFrames;
            case DROPS -> messages.columnDrops;
            case STATUS -> messages.columnStatus;
            case REVIEW -> messages.columnReview;
        };
    }
}
