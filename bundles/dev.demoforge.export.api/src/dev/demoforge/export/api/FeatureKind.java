package dev.demoforge.export.api;

/**
 * What a dataset feature holds, which decides how an exporter stores it.
 *
 * @since 0.1
 */
public enum FeatureKind {
    /** Robot state vector (e.g. joint positions), one row per frame; usually {@code observation.state}. */
    STATE,
    /** Commanded action vector, one row per frame; usually {@code action}. */
    ACTION,
    /** Camera frames (shape {@code [H, W, 3]}), pulled through {@link VideoFrames}. */
    VIDEO,
    /** Any other numeric stream resampled per frame (wrench, gripper width, ...). */
    VECTOR;

    /** Whether values of this kind come from {@link EpisodeFrames#vectors(String)}. */
    public boolean isVector() {
        return this != VIDEO;
    }
}
