package dev.demoforge.teleop;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A running leader–follower pairing: in {@link TeleopConfig.Mode#FOLLOW} mode a thread of its own
 * ({@code demoforge-teleop-<follower>}) sends the follower a goal every period, paced to absolute deadlines; in
 * {@link TeleopConfig.Mode#KINESTHETIC} mode the follower's torque is off and nothing is sent. Thread-safe.
 *
 * @since 0.1
 */
@ProviderType
public interface TeleopSession extends AutoCloseable {

    TeleopConfig config();

    /** Figures so far; returns at once. */
    TeleopStats stats();

    /** Stops sending (joins the thread, at most a second) and stops listening to the leader. Idempotent. */
    @Override
    void close();
}
