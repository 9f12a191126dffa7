package dev.demoforge.episode.api;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * An episode being recorded. Thread-safe.
 *
 * @since 0.1
 */
@ProviderType
public interface Recording {

    String episodeId();

    Path directory();

    /** Live per-stream figures (samples so far, drops so far). */
    List<StreamSummary> liveStats();

    /** Samples waiting in each stream's queue right now, by topic (a growing depth means a writer falls behind). */
    java.util.Map<String, Integer> queueDepths();

    /** Whether recording stopped by itself (disk full, write error); {@link #stop()} then returns the reason. */
    boolean failed();

    /** Stops, drains the queues, closes every file and returns the summary. Blocks until done; idempotent. */
    EpisodeSummary stop() throws IOException;
}
