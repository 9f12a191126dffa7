package dev.demoforge.driver.serial;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Turns a byte stream from a servo bus into packets: finds headers, checks lengths and checksums, skips what does not
 * fit and counts it ({@link BusCounters#garbage}, {@link BusCounters#checksumError}, {@link BusCounters#malformed}).
 * Any byte sequence is acceptable input: a decoder never throws and never holds more than one maximal packet.
 * Not thread-safe: one reader thread.
 *
 * @since 0.1
 */
@ConsumerType
public interface PacketDecoder {

    /** Appends received bytes. */
    void feed(byte[] data, int offset, int length);

    /** The next complete, intact packet, or null until more bytes arrive. */
    BusPacket next();

    /** Drops buffered bytes without counting them; returns how many (the caller decides what they were). */
    int reset();
}
