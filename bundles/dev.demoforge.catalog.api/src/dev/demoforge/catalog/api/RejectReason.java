package dev.demoforge.catalog.api;

/**
 * Why a reviewer rejected an episode: a short fixed list so rejections can be counted and filtered.
 *
 * @since 0.1
 */
public enum RejectReason {
    /** The task was not completed (or the operator's success mark is wrong). */
    FAILED_TASK("failed task"),
    /** The robot hit something, came close to a person, or exceeded its limits. */
    UNSAFE("unsafe"),
    /** The motion is jerky, shaky or fragmented. */
    JERKY("jerky"),
    /** The operator paused or hesitated too long. */
    IDLE("idle"),
    /** A camera, encoder or sensor misbehaved (dropouts, frozen image, bad sync). */
    SENSOR_FAULT("sensor fault"),
    /** Anything else; say what in the note. */
    OTHER("other");

    private final String label;

    RejectReason(String label) {
        this.label = label;
    }

    /** Lower-case words for people ("sensor fault"). */
    public String label() {
        return label;
    }
}
