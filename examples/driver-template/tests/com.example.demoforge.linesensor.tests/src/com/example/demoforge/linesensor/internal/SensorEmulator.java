package com.example.demoforge.linesensor.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.locks.LockSupport;

/**
 * The sensor's side of the protocol on a loopback TCP port: each client gets {@code <µs> fx fy fz tx ty tz} lines at
 * the given rate, with the emulator's own microsecond clock. A stand-in for the real device, speaking the same
 * protocol over the same transport.
 */
final class SensorEmulator implements AutoCloseable {

    private final ServerSocket server;
    private final Thread acceptor;
    private final long periodNanos;
    private volatile String garbage;

    SensorEmulator(double rateHz) throws IOException {
        server = new ServerSocket(0, 4, InetAddress.getLoopbackAddress());
        periodNanos = (long) (1e9 / rateHz);
        acceptor = new Thread(this::accept, "sensor-emulator");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    /** Sends this line once to the next connected client, before its next reading. */
    void injectLine(String line) {
        garbage = line;
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Thread t = new Thread(() -> stream(client), "sensor-emulator-client");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void stream(Socket client) {
        long t0 = System.nanoTime();
        long next = t0;
        try (client; OutputStream out = client.getOutputStream()) {
            for (long i = 0; !server.isClosed(); i++) {
                String g = garbage;
                if (g != null) {
                    garbage = null;
                    out.write((g + "\n").getBytes(StandardCharsets.US_ASCII));
                }
                double phase = i * 0.01;
                String line = String.format(java.util.Locale.ROOT, "%d %.3f %.3f %.3f %.4f %.4f %.4f%n",
                        (System.nanoTime() - t0) / 1000, Math.sin(phase), Math.cos(phase), 9.81, 0.0, 0.01, -0.01);
                out.write(line.getBytes(StandardCharsets.US_ASCII));
                out.flush();
                next += periodNanos;
                LockSupport.parkNanos(next - System.nanoTime());
            }
        } catch (IOException e) {
            // client went away
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
