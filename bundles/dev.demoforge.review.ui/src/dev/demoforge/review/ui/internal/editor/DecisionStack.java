package dev.demoforge.review.ui.internal.editor;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.eclipse.core.runtime.jobs.ISchedulingRule;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.contexts.IEclipseContext;

import dev.demoforge.catalog.api.RejectReason;
import dev.demoforge.catalog.api.ReviewAction;
import dev.demoforge.catalog.api.ReviewLog;
import dev.demoforge.catalog.api.ReviewState;

/**
 * The Review perspective's command stack, shared by the queue and the editor (one per application context, see
 * {@link #in}): every review action goes to the catalog in a job (one at a time, in order: the jobs share a
 * scheduling rule), and its id is pushed; undo pops the newest and asks the {@link ReviewLog} to revert it (the
 * catalog keeps the history). The stack holds at most {@link #DEPTH} actions; older ones can no longer be undone
 * from here. Callbacks run on the job's thread.
 */
public final class DecisionStack {

    static final int DEPTH = 100;

    private final Deque<ReviewAction> done = new ArrayDeque<>();
    private final SerialRule rule = new SerialRule();

    private DecisionStack() {
    }

    /** The stack of this application context, made and stored there on first use. UI thread. */
    public static DecisionStack in(IEclipseContext applicationContext) {
        DecisionStack stack = applicationContext.get(DecisionStack.class);
        if (stack == null) {
            stack = new DecisionStack();
            applicationContext.set(DecisionStack.class, stack);
        }
        return stack;
    }

    /** Who reviews: {@code -Ddemoforge.reviewer}, else the OS {@code user.name}. */
    public static String reviewer() {
        String configured = System.getProperty("demoforge.reviewer");
        return configured == null || configured.isBlank() ? System.getProperty("user.name", "reviewer") : configured;
    }

    /**
     * Accepts or rejects one episode through {@link ReviewLog#decide} (job), as {@link #reviewer()}, so that undo
     * can revert it.
     *
     * @param reason the reject reason, {@code null} for an acceptance
     */
    public void decide(ReviewLog log, String episodeId, ReviewState state, RejectReason reason,
            Consumer<ReviewAction> onDone, Consumer<String> onError) {
        String who = reviewer();
        String verb = state == ReviewState.ACCEPTED ? "Accepting " : "Rejecting ";
        run(verb + episodeId, () -> log.decide(episodeId, state, reason, "", who), onDone, onError);
    }

    /** Runs an action against the review log; success and failure go to the callbacks (job thread). */
    void run(String name, Supplier<ReviewAction> action, Consumer<ReviewAction> onDone, Consumer<String> onError) {
        Job job = Job.create(name, monitor -> {
            try {
                ReviewAction a = action.get();
                synchronized (done) {
                    done.push(a);
                    while (done.size() > DEPTH) {
                        done.removeLast();
                    }
                }
                onDone.accept(a);
            } catch (RuntimeException e) {
                onError.accept(e.getMessage());
            }
        });
        schedule(job);
    }

    /** Undoes the newest action of this stack, if any. */
    void undo(ReviewLog log, String reviewer, Consumer<ReviewAction> onDone, Consumer<String> onError) {
        Job job = Job.create("Undoing a review action", monitor -> {
            ReviewAction last;
            synchronized (done) {
                last = done.poll();
            }
            if (last == null) {
                onError.accept("nothing to undo");
                return;
            }
            try {
                onDone.accept(log.undo(last.id(), reviewer));
            } catch (RuntimeException e) {
                onError.accept(e.getMessage());
            }
        });
        schedule(job);
    }

    private void schedule(Job job) {
        job.setRule(rule);
        job.setSystem(true);
        job.schedule();
    }

    /** Makes this stack's jobs run one after the other. */
    private static final class SerialRule implements ISchedulingRule {
        @Override
        public boolean contains(ISchedulingRule other) {
            return other == this;
        }

        @Override
        public boolean isConflicting(ISchedulingRule other) {
            return other == this;
        }
    }
}
