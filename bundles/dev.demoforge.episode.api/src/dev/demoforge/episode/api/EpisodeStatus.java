package dev.demoforge.episode.api;

/** Life cycle of a raw episode. @since 0.1 */
public enum EpisodeStatus {
    /** Being recorded (or the process died while it was). */
    RECORDING,
    /** Closed normally. */
    FINISHED,
    /** Found unfinished after a crash and repaired; the last moments may be missing. */
    RECOVERED,
    /** Could not be recorded or repaired; see the problem text. */
    FAILED
}
