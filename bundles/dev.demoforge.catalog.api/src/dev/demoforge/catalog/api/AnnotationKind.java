package dev.demoforge.catalog.api;

/** What a time-ranged annotation says about its part of an episode. @since 0.1 */
public enum AnnotationKind {
    /** A subtask label ("grasp", "place"). */
    SUBTASK,
    /** A language instruction for this span ("pick up the red cube"). */
    INSTRUCTION
}
