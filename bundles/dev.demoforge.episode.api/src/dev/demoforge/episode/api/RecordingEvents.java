package dev.demoforge.episode.api;

/**
 * OSGi EventAdmin topics the recorder posts, so that other parts (live views, the simulated operator) can react.
 *
 * @since 0.1
 */
public final class RecordingEvents {

    /**
     * Posted synchronously once the recording accepts samples, so that whatever a listener starts (a simulator's
     * trial) is recorded from its first sample.
     */
    public static final String TOPIC_STARTED = "dev/demoforge/recording/STARTED";

    /** Posted after the episode was closed on disk. */
    public static final String TOPIC_STOPPED = "dev/demoforge/recording/STOPPED";

    /** Event property: the episode id (String). */
    public static final String PROP_EPISODE_ID = "episode.id";

    /** Event property: a seed for anything that varies per episode, e.g. a simulator's trial (Long). */
    public static final String PROP_SEED = "episode.seed";

    private RecordingEvents() {
    }
}
