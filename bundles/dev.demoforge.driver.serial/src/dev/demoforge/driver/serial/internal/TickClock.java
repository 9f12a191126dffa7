package dev.demoforge.driver.serial.internal;

/**
 * Unwraps a servo's millisecond tick (0..32767, wrapping every 32.768 s) into a device time that never goes back.
 * The host time elapsed since the previous reading says how many wraps happened, so gaps longer than a wrap (a
 * reconnection) are bridged too. Not thread-safe: the bus thread owns it.
 */
final class TickClock {

    static final int WRAP_MS = 32768;

    private long lastMs = Long.MIN_VALUE;
    private long lastHostNanos;

    /** Device time in ns of a tick read at host time {@code hostNanos}. */
    long update(int tick, long hostNanos) {
        long ms;
        if (lastMs == Long.MIN_VALUE) {
            ms = tick;
        } else {
            long expected = lastMs + (hostNanos - lastHostNanos) / 1_000_000L;
            long wraps = Math.round((expected - tick) / (double) WRAP_MS);
            ms = Math.max(lastMs, tick + wraps * WRAP_MS);
        }
        lastMs = ms;
        lastHostNanos = hostNanos;
        return ms * 1_000_000L;
    }
}
