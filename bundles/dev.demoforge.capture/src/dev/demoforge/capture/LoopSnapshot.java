package dev.demoforge.capture;

import java.util.Map;

/**
 * What the episode loop looks like at one moment; immutable, published by the loop's thread.
 *
 * @param phase          where the loop is
 * @param index          number of the current (or next) episode in the session, 1-based
 * @param attempt        recording attempt of that number (re-recorded after a discard or a crash: 2, 3, ...)
 * @param target         kept episodes the task aims for
 * @param successes      episodes marked success
 * @param failures       episodes marked failure
 * @param discards       episodes discarded (including interrupted ones)
 * @param scene          the scene of the current episode
 * @param prompt         what to tell the operator about the scene
 * @param episodeId      the episode being recorded or waiting for its mark, or null
 * @param phaseStarted   {@link System#nanoTime()} when the phase began
 * @param deadline       {@link System#nanoTime()} at which the phase ends by itself, or 0
 * @param done           kept episodes per scene
 * @param message        the latest message (problems included), never null
 * @since 0.1
 */
public record LoopSnapshot(LoopPhase phase, int index, int attempt, int target, int successes, int failures,
        int discards, Scene scene, String prompt, String episodeId, long phaseStarted, long deadline,
        Map<Scene, Integer> done, String message) {

    public LoopSnapshot {
        done = Map.copyOf(done);
    }

    /** Kept episodes (success or failure). */
    public int kept() {
        return successes + failures;
    }

    /** Successes among kept episodes, 0..1; NaN before the first mark. */
    public double passRate() {
        return kept() == 0 ? Double.NaN : successes / (double) kept();
    }

    /** Seconds since the phase began, at {@code nowNanos}. */
    public double elapsedSeconds(long nowNanos) {
        return (nowNanos - phaseStarted) / 1e9;
    }

    /** Seconds until the phase ends by itself at {@code nowNanos}; NaN when it has no deadline. */
    public double secondsLeft(long nowNanos) {
        return deadline == 0 ? Double.NaN : Math.max(0, (deadline - nowNanos) / 1e9);
    }
}
