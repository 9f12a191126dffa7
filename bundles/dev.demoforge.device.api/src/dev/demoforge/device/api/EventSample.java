package dev.demoforge.device.api;

/**
 * A textual event (a marker, an operator's mark, a simulator's ground truth as JSON).
 *
 * @since 0.1
 */
public record EventSample(long hostNanos, long deviceNanos, String clockId, String text) implements Sample {
}
