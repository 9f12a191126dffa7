package dev.demoforge.device.api;

/**
 * A numeric vector sample (joint positions, wrench, gripper); {@code values.length} equals the stream width.
 *
 * @since 0.1
 */
public record VectorSample(long hostNanos, long deviceNanos, String clockId, double[] values) implements Sample {
}
