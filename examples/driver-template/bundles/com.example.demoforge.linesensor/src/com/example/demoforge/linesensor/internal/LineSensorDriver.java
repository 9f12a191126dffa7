package com.example.demoforge.linesensor.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import dev.demoforge.device.api.DeviceConfig;
import dev.demoforge.device.api.DeviceContext;
import dev.demoforge.device.api.DeviceDriver;
import dev.demoforge.device.api.DeviceStatus;
import dev.demoforge.device.api.StreamKind;
import dev.demoforge.device.api.StreamSpec;
import dev.demoforge.device.api.VectorSample;

/**
 * A force-torque sensor that streams one text line per reading over TCP: {@code <device µs> fx fy fz tx ty tz}
 * (N, N·m). Properties: {@code host} (default 127.0.0.1), {@code port} (required), {@code rate_hz} (the declared
 * rate, default 100), {@code reconnect_ms} (default 500).
 * <p>
 * Threading: {@link #start} only starts the reader thread and returns; the thread connects, reads, publishes and
 * reconnects after a loss. Failures become statuses with reasons, never exceptions. Malformed lines are counted
 * and skipped. {@link #stop} ends the thread (bounded by the 250 ms socket timeouts) and closes the socket.
 */
final class LineSensorDriver implements DeviceDriver {

    static final String STREAM = "wrench";
    private static final int IO_TIMEOUT_MS = 250;

    private final DeviceConfig config;
    private final String host;
    private final int port;
    private final long reconnectMillis;
    private final List<StreamSpec> streams;
    private final AtomicLong malformed = new AtomicLong();
    private final Object gate = new Object();
    private Thread reader;
    private volatile boolean running;
    private DeviceContext context;

    LineSensorDriver(DeviceConfig config) {
        this.config = config;
        this.host = config.property("host", "127.0.0.1");
        this.port = intProperty(config, "port", -1);
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("Device " + config.deviceId() + ": property port must be 1-65535");
        }
        this.reconnectMillis = intProperty(config, "reconnect_ms", 500);
        double rate = intProperty(config, "rate_hz", 100);
        this.streams = List.of(StreamSpec.vector(STREAM, StreamKind.WRENCH, "N, N·m", rate,
                List.of("fx", "fy", "fz", "tx", "ty", "tz")));
    }

    private static int intProperty(DeviceConfig config, String key, int fallback) {
        String v = config.property(key, Integer.toString(fallback));
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Device " + config.deviceId() + ": property " + key
                    + " is not an integer: '" + v + "'", e);
        }
    }

    @Override
    public List<StreamSpec> streams() {
        return streams;
    }

    @Override
    public synchronized void start(DeviceContext ctx) {
        if (reader != null) {
            return;
        }
        context = ctx;
        running = true;
        reader = new Thread(this::run, "linesensor-" + config.deviceId());
        reader.setDaemon(true);
        reader.start();
    }

    @Override
    public synchronized void stop() throws InterruptedException {
        if (reader == null) {
            return;
        }
        synchronized (gate) {
            running = false;
            gate.notifyAll();
        }
        reader.join(1500);
        reader = null;
    }

    /** Lines that could not be parsed since construction. */
    long malformedLines() {
        return malformed.get();
    }

    private void run() {
        String where = host + ":" + port;
        while (running) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(host, port), IO_TIMEOUT_MS);
                socket.setSoTimeout(IO_TIMEOUT_MS);
                report(DeviceStatus.online());
                read(new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)));
                report(DeviceStatus.offline("sensor at " + where + " closed the connection; retrying"));
            } catch (SocketTimeoutException e) {
                report(DeviceStatus.offline("no data from " + where + " for " + IO_TIMEOUT_MS + " ms; retrying"));
            } catch (IOException e) {
                report(DeviceStatus.offline("cannot reach sensor at " + where + ": " + e.getMessage() + "; retrying"));
            }
            pause();
        }
    }

    private void read(BufferedReader in) throws IOException {
        String line;
        while (running && (line = in.readLine()) != null) {
            long host = context.hostNanos();
            String[] f = line.strip().split("\\s+");
            if (f.length != 7) {
                malformed.incrementAndGet();
                continue;
            }
            try {
                long deviceNanos = Long.parseLong(f[0]) * 1000;
                double[] v = new double[6];
                for (int i = 0; i < 6; i++) {
                    v[i] = Double.parseDouble(f[i + 1]);
                }
                synchronized (gate) {
                    if (running) {
                        context.publish(STREAM, new VectorSample(host, deviceNanos, config.deviceId() + ".clock", v));
                    }
                }
            } catch (NumberFormatException e) {
                malformed.incrementAndGet();
            }
        }
    }

    private void report(DeviceStatus status) {
        synchronized (gate) {
            if (running) {
                context.status(status);
            }
        }
    }

    private void pause() {
        synchronized (gate) {
            long deadline = System.currentTimeMillis() + reconnectMillis;
            long left;
            while (running && (left = deadline - System.currentTimeMillis()) > 0) {
                try {
                    gate.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
