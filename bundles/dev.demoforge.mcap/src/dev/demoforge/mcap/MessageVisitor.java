package dev.demoforge.mcap;

import java.io.IOException;
import java.util.Map;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Receives the content of an MCAP file from {@link McapReader#read}, in file order, on the calling thread.
 * Schemas and channels are delivered once each (their copies in the summary are not repeated), always before the
 * first message that uses them. Messages of a chunk are delivered only after the whole chunk was read and its CRC
 * verified. An exception thrown by the visitor stops reading and propagates to the caller.
 * <p>
 * Times are the file's Timestamps: unsigned nanoseconds since the epoch chosen by the writer (the Unix epoch for
 * DemoForge files).
 *
 * @since 0.1
 */
@ConsumerType
public interface MessageVisitor {

    /** The Header record: profile ({@code ""} if none) and writing library. */
    default void onHeader(String profile, String library) throws IOException {
    }

    default void onSchema(McapSchema schema) throws IOException {
    }

    default void onChannel(McapChannel channel) throws IOException {
    }

    /**
     * One message.
     *
     * @param channelId          the channel it was written on
     * @param sequence           the u32 sequence number, 0..2^32-1
     * @param logTimeNanos       log time, ns
     * @param publishTimeNanos   publish time, ns
     * @param data               the message payload; a fresh array the visitor may keep
     */
    void onMessage(int channelId, long sequence, long logTimeNanos, long publishTimeNanos, byte[] data)
            throws IOException;

    /** A Metadata record (name and key/value pairs in file order). */
    default void onMetadata(String name, Map<String, String> values) throws IOException {
    }
}
