package dev.demoforge.catalog.api.tasks;

/** The operator's mark on an episode of a session. @since 0.1 */
public enum EpisodeMark {
    /** The task was done; the episode counts towards the target. */
    SUCCESS,
    /** The task was not done; the episode is kept (and counts towards the target) as a failure example. */
    FAILURE,
    /** Thrown away by the operator; the same scene is recorded again. Not counted. */
    DISCARDED,
    /** The workbench died while recording; the episode was recovered on restart and is recorded again. */
    INTERRUPTED
}
