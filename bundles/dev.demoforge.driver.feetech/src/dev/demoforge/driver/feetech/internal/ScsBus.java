package dev.demoforge.driver.feetech.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.demoforge.driver.serial.BusCounters;
import dev.demoforge.driver.serial.BusPacket;
import dev.demoforge.driver.serial.PacketBus;
import dev.demoforge.driver.serial.SerialLink;
import dev.demoforge.driver.serial.ServoBusException;
import dev.demoforge.driver.serial.ServoIdentity;

/**
 * The Feetech SCS/STS protocol over a serial link: ping, read, write, sync read, sync write. Ping replies carry no
 * model, so identification reads the firmware version and model number (control table bytes 0..4). Error bytes are
 * condition flags (voltage, angle sensor, overheat, overcurrent, overload): they are counted and reported, and the
 * data that came with them is used. A broadcast ping makes every servo answer at once and collide, so scans ping one
 * id after another. Not thread-safe.
 */
public final class ScsBus extends PacketBus {

    /** Bytes 0..4 of the STS control table: firmware major, minor, (reserved), model number (2). */
    private static final int IDENTITY_BYTES = 5;

    public ScsBus(SerialLink link, BusCounters counters, Duration replyTimeout) {
        super(link, new ScsDecoder(counters), counters, replyTimeout);
    }

    @Override
    protected boolean isStatus(BusPacket packet) {
        return true;
    }

    @Override
    public Optional<ServoIdentity> ping(int id) throws IOException {
        return ping(id, true);
    }

    @Override
    public List<ServoIdentity> scan(int firstId, int lastId) throws IOException {
        List<ServoIdentity> found = new ArrayList<>();
        for (int id = firstId; id <= Math.min(lastId, 253); id++) {
            ping(id, false).ifPresent(found::add);
        }
        return found;
    }

    private Optional<ServoIdentity> ping(int id, boolean countMissing) throws IOException {
        byte[] out = Scs.packet(id, Scs.PING, new byte[0]);
        List<BusPacket> got = exchange(out, 1, timeoutNanos(out.length, Scs.OVERHEAD), countMissing);
        if (got.isEmpty()) {
            return Optional.empty();
        }
        if (got.get(0).id() != id) {
            counters.malformed();
            return Optional.empty();
        }
        checkError(got.get(0));
        try {
            byte[] b = read(id, 0, IDENTITY_BYTES);
            return Optional.of(new ServoIdentity(id, (b[3] & 0xFF) | (b[4] & 0xFF) << 8, (b[0] & 0xFF) << 8 | (b[1] & 0xFF)));
        } catch (ServoBusException e) {
            return Optional.of(new ServoIdentity(id, 0, 0));
        }
    }

    @Override
    public byte[] read(int id, int address, int length) throws IOException {
        byte[] out = Scs.packet(id, Scs.READ, new byte[] {(byte) address, (byte) length});
        List<BusPacket> got = exchange(out, 1, timeoutNanos(out.length, Scs.OVERHEAD + length), true);
        String what = "read of " + length + " bytes at " + address;
        return data(single(got, id, what), length, what);
    }

    @Override
    public void write(int id, int address, byte[] data) throws IOException {
        byte[] params = new byte[1 + data.length];
        params[0] = (byte) address;
        System.arraycopy(data, 0, params, 1, data.length);
        byte[] out = Scs.packet(id, Scs.WRITE, params);
        if (id == Scs.BROADCAST_ID) {
            send(out);
            return;
        }
        String what = "write of " + data.length + " bytes at " + address;
        data(single(exchange(out, 1, timeoutNanos(out.length, Scs.OVERHEAD), true), id, what), 0, what);
    }

    @Override
    public Map<Integer, byte[]> syncRead(List<Integer> ids, int address, int length) throws IOException {
        ByteArrayOutputStream params = new ByteArrayOutputStream();
        params.write(address);
        params.write(length);
        ids.forEach(params::write);
        byte[] out = Scs.packet(Scs.BROADCAST_ID, Scs.SYNC_READ, params.toByteArray());
        List<BusPacket> got = exchange(out, ids.size(), timeoutNanos(out.length, ids.size() * (Scs.OVERHEAD + length)),
                true);
        Map<Integer, byte[]> result = new LinkedHashMap<>();
        for (BusPacket p : got) {
            if (!ids.contains(p.id()) || result.containsKey(p.id())) {
                counters.malformed();
                continue;
            }
            try {
                result.put(p.id(), data(p, length, "sync read"));
            } catch (ServoBusException e) {
                // counted; the id is left out
            }
        }
        return result;
    }

    @Override
    public void syncWrite(int address, int length, Map<Integer, byte[]> values) throws IOException {
        ByteArrayOutputStream params = new ByteArrayOutputStream();
        params.write(address);
        params.write(length);
        for (Map.Entry<Integer, byte[]> e : values.entrySet()) {
            if (e.getValue().length != length) {
                throw new IllegalArgumentException("sync write of " + length + " bytes: id " + e.getKey() + " has "
                        + e.getValue().length);
            }
            params.write(e.getKey());
            params.writeBytes(e.getValue());
        }
        send(Scs.packet(Scs.BROADCAST_ID, Scs.SYNC_WRITE, params.toByteArray()));
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

    private byte[] data(BusPacket p, int length, String what) throws ServoBusException {
        checkError(p);
        if (p.params().length != length) {
            counters.malformed();
            throw new ServoBusException(ServoBusException.Kind.BAD_REPLY, p.id(), "id " + p.id() + ": " + what
                    + " answered " + p.params().length + " bytes, expected " + length);
        }
        return p.params();
    }

    private void checkError(BusPacket p) {
        if (p.instruction() != 0) {
            counters.servoError("id " + p.id() + ": " + Scs.describeError(p.instruction()));
        }
    }
}
