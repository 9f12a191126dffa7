package dev.demoforge.dataset;

/**
 * How one recorded stream was put onto an episode's dataset rows. Times are ns of the host monotonic clock.
 * Immutable.
 *
 * @param topic          the recorded topic ("/arm/joints")
 * @param method         how rows take the stream
 * @param timeBase       which time of each sample was used
 * @param clockId        the device clock mapped, or null on host receive time
 * @param samples        samples (or frames) recorded
 * @param residualP50Ns  median residual over the rows: for {@link Method#NEAREST} the distance from the row's time to
 *                       the frame used; for {@link Method#LINEAR} and {@link Method#SLERP} the span between the two
 *                       samples interpolated (outside the recorded range: the distance to the held sample); 0 for
 *                       {@link Method#REFERENCE}
 * @param residualP99Ns  99th percentile of the same
 * @param residualMaxNs  largest of the same
 * @param toleranceNs    residual allowed: one nominal period for nearest frames, two for interpolation
 * @param rowsOverTolerance rows whose residual exceeds the tolerance (a gap or a lost frame under them)
 * @param rowsOutside    rows before the first or after the last sample (the nearest sample is held)
 * @param gaps           intervals between consecutive samples longer than twice the nominal period
 * @param longestGapNs   the longest interval between consecutive samples
 * @param dropped        {@link Method#NEAREST}: frames inside the rows' span that no row shows;
 *                       {@link Method#REFERENCE}: recorded frames past the last decodable one; interpolated streams:
 *                       0 (taking fewer samples
 *                       than recorded is resampling, not loss)
 * @param duplicated     {@link Method#NEAREST}: rows showing the same frame as the row before
 * @param outOfOrder     samples whose time was not after the previous one (left out; frames: moved 1 ns after it)
 * @param recorderDrops  samples the recorder dropped on this stream (from the episode summary)
 * @since 0.2
 */
public record StreamAlignment(String topic, Method method, TimeBase timeBase, String clockId, long samples,
        long residualP50Ns, long residualP99Ns, long residualMaxNs, long toleranceNs, long rowsOverTolerance,
        long rowsOutside, long gaps, long longestGapNs, long dropped, long duplicated, long outOfOrder,
        long recorderDrops) {

    /** How dataset rows take a stream. */
    public enum Method {
        /** The stream whose frames are the rows. */
        REFERENCE,
        /** Linear interpolation between the samples either side of the row's time. */
        LINEAR,
        /** Linear interpolation, with quaternion elements ({@code qx qy qz qw}) spherically interpolated. */
        SLERP,
        /** The sample nearest the row's time (camera frames; non-decreasing frame order). */
        NEAREST
    }

    /** Which time of a sample was used. */
    public enum TimeBase {
        /** The device's time stamp mapped through the episode's clock model, minus the fixed latency. */
        DEVICE_CLOCK,
        /** The host's receive time (the stream has no device time stamps). */
        HOST_RECEIVE
    }
}
