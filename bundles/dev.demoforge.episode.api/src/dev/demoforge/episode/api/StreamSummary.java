package dev.demoforge.episode.api;

import dev.demoforge.device.api.StreamKind;

/**
 * Per-stream figures of a recorded episode.
 *
 * @param topic          "/device/stream"
 * @param kind           stream kind
 * @param samples        samples written
 * @param drops          samples dropped because the stream's queue was full (never silent: counted here)
 * @param nominalRateHz  rate the device declared
 * @param achievedRateHz samples / episode duration
 * @param preRoll        camera frames held back before the video's first frame until every other stream was live
 *                       (not drops: the recording had not started for this camera); 0 for other streams
 * @since 0.1
 */
public record StreamSummary(String topic, StreamKind kind, long samples, long drops, double nominalRateHz,
        double achievedRateHz, long preRoll) {

    /** A summary without pre-roll. */
    public StreamSummary(String topic, StreamKind kind, long samples, long drops, double nominalRateHz,
            double achievedRateHz) {
        this(topic, kind, samples, drops, nominalRateHz, achievedRateHz, 0);
    }
}
