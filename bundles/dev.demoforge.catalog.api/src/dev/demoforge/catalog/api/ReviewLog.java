package dev.demoforge.catalog.api;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Review decisions, flags, trims and annotations of episodes, each stored with its reviewer and time as a
 * {@link ReviewAction}, and undo. Times inside an episode are seconds from the episode start on the host time base
 * (see {@link Trim}). Thread-safe; every call is one short blocking database transaction: call it off the UI
 * thread. Failures (an unknown episode, an action already undone) throw {@link CatalogException} naming them.
 *
 * @since 0.1
 */
@ProviderType
public interface ReviewLog {

    /**
     * Records a decision and sets the episode's review state. A rejection needs a reason; other states ignore it.
     */
    ReviewAction decide(String episodeId, ReviewState state, RejectReason reason, String note, String reviewer);

    /** Sets or clears the episode's flag ("look at this again"), independent of the decision. */
    ReviewAction flag(String episodeId, boolean flagged, String note, String reviewer);

    /** Sets the first kept instant. */
    ReviewAction trimStart(String episodeId, double seconds, String reviewer);

    /** Sets the last kept instant. */
    ReviewAction trimEnd(String episodeId, double seconds, String reviewer);

    /** Adds a time-ranged annotation. */
    ReviewAction annotate(String episodeId, double startSeconds, double endSeconds, AnnotationKind kind, String text,
            String reviewer);

    /**
     * Reverts one action: a decision restores the review state before it, a trim the previous trim, a flag the
     * previous flag, an annotation is removed. The action stays in the history, marked undone. Undo in the reverse
     * order of the actions on one episode; undoing an action that a later, still active action of the same kind on
     * the same episode superseded is refused.
     */
    ReviewAction undo(long actionId, String reviewer);

    /** The kept span, or empty when the episode was not trimmed. Dataset exports read this. */
    Optional<Trim> trim(String episodeId);

    /** Active annotations, by start time. */
    List<Annotation> annotations(String episodeId);

    boolean flagged(String episodeId);

    /** Every decision including undone ones, oldest first (also those made through {@link Catalog#review}). */
    List<DecisionRecord> decisions(String episodeId);

    /** Every action on the episode including undone ones, oldest first. */
    List<ReviewAction> history(String episodeId);
}
