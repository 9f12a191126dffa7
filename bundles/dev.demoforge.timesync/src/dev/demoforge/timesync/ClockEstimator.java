package dev.demoforge.timesync;

import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Online estimate of one device clock against the host clock, fed with (device time, host receive time) pairs as
 * samples arrive. Memory is bounded whatever the run length: pairs are reduced to the lowest pair per window of
 * device time, and windows are merged pairwise when there are too many.
 * <p>
 * Threading: thread-safe; {@link #add} is cheap (no allocation in the common case) and never blocks for long, so
 * it can run on a driver's publishing thread. Obtained from {@link TimeSyncService#estimator}.
 *
 * @since 0.1
 */
@ProviderType
public interface ClockEstimator {

    /** The clock this estimator follows. */
    String clockId();

    /**
     * Adds one pair, in receive order.
     *
     * @param deviceNanos      the sample's device time stamp, device ns
     * @param hostReceiveNanos the host monotonic time at which it was received, host ns
     */
    void add(long deviceNanos, long hostReceiveNanos);

    /**
     * The model as estimated from the pairs so far (refitted as each window of device time closes), empty before
     * the first pair. Its residual statistics cover the most recent pairs (at most a few thousand).
     */
    Optional<ClockModel> model();

    /** Pairs added so far. */
    long samples();

    /**
     * Ends the input: closes the window still open, settles windows held back as possible clock steps, and returns
     * the final model (empty without pairs). Pairs added afterwards are fitted as before; call it once, at the end.
     *
     * @since 0.2
     */
    Optional<ClockModel> finish();
}
