package dev.demoforge.driver.ur.internal;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A UR controller's RTDE server on a loopback TCP port, written from the RTDE guide apart from the driver's codec:
 * protocol version negotiation, controller version, output recipes (streamed at the asked frequency, at most 500 Hz on
 * 5.x and 125 Hz on 3.x, timestamps on the 2 ms control cycle since the emulator started), input recipes (doubles and
 * ints; a servo flag of 1 in {@code input_int_register_0} makes the arm follow {@code input_double_register_0..5}),
 * start, pause and text messages both ways. Faults: connections dropped, variables unknown or in use, packages
 * skipped, protocol 2 refused. Threads are named {@code ur-emulator-*}.
 */
final class UrControllerEmulator implements AutoCloseable {

    static final double CYCLE_S = 0.002;

    private final ServerSocket server;
    private final long[] version;
    private final long bootNanos = System.nanoTime();
    private final List<Socket> clients = new CopyOnWriteArrayList<>();
    private final AtomicInteger clientCount = new AtomicInteger();
    private final double[] servoTarget = new double[6];
    private final double[] q = {0, -1.57, 1.57, -1.57, -1.57, 0};
    private final double[] qPrev = q.clone();
    private final Map<Long, Long> sentAt = new ConcurrentHashMap<>();
    final List<String> textsReceived = new CopyOnWriteArrayList<>();
    final Map<String, Double> inputs = new ConcurrentHashMap<>();
    volatile boolean speaksV2 = true;
    volatile Set<String> unknownVariables = Set.of();
    volatile Set<String> inputsInUse = Set.of();
    volatile int skipPackages;
    volatile boolean keepSentTimes;
    private volatile boolean closed;
    private double lastStep = Double.NaN;
    private double lastDt = CYCLE_S;

    private UrControllerEmulator(long... version) throws IOException {
        this.version = version;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(this::accept, "ur-emulator-accept");
        t.setDaemon(true);
        t.start();
    }

    /** A controller of the given software version (major, minor, bugfix, build) on a free loopback port. */
    static UrControllerEmulator start(long major, long minor, long bugfix, long build) throws IOException {
        return new UrControllerEmulator(major, minor, bugfix, build);
    }

    int port() {
        return server.getLocalPort();
    }

    /** Connections accepted so far. */
    int connections() {
        return clientCount.get();
    }

    /** Closes every client connection (a network loss); the server keeps listening. */
    void dropConnections() throws IOException {
        for (Socket s : clients) {
            s.close();
        }
    }

    /** Sends a text message to every started client. */
    void sendText(String message, String source, int level) {
        byte[] m = message.getBytes(StandardCharsets.UTF_8);
        byte[] s = source.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(3 + m.length + s.length);
        b.put((byte) m.length).put(m).put((byte) s.length).put(s).put((byte) level);
        for (Socket c : clients) {
            try {
                write(c.getOutputStream(), 'M', b.array());
            } catch (IOException e) {
                // that client is gone
            }
        }
    }

    /** Host time at which the package with this controller time (ns) was written, or null (keepSentTimes). */
    Long sentAt(long deviceNanos) {
        return sentAt.get(deviceNanos);
    }

    /** The joint positions now (rad). */
    synchronized double[] jointPositions() {
        return q.clone();
    }

