package dev.demoforge.driver.netft;

/**
 * Counters of one Net F/T driver since it was created. Immutable snapshot.
 *
 * @param records      RDT records received and published
 * @param gaps         jumps of the RDT sequence number (one or more records lost in a row)
 * @param lost         records missing inside those jumps
 * @param outOfOrder   records whose sequence number did not advance (late, duplicated, or the sensor restarted)
 * @param statusErrors records whose status word was not zero
 * @param malformed    datagrams that were not 36-byte RDT records; dropped
 * @param restarts     start requests sent again after the sensor fell silent
 * @param lastStatus   the newest record's status word
 * @since 0.1
 */
public record NetFtStats(long records, long gaps, long lost, long outOfOrder, long statusErrors, long malformed,
        long restarts, long lastStatus) {

    /** One line for logs and status texts. */
    public String summary() {
        return records + " records, " + gaps + " gaps (" + lost + " lost), " + outOfOrder + " out of order, "
                + statusErrors + " with status errors, " + malformed + " malformed, " + restarts + " restarts, status 0x"
                + Long.toHexString(lastStatus);
    }
}
