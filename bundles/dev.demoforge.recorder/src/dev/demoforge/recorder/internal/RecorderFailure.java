package dev.demoforge.recorder.internal;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The first fatal problem of a recording (disk full, encoder error), shared by its threads. Reasons say when the
 * episode's filesystem is (nearly) full, whatever error the writer saw.
 */
final class RecorderFailure {

    /** Below this much usable space a write error is reported as a full disk. */
    static final long FULL_BELOW_BYTES = 16L << 20;

    private final AtomicReference<String> problem = new AtomicReference<>();
    private final Path directory;

    RecorderFailure(Path directory) {
        this.directory = directory;
    }

    void fail(String error) {
        String reason = error + diskHint();
        if (problem.compareAndSet(null, reason)) {
            System.getLogger(RecorderFailure.class.getName()).log(System.Logger.Level.ERROR, "Recording stopped: " + reason);
        }
    }

    private String diskHint() {
        try {
            FileStore store = Files.getFileStore(directory);
            long free = store.getUsableSpace();
            return free < FULL_BELOW_BYTES ? " (disk full: " + free + " bytes free on " + store + " holding "
                    + directory + ")" : "";
        } catch (IOException e) {
            return "";
        }
    }

    boolean failed() {
        return problem.get() != null;
    }

    String problem() {
        return problem.get() == null ? "" : problem.get();
    }
}
