package dev.demoforge.recorder.internal;

import java.util.concurrent.atomic.AtomicReference;

/** The first fatal problem of a recording (disk full, encoder error), shared by its threads. */
final class RecorderFailure {

    private final AtomicReference<String> problem = new AtomicReference<>();

    void fail(String reason) {
        if (problem.compareAndSet(null, reason)) {
            System.getLogger(RecorderFailure.class.getName()).log(System.Logger.Level.ERROR, "Recording stopped: " + reason);
        }
    }

    boolean failed() {
        return problem.get() != null;
    }

    String problem() {
        return problem.get() == null ? "" : problem.get();
    }
}
