package dev.demoforge.review.ui.internal.editor;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import org.eclipse.core.runtime.jobs.Job;

import dev.demoforge.catalog.api.Annotation;
import dev.demoforge.catalog.api.RejectReason;
import dev.demoforge.catalog.api.ReviewAction;
import dev.demoforge.catalog.api.ReviewLog;
import dev.demoforge.catalog.api.ReviewState;
import dev.demoforge.catalog.api.Trim;

/**
 * The editor's review decisions: accept, reject with a reason, flag, trim start / end at the cursor, mark and
 * annotate a span, undo. Each goes to the {@link ReviewLog} through the {@link DecisionStack} (jobs), stored with
 * the reviewer ({@link DecisionStack#reviewer()}) and the time; the editor then shows the result. The stack is shared
 * with the queue's Accept / Reject, so Ctrl+Z here also undoes those.
 */
final class ReviewActions {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private final EpisodeEditorPart editor;
    private double mark = Double.NaN;
    private boolean flagged;

    ReviewActions(EpisodeEditorPart editor) {
        this.editor = editor;
    }

    void perform(String action) {
        EpisodeView view = editor.view();
        ReviewLog log = editor.reviewLog();
        if (view == null) {
            return;
        }
        if (log == null) {
            editor.status("No review log service is installed.");
            return;
        }
        String id = view.record().id();
        String who = DecisionStack.reviewer();
        DecisionStack stack = editor.stack();
        double at = editor.cursor();
        switch (action) {
        case "accept" -> stack.decide(log, id, ReviewState.ACCEPTED, null, this::done, this::failed);
        case "reject" -> RejectReasonPopup.open(editor.control().getShell(), "Reject " + id + " because…",
                reason -> rejectFor(log, id, reason));
        case "flag" -> run("Flagging " + id, () -> log.flag(id, !flagged, "", who));
        case "trimStart" -> run("Trimming " + id, () -> log.trimStart(id, at, who));
        case "trimEnd" -> run("Trimming " + id, () -> log.trimEnd(id, at, who));
        case "mark" -> {
            mark = at;
            editor.timeline().mark(mark);
            editor.status(String.format(Locale.ROOT, "Mark at %.3f s: N annotates from here to the cursor", at));
        }
        case "annotate" -> AnnotationDialog.open(editor.control().getShell(),
                Double.isFinite(mark) ? Math.min(mark, at) : at, Double.isFinite(mark) ? Math.max(mark, at) : at,
                entry -> run("Annotating " + id, () -> log.annotate(id, entry.start(), entry.end(), entry.kind(),
                        entry.text(), who)));
        case "undo" -> stack.undo(log, who, undone -> editor.sync().asyncExec(() -> after(undone, "undone: ")),
                this::failed);
        default -> editor.status("Unknown editor action " + action);
        }
    }

    private void rejectFor(ReviewLog log, String id, RejectReason reason) {
        if (reason != null) {
            editor.stack().decide(log, id, ReviewState.REJECTED, reason, this::done, this::failed);
        }
        editor.focus();
    }

    private void run(String name, Supplier<ReviewAction> action) {
        editor.stack().run(name, action, this::done, this::failed);
    }

    private void done(ReviewAction action) {
        editor.sync().asyncExec(() -> after(action, ""));
    }

    private void failed(String message) {
        editor.sync().asyncExec(() -> editor.status("Review action failed: " + message));
    }

    /** Shows a stored (or undone) action and reloads the trim, flag and annotations. UI thread. */
    private void after(ReviewAction action, String prefix) {
        String line = TIME.format(action.at()) + "  " + action.reviewer() + "  " + prefix + action.summary() + "  ("
                + action.episodeId() + ")";
        editor.history(line);
        if (action.kind() == ReviewAction.Kind.ANNOTATION) {
            mark = Double.NaN;
            editor.timeline().mark(mark);
        }
        editor.changed(action.episodeId(), prefix + action.summary() + " · " + action.episodeId());
        refresh();
    }

    /** Reads the shown episode's trim, flag and annotations (job) and draws them. UI thread. */
    void refresh() {
        EpisodeView view = editor.view();
        ReviewLog log = editor.reviewLog();
        if (view == null || log == null) {
            return;
        }
        String id = view.record().id();
        Job job = Job.create("Reading the review of " + id, monitor -> {
            try {
                Trim trim = log.trim(id).orElse(null);
                List<Annotation> annotations = log.annotations(id);
                boolean isFlagged = log.flagged(id);
                editor.sync().asyncExec(() -> {
                    if (editor.view() != null && id.equals(editor.view().record().id())) {
                        flagged = isFlagged;
                        editor.timeline().review(trim, annotations);
                    }
                });
            } catch (RuntimeException e) {
                failed(e.getMessage());
            }
        });
        job.setSystem(true);
        job.schedule();
    }
}
