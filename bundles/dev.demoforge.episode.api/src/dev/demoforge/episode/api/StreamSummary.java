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
 * @since 0.1
 */
public record StreamSummary(String topic, StreamKind kind, long samples, long drops, double nominalRateHz,
        double achievedRateHz) {
}
