package dev.demoforge.driver.netft.internal;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * An ATI Net F/T's RDT server on a loopback UDP port, written from the Net F/T manual apart from the driver's codec:
 * 8-byte requests (header 0x1234; command 2 starts realtime streaming of the given number of records, 0 = endless;
 * 0 stops; 0x42 sets the software bias), 36-byte records at {@code rateHz} (absolute deadlines) to the address that
 * asked. The load is a slow swing: Fx = 2 sin(2π·0.5 t) N, Fz = -10 N, Tz = 0.1 N·m plus a ramp, in counts of
 * {@link #COUNTS_PER_UNIT}. Faults: records skipped (sequence gaps), a status word, silence, garbage datagrams.
 * A web server on another loopback port serves {@code /netftapi2.xml} ({@link #xml}). Threads are named
 * {@code netft-emulator-*}.
 */
final class NetFtEmulator implements AutoCloseable {

    static final int COUNTS_PER_UNIT = 1_000_000;

    private final DatagramSocket socket;
    private final java.net.ServerSocket web;
    /** The calibration document served at /netftapi2.xml; null answers 404. */
    volatile String xml = document(COUNTS_PER_UNIT, COUNTS_PER_UNIT, "N", "N-m");
    private final double rateHz;
    private final long bootNanos = System.nanoTime();
    private final Thread receiver;
    private final Thread sender;
    private final int[] bias = new int[6];
    private final Map<Long, Long> sentAt = new ConcurrentHashMap<>();
    final List<Integer> commands = new CopyOnWriteArrayList<>();
    final AtomicInteger skip = new AtomicInteger();
    final AtomicInteger garbage = new AtomicInteger();
    volatile long status;
    volatile boolean silent;
    volatile boolean keepSentTimes;
    private volatile SocketAddress client;
    private volatile long remaining;
    private volatile long rdtSequence;
    private volatile boolean closed;

    private NetFtEmulator(double rateHz) throws IOException {
        this.rateHz = rateHz;
        this.socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        receiver = new Thread(this::receive, "netft-emulator-rx");
        sender = new Thread(this::send, "netft-emulator-tx");
        receiver.setDaemon(true);
        sender.setDaemon(true);
        receiver.start();
        sender.start();
        web = new java.net.ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        Thread http = new Thread(this::serveWeb, "netft-emulator-http");
        http.setDaemon(true);
        http.start();
    }

    /** A netftapi2.xml with the given active calibration, serial FT24680 and an RDT rate of 1000 Hz. */
    static String document(double cpf, double cpt, String forceUnit, String torqueUnit) {
        return "<?xml version=\"1.0\"?>\n<netft>\n<setserial>FT24680</setserial>\n<setfwver>2.0.0</setfwver>\n"
                + "<comrdte>Enabled</comrdte>\n<comrdtrate>1000</comrdtrate>\n<cfgcpf>" + (long) cpf + "</cfgcpf>\n"
                + "<cfgcpt>" + (long) cpt + "</cfgcpt>\n<scfgfu>" + forceUnit + "</scfgfu>\n<scfgtu>" + torqueUnit
                + "</scfgtu>\n</netft>\n";
    }

    int httpPort() {
        return web.getLocalPort();
    }

    private void serveWeb() {
        while (!closed) {
            try (java.net.Socket c = web.accept()) {
                java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(
                        c.getInputStream(), java.nio.charset.StandardCharsets.US_ASCII));
                String request = in.readLine();
                for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                    // headers are not needed
                }
                String doc = xml;
                boolean found = doc != null && request != null && request.startsWith("GET /netftapi2.xml ");
                byte[] body = (found ? doc : "not found").getBytes(java.nio.charset.StandardCharsets.UTF_8);
                String head = (found ? "HTTP/1.0 200 OK" : "HTTP/1.0 404 Not Found") + "\r\nContent-Type: text/xml"
                        + "\r\nContent-Length: " + body.length + "\r\n\r\n";
                c.getOutputStream().write(head.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                c.getOutputStream().write(body);
            } catch (IOException e) {
                if (closed) {
                    return;
                }
            }
        }
    }

    /** A sensor streaming at {@code rateHz} once asked, on a free loopback port. */
    static NetFtEmulator start(double rateHz) throws IOException {
        return new NetFtEmulator(rateHz);
    }

    int port() {
        return socket.getLocalPort();
    }

    /** Whether a client is being streamed to. */
    boolean streaming() {
        return client != null && remaining != 0;
    }

    /** Host time at which the record with this RDT sequence number was sent, or null; with keepSentTimes the
     * record's Ty carries the sequence number in counts. */
    Long sentAt(long sequence) {
        return sentAt.get(sequence);
    }

    /** The load at emulator time {@code t} s, in counts, before the bias. */
    static int[] load(double t) {
        return new int[] {(int) Math.round(2 * Math.sin(2 * Math.PI * 0.5 * t) * COUNTS_PER_UNIT),
            (int) Math.round(0.5 * COUNTS_PER_UNIT), -10 * COUNTS_PER_UNIT, (int) Math.round(-0.02 * COUNTS_PER_UNIT),
            0, (int) Math.round((0.1 + 0.001 * t) * COUNTS_PER_UNIT)};
    }

    private void receive() {
        byte[] buf = new byte[64];
        DatagramPacket p = new DatagramPacket(buf, buf.length);
        while (!closed) {
            try {
                socket.receive(p);
            } catch (IOException e) {
                return;
            }
            ByteBuffer b = ByteBuffer.wrap(p.getData(), 0, p.getLength());
            if (p.getLength() != 8 || (b.getShort() & 0xFFFF) != 0x1234) {
                continue;
            }
            int command = b.getShort() & 0xFFFF;
            long count = b.getInt() & 0xFFFF_FFFFL;
            commands.add(command);
            switch (command) {
                case 0x0002 -> {
                    synchronized (this) {
                        rdtSequence = 0;
                        remaining = count == 0 ? -1 : count;
                        client = p.getSocketAddress();
                    }
                }
                case 0x0000 -> client = null;
                case 0x0042 -> {
                    int[] now = load(seconds());
                    synchronized (bias) {
                        System.arraycopy(now, 0, bias, 0, 6);
                    }
                }
                default -> { }
            }
        }
    }

    private void send() {
        long period = Math.round(1e9 / rateHz);
        long next = System.nanoTime();
        long ftSequence = 0;
        while (!closed) {
            next += period;
            long wait;
            while ((wait = next - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            if (System.nanoTime() - next > 20 * period) {
                next = System.nanoTime();
            }
            ftSequence += 7;
            SocketAddress to;
            long seq;
            synchronized (this) {
                to = client;
                if (to == null || remaining == 0) {
                    continue;
                }
                if (remaining > 0) {
                    remaining--;
                }
                seq = ++rdtSequence;
            }
            if (silent) {
                continue;
            }
            if (skip.get() > 0) {
                skip.decrementAndGet();
                continue;
            }
            try {
                if (garbage.get() > 0) {
                    garbage.decrementAndGet();
                    socket.send(new DatagramPacket(new byte[] {1, 2, 3, 4, 5}, 5, to));
                }
                byte[] r = record(seq, ftSequence);
                if (keepSentTimes) {
                    sentAt.put(seq, System.nanoTime());
                }
                socket.send(new DatagramPacket(r, r.length, to));
            } catch (IOException e) {
                if (closed) {
                    return;
                }
            }
        }
    }

    private byte[] record(long seq, long ftSequence) {
        int[] counts = load(seconds());
        if (keepSentTimes) {
            counts[4] = (int) seq;
        }
        ByteBuffer b = ByteBuffer.allocate(36).putInt((int) seq).putInt((int) ftSequence).putInt((int) status);
        synchronized (bias) {
            for (int i = 0; i < 6; i++) {
                b.putInt(counts[i] - bias[i]);
            }
        }
        return b.array();
    }

    private double seconds() {
        return (System.nanoTime() - bootNanos) / 1e9;
    }

    @Override
    public void close() throws InterruptedException {
        closed = true;
        socket.close();
        try {
            web.close();
        } catch (IOException e) {
            // closing the listener only
        }
        receiver.join(1000);
        sender.join(1000);
    }
}
