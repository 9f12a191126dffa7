package dev.demoforge.driver.serial;

/**
 * Counters of one servo bus since it was opened: a snapshot, immutable.
 *
 * @param instructions   instruction packets sent
 * @param replies        status packets received intact
 * @param timeouts       expected replies that did not arrive in time (silent device, truncated packet)
 * @param checksumErrors packets dropped for a wrong checksum / CRC
 * @param malformed      packets dropped for an impossible length or content (wrong id, wrong data length)
 * @param garbageBytes   bytes skipped while looking for a packet header
 * @param servoErrors    replies whose error field reported a problem (instruction error, overload, voltage...)
 * @param lastServoError the last such error, decoded, or ""
 * @since 0.1
 */
public record BusStats(long instructions, long replies, long timeouts, long checksumErrors, long malformed,
        long garbageBytes, long servoErrors, String lastServoError) {

    /** Errors of every kind together. */
    public long errors() {
        return timeouts + checksumErrors + malformed + servoErrors;
    }

    /** Short text for status reasons: "12 timeouts, 3 checksum errors". */
    public String summary() {
        StringBuilder b = new StringBuilder();
        append(b, timeouts, "timeout");
        append(b, checksumErrors, "checksum error");
        append(b, malformed, "malformed packet");
        append(b, garbageBytes, "garbage byte");
        append(b, servoErrors, "servo error");
        return b.isEmpty() ? "no errors" : b.toString();
    }

    private static void append(StringBuilder b, long n, String what) {
        if (n > 0) {
            b.append(b.isEmpty() ? "" : ", ").append(n).append(' ').append(what).append(n == 1 ? "" : "s");
        }
    }
}
