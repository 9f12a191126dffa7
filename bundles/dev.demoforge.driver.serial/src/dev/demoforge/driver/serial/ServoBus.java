package dev.demoforge.driver.serial;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * The instructions every servo bus protocol offers, with data as raw control-table bytes (little-endian for the
 * protocols here). Blocking: each call sends one instruction packet and waits for the replies, at most the bus's reply
 * timeout plus the wire time at the configured baud rate.
 * <p>
 * Errors: a {@link SerialLinkException} (LOST) when the port fails; a {@link ServoBusException} when an addressed
 * servo does not answer or answers with an error. Damaged and missing replies are also counted in {@link #stats()}.
 * Not thread-safe: one thread owns a bus.
 *
 * @since 0.1
 */
@ConsumerType
public interface ServoBus {

    /** Pings one id; empty when nothing answered in time. */
    Optional<ServoIdentity> ping(int id) throws IOException;

    /** Finds every servo with an id in {@code [firstId, lastId]}, in id order. */
    List<ServoIdentity> scan(int firstId, int lastId) throws IOException;

    /** Reads {@code length} bytes of one servo's control table. */
    byte[] read(int id, int address, int length) throws IOException;

    /** Writes bytes into one servo's control table and waits for its acknowledgement. */
    void write(int id, int address, byte[] data) throws IOException;

    /**
     * Reads the same range from several servos with one instruction.
     *
     * @return the data of each id that answered intact and in time; ids missing from the map did not (counted)
     */
    Map<Integer, byte[]> syncRead(List<Integer> ids, int address, int length) throws IOException;

    /** Writes the same range of several servos with one instruction (no replies). Every value has {@code length} bytes. */
    void syncWrite(int address, int length, Map<Integer, byte[]> values) throws IOException;

    /** Counters since the bus was opened. */
    BusStats stats();
}
