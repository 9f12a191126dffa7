package dev.demoforge.quality.api;

/**
 * Why a check decided as it did, pointing at a time range of the episode.
 *
 * @param text         human-readable ("idle 4.8 s from 12.0 s")
 * @param startSeconds start of the range, seconds from the episode start
 * @param endSeconds   end of the range, seconds from the episode start
 * @since 0.1
 */
public record Reason(String text, double startSeconds, double endSeconds) {
}
