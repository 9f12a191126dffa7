package dev.demoforge.capture;

/** Where the episode loop is. @since 0.1 */
public enum LoopPhase {
    /** Before the first episode: time to settle (ends by itself or on START_STOP). */
    WARM_UP,
    /** The operator arranges the scene as prompted; START_STOP arms the countdown. */
    PROMPT,
    /** Counting down to the start of recording; START_STOP cancels back to the prompt. */
    COUNTDOWN,
    /** Recording until START_STOP, a mark key or the task's time limit. */
    RECORDING,
    /** Stopping and cataloguing the episode. */
    STOPPING,
    /** Waiting for the operator's mark: success, failure or discard. */
    MARK,
    /** The operator resets the scene (ends by itself after the task's reset time, or on START_STOP). */
    RESET,
    /** Paused between episodes. */
    PAUSED,
    /** The target is reached (or the session was ended); the session is closed. */
    DONE
}
