package dev.demoforge.driver.ur;

/**
 * Counters of one RTDE driver since it was created. Immutable snapshot.
 *
 * @param packages      data packages received and published
 * @param missed        output periods without a package, from jumps of the controller timestamp (packages the
 *                      controller skipped or the network lost)
 * @param malformed     packets that could not be parsed (wrong size, unknown recipe id); skipped
 * @param reconnects    connections lost and made again
 * @param textMessages  RTDE_TEXT_MESSAGE packets received from the controller
 * @param inputsSent    input data packages sent (servo targets)
 * @since 0.1
 */
public record RtdeStats(long packages, long missed, long malformed, long reconnects, long textMessages,
        long inputsSent) {

    /** One line for logs and status texts. */
    public String summary() {
        return packages + " packages, " + missed + " missed, " + malformed + " malformed, " + reconnects
                + " reconnects, " + textMessages + " text messages, " + inputsSent + " inputs sent";
    }
}
