package dev.demoforge.teleop;

/**
 * Live figures of a teleoperation session. Times are ns of the host monotonic clock. Immutable.
 *
 * @param cycles        command cycles run (deadlines met or caught up)
 * @param commands      goals sent to the follower
 * @param missedCycles  cycles skipped because the thread woke more than a period late
 * @param waitingCycles cycles without a leader reading yet
 * @param clamped       goal elements clamped to their limits
 * @param rateHz        commands per second since the session started
 * @param latencyP50Ns  median age of the leader reading when its goal was handed to the follower (host receive of
 *                      the reading to the command)
 * @param latencyP99Ns  99th percentile of the same, over the last 4096 commands
 * @param latencyMaxNs  largest of the same, over the last 4096 commands
 * @param errors        commands the follower refused (not started, wrong width)
 * @param lastError     the last refusal's message, or empty
 * @since 0.1
 */
public record TeleopStats(long cycles, long commands, long missedCycles, long waitingCycles, long clamped,
        double rateHz, long latencyP50Ns, long latencyP99Ns, long latencyMaxNs, long errors, String lastError) {
}
