package dev.demoforge.dataset;

/**
 * A camera's latency measured against a joint stream ({@link LatencyCalibration}). Immutable.
 *
 * @param cameraTopic     the camera
 * @param jointTopic      the joint stream it was measured against
 * @param latencyNs       the estimate: the camera's fixed latency relative to the joints' capture times, ns
 * @param uncertaintyNs   standard deviation of the estimate over {@code resamples} bootstrap resamples of the frame
 *                        intervals, ns
 * @param rSquared        the fit's R² at the estimate (0..1): how much of the images' motion the joints explain
 * @param frames          frame intervals used
 * @param resamples       bootstrap resamples behind the uncertainty
 * @param configuredNs    the camera's fixed latency when it was recorded, ns
 * @since 0.3
 */
public record LatencyEstimate(String cameraTopic, String jointTopic, long latencyNs, long uncertaintyNs,
        double rSquared, int frames, int resamples, long configuredNs) {
}
