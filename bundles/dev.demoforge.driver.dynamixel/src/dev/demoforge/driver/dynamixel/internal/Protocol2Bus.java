package dev.demoforge.driver.dynamixel.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import dev.demoforge.driver.serial.BusCounters;
import dev.demoforge.driver.serial.BusPacket;
import dev.demoforge.driver.serial.PacketBus;
import dev.demoforge.driver.serial.SerialLink;
import dev.demoforge.driver.serial.ServoBusException;
import dev.demoforge.driver.serial.ServoIdentity;

/**
 * Dynamixel Protocol 2.0 over a serial link: ping (also broadcast, to scan), read, write, sync read, sync write and
 * bulk read. A status whose error number (bits 0-6) is set means the instruction failed: the read or write throws,
 * the sync-read entry is dropped; the alert bit (7) alone is counted but the data is used. Not thread-safe.
 */
public final class Protocol2Bus extends PacketBus {

    /** One entry of a bulk read: {@code length} bytes at {@code address} of servo {@code id}. */
    public record BulkItem(int id, int address, int length) {
    }

    /** Time each servo is given to answer a broadcast ping beyond its wire time (X-series default delay: 500 µs). */
    private static final long SCAN_SLOT_NANOS = 600_000;

    public Protocol2Bus(SerialLink link, BusCounters counters, Duration replyTimeout) {
        super(link, new Protocol2Decoder(counters), counters, replyTimeout);
    }

    @Override
    protected boolean isStatus(BusPacket packet) {
        return packet.instruction() == Protocol2.STATUS && packet.params().length >= 1;
    }

    @Override
    public Optional<ServoIdentity> ping(int id) throws IOException {
        byte[] out = Protocol2.instruction(id, Protocol2.PING, new byte[0]);
        for (BusPacket p : exchange(out, 1, timeoutNanos(out.length, Protocol2.STATUS_OVERHEAD + 3), true)) {
            Optional<ServoIdentity> who = identity(p);
            if (p.id() == id && who.isPresent()) {
                return who;
            }
            counters.malformed();
        }
        return Optional.empty();
    }

    @Override
    public List<ServoIdentity> scan(int firstId, int lastId) throws IOException {
        byte[] out = Protocol2.instruction(Protocol2.BROADCAST_ID, Protocol2.PING, new byte[0]);
        int slots = lastId + 1;
        long timeout = timeoutNanos(out.length, slots * (Protocol2.STATUS_OVERHEAD + 3)) + slots * SCAN_SLOT_NANOS;
        Map<Integer, ServoIdentity> found = new TreeMap<>();
        for (BusPacket p : exchange(out, lastId - firstId + 1, timeout, false)) {
            identity(p).filter(w -> w.id() >= firstId && w.id() <= lastId).ifPresent(w -> found.putIfAbsent(w.id(), w));
        }
        return List.copyOf(found.values());
    }

    @Override
    public byte[] read(int id, int address, int length) throws IOException {
        byte[] out = Protocol2.instruction(id, Protocol2.READ, concat(Protocol2.u16(address), Protocol2.u16(length)));
        List<BusPacket> got = exchange(out, 1, timeoutNanos(out.length, Protocol2.STATUS_OVERHEAD + length), true);
        return data(single(got, id, "read of " + length + " bytes at " + address), id, length,
                "read of " + length + " bytes at " + address);
    }

    @Override
    public void write(int id, int address, byte[] data) throws IOException {
        byte[] out = Protocol2.instruction(id, Protocol2.WRITE, concat(Protocol2.u16(address), data));
        if (id == Protocol2.BROADCAST_ID) {
            send(out);
            return;
        }
        String what = "write of " + data.length + " bytes at " + address;
        data(single(exchange(out, 1, timeoutNanos(out.length, Protocol2.STATUS_OVERHEAD), true), id, what), id, 0, what);
    }

