package dev.demoforge.catalog.api;

/**
 * The part of an episode a reviewer kept: frames outside {@code [startSeconds, endSeconds]} are not meant for
 * datasets. Seconds from the episode start on the host time base (host receive time − the manifest's
 * {@code startHostNanos}), the same base as check reasons and annotations. A trim with only one end set has the
 * other at 0 or at the episode's duration.
 *
 * @param startSeconds first kept instant, ≥ 0
 * @param endSeconds   last kept instant, ≥ start
 * @since 0.1
 */
public record Trim(double startSeconds, double endSeconds) {

    /** Whether an instant (same time base) is kept. */
    public boolean keeps(double seconds) {
        return seconds >= startSeconds && seconds <= endSeconds;
    }
}
