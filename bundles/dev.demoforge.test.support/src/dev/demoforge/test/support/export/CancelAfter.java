package dev.demoforge.test.support.export;

import org.eclipse.core.runtime.NullProgressMonitor;

/**
 * A progress monitor that reports cancellation from its {@code limit}-th {@link #isCanceled()} poll on, to cancel
 * an export part-way through an episode or {@code finish}. One thread.
 */
public final class CancelAfter extends NullProgressMonitor {

    private final int limit;
    private int polls;

    /** @param limit the first poll that reports cancellation (1: every poll) */
    public CancelAfter(int limit) {
        this.limit = limit;
    }

    @Override
    public boolean isCanceled() {
        return ++polls >= limit;
    }
}