    private void accept() {
        while (!closed) {
            try {
                Socket s = server.accept();
                s.setTcpNoDelay(true);
                clients.add(s);
                Thread t = new Thread(() -> serve(s), "ur-emulator-client-" + clientCount.incrementAndGet());
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    /** One client: handles requests; a streaming thread writes data packages while started. */
    private void serve(Socket s) {
        Map<Integer, List<String>> inputRecipes = new ConcurrentHashMap<>();
        Thread[] streamer = new Thread[1];
        String[][] outputs = new String[1][];
        double[] frequency = new double[1];
        try (s) {
            DataInputStream in = new DataInputStream(s.getInputStream());
            OutputStream out = s.getOutputStream();
            while (!closed) {
                int size = in.readUnsignedShort();
                int type = in.readUnsignedByte();
                byte[] payload = new byte[size - 3];
                in.readFully(payload);
                ByteBuffer p = ByteBuffer.wrap(payload);
                switch (type) {
                    case 'V' -> write(out, 'V', new byte[] {(byte) (speaksV2 && p.getShort() == 2 ? 1 : 0)});
                    case 'v' -> write(out, 'v', ByteBuffer.allocate(16).putInt((int) version[0])
                            .putInt((int) version[1]).putInt((int) version[2]).putInt((int) version[3]).array());
                    case 'O' -> {
                        frequency[0] = Math.min(p.getDouble(), version[0] >= 5 ? 500 : 125);
                        outputs[0] = new String(payload, 8, payload.length - 8, StandardCharsets.UTF_8).split(",");
                        write(out, 'O', recipeReply(1, outputs[0], false));
                    }
                    case 'I' -> {
                        String[] names = new String(payload, StandardCharsets.UTF_8).split(",");
                        int id = 2 + inputRecipes.size();
                        inputRecipes.put(id, List.of(names));
                        write(out, 'I', recipeReply(id, names, true));
                    }
                    case 'S' -> {
                        write(out, 'S', new byte[] {(byte) (outputs[0] != null ? 1 : 0)});
                        if (outputs[0] != null && streamer[0] == null) {
                            streamer[0] = new Thread(() -> stream(out, outputs[0], frequency[0]),
                                    Thread.currentThread().getName() + "-stream");
                            streamer[0].setDaemon(true);
                            streamer[0].start();
                        }
                    }
                    case 'P' -> {
                        stopStreaming(streamer);
                        write(out, 'P', new byte[] {1});
                    }
                    case 'U' -> applyInputs(inputRecipes.get(payload[0] & 0xFF), p.position(1));
                    case 'M' -> {
                        byte[] m = new byte[p.get() & 0xFF];
                        p.get(m);
                        textsReceived.add(new String(m, StandardCharsets.UTF_8));
                    }
                    default -> throw new IOException("unknown packet type " + type);
                }
            }
        } catch (IOException | RuntimeException e) {
            // client gone or out of step: drop it like the controller does
        } finally {
            clients.remove(s);
            stopStreaming(streamer);
        }
    }

    private static void stopStreaming(Thread[] streamer) {
        if (streamer[0] != null) {
            streamer[0].interrupt();
            streamer[0] = null;
        }
    }

    private byte[] recipeReply(int id, String[] names, boolean input) {
        List<String> types = new ArrayList<>();
        for (String n : names) {
            String t = input ? inputType(n) : outputType(n);
            types.add(unknownVariables.contains(n) || t == null ? "NOT_FOUND" : input && inputsInUse.contains(n)
                    ? "IN_USE" : t);
        }
        byte[] text = String.join(",", types).getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(1 + text.length).put((byte) id).put(text).array();
    }

    private static String outputType(String n) {
        return switch (n) {
            case "timestamp", "actual_execution_time" -> "DOUBLE";
            case "actual_q", "actual_qd", "actual_current", "actual_TCP_pose", "actual_TCP_force", "target_q",
                "target_qd" -> "VECTOR6D";
            case "robot_mode", "safety_mode" -> "INT32";
            case "runtime_state" -> "UINT32";
            default -> n.startsWith("output_int_register_") ? "INT32"
                    : n.startsWith("output_double_register_") ? "DOUBLE" : null;
        };
    }

    private static String inputType(String n) {
        return n.startsWith("input_double_register_") ? "DOUBLE" : n.startsWith("input_int_register_") ? "INT32"
                : n.equals("speed_slider_fraction") ? "DOUBLE" : null;
    }

    private void applyInputs(List<String> names, ByteBuffer p) {
        if (names == null) {
            return;
        }
        for (String n : names) {
            inputs.put(n, inputType(n).equals("DOUBLE") ? p.getDouble() : (double) p.getInt());
        }
    }

    /** Writes data packages at {@code hz} (absolute deadlines) until interrupted or the socket fails. */
    private void stream(OutputStream out, String[] names, double hz) {
        long period = Math.round(1e9 / hz);
        long next = System.nanoTime();
        long cyclesPerPackage = Math.max(1, Math.round(1 / (hz * CYCLE_S)));
        long lastCycle = -1;
        while (!Thread.currentThread().isInterrupted() && !closed) {
            next += period;
            long wait;
            while ((wait = next - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
                if (Thread.currentThread().isInterrupted()) {
                    return;
                }
            }
            if (System.nanoTime() - next > 5 * period) {
                next = System.nanoTime();
            }
            long cycle = Math.max(Math.round((System.nanoTime() - bootNanos) / 1e9 / CYCLE_S),
                    lastCycle < 0 ? 0 : lastCycle + cyclesPerPackage);
            lastCycle = cycle;
            double timestamp = cycle * CYCLE_S;
            if (skipPackages > 0) {
                skipPackages--;
                continue;
            }
            byte[] data = dataPackage(names, timestamp);
            try {
                if (keepSentTimes) {
                    sentAt.put(Math.round(timestamp * 1e9), System.nanoTime());
                }
                write(out, 'U', data);
            } catch (IOException e) {
                return;
            }
        }
    }

    private synchronized byte[] dataPackage(String[] names, double t) {
        step(t);
        ByteBuffer b = ByteBuffer.allocate(1 + names.length * 48).put((byte) 1);
        for (String n : names) {
            switch (n) {
                case "timestamp" -> b.putDouble(t);
                case "actual_execution_time" -> b.putDouble(0.3);
                case "actual_q", "target_q" -> six(b, q);
                case "actual_qd" -> six(b, velocity());
                case "actual_current" -> six(b, scaled(velocity(), 2.0));
                case "actual_TCP_pose" -> six(b, pose());
                case "actual_TCP_force" -> six(b, new double[] {1, -2, -9.5 + Math.sin(t), 0.1, -0.2, 0.05});
                case "robot_mode" -> b.putInt(7);
                case "safety_mode" -> b.putInt(1);
                case "runtime_state" -> b.putInt(2);
                default -> b.putInt(0);
            }
        }
        byte[] a = new byte[b.position()];
        b.flip().get(a);
        return a;
    }

    /** Advances the arm to controller time {@code t}: following the servo target, or a slow sine trajectory. */
    private void step(double t) {
        if (t == lastStep) {
            return;
        }
        double dt = Double.isNaN(lastStep) ? CYCLE_S : t - lastStep;
        lastStep = t;
        System.arraycopy(q, 0, qPrev, 0, 6);
        boolean servo = inputs.getOrDefault("input_int_register_0", 0.0) == 1.0;
        for (int i = 0; i < 6; i++) {
            if (servo) {
                servoTarget[i] = inputs.getOrDefault("input_double_register_" + i, q[i]);
                q[i] += (servoTarget[i] - q[i]) * Math.min(1, dt / 0.02);
            } else {
                q[i] = (i == 1 || i == 3 ? -1.57 : i == 2 ? 1.57 : 0) + 0.3 * Math.sin(2 * Math.PI * 0.2 * t + i);
            }
        }
        this.lastDt = dt;
    }

    private double[] velocity() {
        double[] v = new double[6];
        for (int i = 0; i < 6; i++) {
            v[i] = (q[i] - qPrev[i]) / lastDt;
        }
        return v;
    }

    private double[] pose() {
        double reach = 0.3 + 0.2 * Math.cos(q[2]);
        return new double[] {reach * Math.cos(q[0]), reach * Math.sin(q[0]), 0.4 + 0.2 * Math.sin(q[1] + 1.57), 0,
            3.14, q[5]};
    }

    private static double[] scaled(double[] v, double k) {
        double[] r = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            r[i] = v[i] * k;
        }
        return r;
    }

    private static void six(ByteBuffer b, double[] v) {
        for (int i = 0; i < 6; i++) {
            b.putDouble(v[i]);
        }
    }

    private static void write(OutputStream out, int type, byte[] payload) throws IOException {
        byte[] packet = ByteBuffer.allocate(3 + payload.length).putShort((short) (3 + payload.length))
                .put((byte) type).put(payload).array();
        synchronized (out) {
            out.write(packet);
            out.flush();
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
        dropConnections();
    }
}
