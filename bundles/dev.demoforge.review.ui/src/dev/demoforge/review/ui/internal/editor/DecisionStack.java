package dev.demoforge.review.ui.internal.editor;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.eclipse.core.runtime.jobs.Job;

import dev.demoforge.catalog.api.ReviewAction;
import dev.demoforge.catalog.api.ReviewLog;

/**
 * The editor's command stack: every review action goes to the catalog in a job (one at a time, in order: the jobs
 * share a scheduling rule), and its id is pushed; undo pops the newest and asks the {@link ReviewLog} to revert it
 * (the catalog keeps the history). The stack holds at most {@link #DEPTH} actions; older ones can no longer be
 * undone from here. Callbacks run on the job's thread.
 */
final class DecisionStack {

    static final int DEPTH = 100;

    private final Deque<ReviewAction> done = new ArrayDeque<>();
    private final SerialRule rule = new SerialRule();

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
    private static final class SerialRule implements org.eclipse.core.runtime.jobs.ISchedulingRule {
        @Override
        public boolean contains(org.eclipse.core.runtime.jobs.ISchedulingRule other) {
            return other == this;
        }

        @Override
        public boolean isConflicting(org.eclipse.core.runtime.jobs.ISchedulingRule other) {
            return other == this;
        }
    }
}
