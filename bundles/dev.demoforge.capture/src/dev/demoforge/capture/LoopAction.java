package dev.demoforge.capture;

/** What the operator can ask of the episode loop (by key, pedal or serial button). @since 0.1 */
public enum LoopAction {
    /** Go on: skip the warm-up or reset, arm the countdown from the prompt, stop a recording. */
    START_STOP,
    /** Mark the episode a success (stops it first if it is still recording). */
    SUCCESS,
    /** Mark the episode a failure (stops it first if it is still recording). */
    FAILURE,
    /** Throw the episode away and record the same scene again (stops it first if it is still recording). */
    DISCARD,
    /** Pause the session between episodes, or resume it. */
    PAUSE
}