    @Override
    public Map<Integer, byte[]> syncRead(List<Integer> ids, int address, int length) throws IOException {
        ByteArrayOutputStream params = new ByteArrayOutputStream();
        params.writeBytes(Protocol2.u16(address));
        params.writeBytes(Protocol2.u16(length));
        ids.forEach(params::write);
        byte[] out = Protocol2.instruction(Protocol2.BROADCAST_ID, Protocol2.SYNC_READ, params.toByteArray());
        long timeout = timeoutNanos(out.length, ids.size() * (Protocol2.STATUS_OVERHEAD + length));
        return collect(exchange(out, ids.size(), timeout, true), ids, id -> length);
    }

    @Override
    public void syncWrite(int address, int length, Map<Integer, byte[]> values) throws IOException {
        ByteArrayOutputStream params = new ByteArrayOutputStream();
        params.writeBytes(Protocol2.u16(address));
        params.writeBytes(Protocol2.u16(length));
        for (Map.Entry<Integer, byte[]> e : values.entrySet()) {
            if (e.getValue().length != length) {
                throw new IllegalArgumentException("sync write of " + length + " bytes: id " + e.getKey() + " has "
                        + e.getValue().length);
            }
            params.write(e.getKey());
            params.writeBytes(e.getValue());
        }
        send(Protocol2.instruction(Protocol2.BROADCAST_ID, Protocol2.SYNC_WRITE, params.toByteArray()));
    }

    /** Reads a different range from each servo with one instruction; ids missing from the result did not answer. */
    public Map<Integer, byte[]> bulkRead(List<BulkItem> items) throws IOException {
        ByteArrayOutputStream params = new ByteArrayOutputStream();
        int bytesIn = 0;
        Map<Integer, Integer> lengths = new LinkedHashMap<>();
        for (BulkItem item : items) {
            params.write(item.id());
            params.writeBytes(Protocol2.u16(item.address()));
            params.writeBytes(Protocol2.u16(item.length()));
            lengths.put(item.id(), item.length());
            bytesIn += Protocol2.STATUS_OVERHEAD + item.length();
        }
        byte[] out = Protocol2.instruction(Protocol2.BROADCAST_ID, Protocol2.BULK_READ, params.toByteArray());
        List<BusPacket> got = exchange(out, items.size(), timeoutNanos(out.length, bytesIn), true);
        return collect(got, new ArrayList<>(lengths.keySet()), lengths::get);
    }

    private Map<Integer, byte[]> collect(List<BusPacket> got, List<Integer> ids,
            java.util.function.IntFunction<Integer> length) {
        Map<Integer, byte[]> result = new LinkedHashMap<>();
        for (BusPacket p : got) {
            if (!ids.contains(p.id()) || result.containsKey(p.id())) {
                counters.malformed();
                continue;
            }
            try {
                result.put(p.id(), data(p, p.id(), length.apply(p.id()), "sync read"));
            } catch (ServoBusException e) {
                // counted by data(); the id is left out
            }
        }
        return result;
    }

    private static Optional<ServoIdentity> identity(BusPacket p) {
        if (p.params().length < 4) {
            return Optional.empty();
        }
        return Optional.of(new ServoIdentity(p.id(), p.param(1) | p.param(2) << 8, p.param(3)));
    }

    private BusPacket single(List<BusPacket> got, int id, String what) throws ServoBusException {
        for (BusPacket p : got) {
            if (p.id() == id) {
                return p;
            }
            counters.malformed();
        }
        throw new ServoBusException(ServoBusException.Kind.TIMEOUT, id, "id " + id + ": no reply to " + what);
    }

    /** The parameters after the error byte, checked: error number clear, {@code length} bytes. */
    private byte[] data(BusPacket p, int id, int length, String what) throws ServoBusException {
        int error = p.param(0);
        if (error != 0) {
            counters.servoError("id " + id + ": " + Protocol2.describeError(error));
        }
        if ((error & 0x7F) != 0) {
            throw new ServoBusException(ServoBusException.Kind.SERVO_ERROR, id, "id " + id + ": " + what + " failed: "
                    + Protocol2.describeError(error));
        }
        if (p.params().length - 1 != length) {
            counters.malformed();
            throw new ServoBusException(ServoBusException.Kind.BAD_REPLY, id, "id " + id + ": " + what + " answered "
                    + (p.params().length - 1) + " bytes, expected " + length);
        }
        return java.util.Arrays.copyOfRange(p.params(), 1, p.params().length);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
