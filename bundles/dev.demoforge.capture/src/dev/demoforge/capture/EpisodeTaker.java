package dev.demoforge.capture;

import java.io.IOException;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Records the episodes of the loop: whoever owns the station and the recorder (the Capture perspective's session)
 * implements it. Called on the loop's thread only, one call at a time; calls may block for as long as starting or
 * stopping a recording takes.
 *
 * @since 0.1
 */
@ConsumerType
public interface EpisodeTaker {

    /**
     * Starts recording an episode; returns its id once samples are being recorded.
     *
     * @param instruction the task's instruction (the episode's task text)
     * @param sessionId   the capture session the episode belongs to
     */
    String start(String instruction, String sessionId) throws IOException;

    /** Stops the episode being recorded and catalogues it; returns when its files are closed. */
    void stop() throws IOException;

    /** Whether the running recording stopped by itself (disk full, write error); the loop then stops it. */
    boolean failed();

    /** The operator discarded the episode: keep its files but keep it out of datasets (e.g. review REJECTED). */
    void discarded(String episodeId);
}
