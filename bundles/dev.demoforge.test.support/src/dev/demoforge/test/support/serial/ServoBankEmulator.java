package dev.demoforge.test.support.serial;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import com.fazecast.jSerialComm.SerialPort;

/**
 * Base of a servo-bus emulator: a bank of {@link EmulatedServo}s answering on one end of a serial port (a
 * {@link VirtualSerialPair}'s device end). Subclasses decode instruction packets in {@link #received} and answer with
 * {@link #reply}, which applies the current {@link Fault}.
 * <p>
 * Threading: one daemon thread named {@code emulator-<port>} reads the port and calls {@link #received}; fault and
 * counter methods may be called from any thread. When the port vanishes (socat killed) the thread waits for it to
 * come back and reopens it.
 *
 * @since 0.1
 */
public abstract class ServoBankEmulator implements AutoCloseable {

    private static final int GARBAGE_MAX = 8;

    private final String port;
    private final Map<Integer, EmulatedServo> servos = new TreeMap<>();
    private final Thread thread;
    private final SplittableRandom random = new SplittableRandom(7);
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong reopened = new AtomicLong();
    private final AtomicInteger faultLeft = new AtomicInteger(-1);
    private volatile Fault fault = Fault.NONE;
    private volatile boolean closed;
    private SerialPort serial;

    protected ServoBankEmulator(String port, Collection<EmulatedServo> bank) {
        this.port = port;
        bank.forEach(s -> servos.put(s.id(), s));
        this.thread = new Thread(this::loop, "emulator-" + Path.of(port).getFileName());
        this.thread.setDaemon(true);
    }

    /** Opens the port and starts answering; returns this. */
    public final ServoBankEmulator start() {
        thread.start();
        return this;
    }

    /** The servo with this id, or null. */
    public final EmulatedServo servo(int id) {
        return servos.get(id);
    }

    /** The servos in id order. */
    public final List<EmulatedServo> servos() {
        return List.copyOf(servos.values());
    }

    /** Applies a fault to every reply until changed. */
    public final void fault(Fault f) {
        faultLeft.set(-1);
        fault = f;
    }

    /** Applies a fault to the next {@code replies} replies, then answers correctly again. */
    public final void fault(Fault f, int replies) {
        faultLeft.set(replies);
        fault = f;
    }

    /** Instruction packets handled so far (counted by subclasses through {@link #countRequest}). */
    public final long requests() {
        return requests.get();
    }

    /** How often the port was reopened after vanishing. */
    public final long reopened() {
        return reopened.get();
    }

    /** Handles bytes that arrived from the host; called on the emulator thread. */
    protected abstract void received(byte[] data, int length);

    protected final void countRequest() {
        requests.incrementAndGet();
    }

    /** Sends a reply packet, spoiled by the current fault. Emulator thread only. */
    protected final void reply(byte[] packet) {
        Fault f = fault;
        if (f != Fault.NONE && faultLeft.get() >= 0 && faultLeft.getAndDecrement() <= 0) {
            fault = Fault.NONE;
            f = Fault.NONE;
        }
        byte[] out = switch (f) {
            case NONE -> packet;
            case SILENT -> null;
            case GARBAGE -> garbageThen(packet);
            case TRUNCATE -> java.util.Arrays.copyOf(packet, Math.max(0, packet.length - 3));
            case BAD_CHECKSUM -> {
                byte[] b = packet.clone();
                b[b.length - 1] ^= 0x5A;
                yield b;
            }
            case NOISE -> {
                byte[] b = new byte[packet.length];
                for (int i = 0; i < b.length; i++) {
                    b[i] = (byte) random.nextInt(256);
                }
                yield b;
            }
        };
        SerialPort s = serial;
        if (out != null && out.length > 0 && s != null) {
            s.writeBytes(out, out.length);
        }
    }

    private byte[] garbageThen(byte[] packet) {
        int n = 1 + random.nextInt(GARBAGE_MAX);
        byte[] b = new byte[n + packet.length];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) random.nextInt(0xFD);
        }
        System.arraycopy(packet, 0, b, n, packet.length);
        return b;
    }

    private void loop() {
        byte[] buf = new byte[4096];
        while (!closed) {
            if (serial == null) {
                if (!Files.exists(Path.of(port)) || !open()) {
                    LockSupport.parkNanos(20_000_000L);
                }
                continue;
            }
            int n = serial.readBytes(buf, buf.length);
            if (n < 0) {
                serial.closePort();
                serial = null;
                continue;
            }
            if (n > 0) {
                received(buf, n);
            }
        }
        if (serial != null) {
            serial.closePort();
        }
    }

    private boolean open() {
        SerialPort s;
        try {
            s = SerialPort.getCommPort(port);
        } catch (RuntimeException vanished) {
            return false;
        }
        if (!s.openPort()) {
            return false;
        }
        s.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, 50, 0);
        if (serial == null && requests.get() > 0) {
            reopened.incrementAndGet();
        }
        serial = s;
        return true;
    }

    /** Stops answering and closes the port; waits for the thread to end. */
    @Override
    public void close() throws InterruptedException {
        closed = true;
        thread.join(2_000);
    }
}
