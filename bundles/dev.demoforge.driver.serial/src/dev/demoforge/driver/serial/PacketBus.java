package dev.demoforge.driver.serial;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Base of a {@link ServoBus} over a {@link SerialLink}: sends an instruction packet and collects status packets from
 * a {@link PacketDecoder} until enough arrived or the deadline passed. Subclasses build the packets of their
 * protocol. Not thread-safe.
 *
 * @since 0.1
 */
public abstract class PacketBus implements ServoBus {

    /** Bits per byte on the wire (8N1). */
    protected static final int BITS_PER_BYTE = 10;

    protected final SerialLink link;
    protected final BusCounters counters;
    private final PacketDecoder decoder;
    private final long replyTimeoutNanos;
    private final byte[] buf = new byte[1024];

    protected PacketBus(SerialLink link, PacketDecoder decoder, BusCounters counters, Duration replyTimeout) {
        this.link = link;
        this.decoder = decoder;
        this.counters = counters;
        this.replyTimeoutNanos = replyTimeout.toNanos();
    }

    /** Whether a decoded packet is a status (reply) packet rather than an echoed instruction. */
    protected abstract boolean isStatus(BusPacket packet);

    /**
     * Time allowed for replies: the reply timeout plus the wire time of the bytes going out and coming back at the
     * link's baud rate.
     */
    protected final long timeoutNanos(int bytesOut, int bytesIn) {
        return replyTimeoutNanos + (long) (bytesOut + bytesIn) * BITS_PER_BYTE * 1_000_000_000L / link.baud();
    }

    /**
     * Sends an instruction and collects up to {@code expected} status packets.
     *
     * @param countMissing whether replies that do not come count as timeouts (not when scanning)
     * @return the status packets received intact, in arrival order
     */
    protected final List<BusPacket> exchange(byte[] instruction, int expected, long timeoutNanos,
            boolean countMissing) throws SerialLinkException {
        int stale = link.discardInput() + decoder.reset();
        if (stale > 0) {
            counters.garbage(stale);
        }
        link.write(instruction);
        counters.instruction();
        List<BusPacket> got = new ArrayList<>(Math.min(expected, 256));
        long deadline = System.nanoTime() + timeoutNanos;
        while (got.size() < expected) {
            BusPacket p;
            while (got.size() < expected && (p = decoder.next()) != null) {
                if (isStatus(p)) {
                    got.add(p);
                    counters.reply();
                }
            }
            if (got.size() >= expected) {
                break;
            }
            int n = link.read(buf, deadline);
            if (n == 0) {
                break;
            }
            decoder.feed(buf, 0, n);
        }
        if (countMissing && got.size() < expected) {
            counters.timeouts(expected - got.size());
        }
        return got;
    }

    /** Sends an instruction that has no reply (broadcast writes). */
    protected final void send(byte[] instruction) throws SerialLinkException {
        link.write(instruction);
        counters.instruction();
    }

    @Override
    public final BusStats stats() {
        return counters.snapshot();
    }
}
