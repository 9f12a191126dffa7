package dev.demoforge.driver.ur.internal;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import dev.demoforge.device.api.DeviceContext;
import dev.demoforge.device.api.DeviceDriver;
import dev.demoforge.device.api.DeviceStatus;
import dev.demoforge.device.api.StreamSpec;
import dev.demoforge.driver.ur.ControllerVersion;
import dev.demoforge.driver.ur.RtdeStats;
import dev.demoforge.driver.ur.UrRobot;

/**
 * The {@code ur-rtde} driver: one thread ({@code demoforge-ur-rtde-<device>}) connects, runs the RTDE handshake,
 * publishes every data package and reconnects every {@code reconnect_ms} when the connection is refused, lost or
 * silent for {@code offline_after_ms}; the time without data is published as a gap event. A controller that refuses
 * the protocol or the recipe ends the thread with a FAILED status naming why. {@link #start} returns at once.
 */
final class UrRtdeDriver implements DeviceDriver, UrRobot {

    private final UrConfig cfg;
    private final UrStreams streams;
    private final AtomicLong packages = new AtomicLong();
    private final AtomicLong missed = new AtomicLong();
    private final AtomicLong malformed = new AtomicLong();
    private final AtomicLong reconnects = new AtomicLong();
    private final AtomicLong texts = new AtomicLong();
    private final AtomicLong inputsSent = new AtomicLong();
    private volatile ControllerVersion version;
    private volatile RtdeSession session;
    private volatile java.io.Closeable connecting;
    private volatile double agreedHz;
    private volatile boolean running;
    private long lastSampleHost;
    private Thread thread;

    UrRtdeDriver(UrConfig cfg) {
        this.cfg = cfg;
        this.streams = new UrStreams(cfg);
    }

    @Override
    public List<StreamSpec> streams() {
        return streams.specs();
    }

    @Override
    public synchronized void start(DeviceContext context) {
        if (thread != null) {
            return;
        }
        running = true;
        context.status(new DeviceStatus(DeviceStatus.State.CONNECTING, "connecting to " + cfg.address()));
        thread = new Thread(() -> run(context), "demoforge-ur-rtde-" + cfg.deviceId());
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public synchronized void stop() throws InterruptedException {
        if (thread == null) {
            return;
        }
        running = false;
        RtdeSession s = session;
        if (s != null) {
            s.close();
        }
        closeQuietly(connecting);
        thread.interrupt();
        thread.join(1500);
        thread = null;
    }

    private void run(DeviceContext ctx) {
        long lostAt = 0;
        String lostWhy = "";
        boolean connectedOnce = false;
        while (running) {
            try (RtdeSession s = RtdeSession.open(cfg, m -> text(ctx, m), this::connecting)) {
                session = s;
                connecting = null;
                if (!running) {
                    break;
                }
                version = s.version();
                agreedHz = s.frequencyHz();
                if (connectedOnce) {
                    reconnects.incrementAndGet();
                }
                connectedOnce = true;
                ctx.status(new DeviceStatus(DeviceStatus.State.ONLINE, identity(s)));
                if (lostAt != 0) {
                    streams.event(ctx, "{\"type\":\"gap\",\"ms\":" + (ctx.hostNanos() - lostAt) / 1_000_000
                            + ",\"reason\":" + UrStreams.quote(lostWhy) + "}");
                    lostAt = 0;
                }
                streams.resetModes();
                stream(ctx, s);
            } catch (RtdeException e) {
                if (e.permanent()) {
                    if (running) {
                        ctx.status(DeviceStatus.failed(e.getMessage()));
                    }
                    break;
                }
                lostWhy = e.getMessage();
            } catch (IOException e) {
                lostWhy = describe(e);
            } finally {
                session = null;
                connecting = null;
            }
            if (!running) {
                break;
            }
            if (connectedOnce && lostAt == 0) {
                lostAt = lastSampleHost != 0 ? lastSampleHost : ctx.hostNanos();
            }
            ctx.status(DeviceStatus.offline(lostWhy + "; retrying every " + cfg.reconnectMs() + " ms"));
            try {
                Thread.sleep(cfg.reconnectMs());
            } catch (InterruptedException e) {
                break;
            }
        }
    }

    /** Remembers the socket being connected so that stop can abort the attempt; closes it when already stopped. */
    private void connecting(java.io.Closeable socket) {
        connecting = socket;
        if (!running) {
            closeQuietly(socket);
        }
    }

    private static void closeQuietly(java.io.Closeable c) {
        if (c != null) {
            try {
                c.close();
            } catch (IOException e) {
                // aborting a connection attempt: nothing else to release
            }
        }
    }

    /** Reads packets until the connection fails or the driver stops. */
    private void stream(DeviceContext ctx, RtdeSession s) throws IOException {
        OutputRecipe recipe = s.recipe();
        double[] row = new double[recipe.width()];
        double period = 1.0 / s.frequencyHz();
        double lastTimestamp = Double.NaN;
        while (running) {
            RtdeConnection.Packet p = s.next();
            if (p.type() == Rtde.DATA_PACKAGE) {
                try {
                    recipe.decode(p.payload(), row);
                } catch (RtdeException e) {
                    malformed.incrementAndGet();
                    continue;
                }
                long host = ctx.hostNanos();
                double ts = row[recipe.offset("timestamp")];
                if (ts > lastTimestamp + 1.5 * period) {
                    missed.addAndGet(Math.round((ts - lastTimestamp) / period) - 1);
                }
                lastTimestamp = ts;
                if (!running) {
                    return;
                }
                streams.publish(ctx, recipe, row, host);
                lastSampleHost = host;
                packages.incrementAndGet();
            } else if (p.type() == Rtde.TEXT_MESSAGE) {
                try {
                    text(ctx, Rtde.textMessage(p.payload()));
                } catch (RtdeException e) {
                    malformed.incrementAndGet();
                }
            }
        }
    }

    private void text(DeviceContext ctx, Rtde.TextMessage m) {
        texts.incrementAndGet();
        streams.event(ctx, "{\"type\":\"text\",\"level\":\"" + m.levelName() + "\",\"source\":"
                + UrStreams.quote(m.source()) + ",\"message\":" + UrStreams.quote(m.message()) + "}");
    }

    private String identity(RtdeSession s) {
        ControllerVersion v = s.version();
        String base = "UR " + v.generation() + " controller " + v + " at " + s.address() + ", RTDE protocol 2, "
                + fmt(s.frequencyHz()) + " Hz" + (s.hasInputs() ? ", servo inputs from register "
                + cfg.servoRegister() : "");
        if (s.frequencyHz() < cfg.rateHz()) {
            base += "; degraded: " + v.generation() + " streams at most " + fmt(v.maxFrequencyHz()) + " Hz, configured "
                    + fmt(cfg.rateHz()) + " Hz (an e-Series controller, 5.x, gives 500 Hz)";
        }
        return base;
    }

    private String describe(IOException e) {
        String where = cfg.address();
        if (e instanceof UnknownHostException) {
            return "unknown host '" + cfg.host() + "'";
        }
        if (e instanceof ConnectException) {
            return "connection to " + where + " refused (no RTDE server there; is it a UR controller, port 30004?)";
        }
        if (e instanceof NoRouteToHostException) {
            return "no route to " + where;
        }
        if (e instanceof SocketTimeoutException) {
            return e.getMessage() != null && e.getMessage().startsWith("no ") ? e.getMessage()
                    : "no data from " + where + " for " + cfg.offlineAfterMs() + " ms (connection timed out)";
        }
        if (e instanceof EOFException) {
            return "controller at " + where + " closed the connection";
        }
        return "connection to " + where + " failed: " + e.getMessage();
    }

    private static String fmt(double hz) {
        return hz == Math.rint(hz) ? Long.toString((long) hz) : Double.toString(hz);
    }

    @Override
    public Optional<ControllerVersion> controllerVersion() {
        return Optional.ofNullable(version);
    }

    @Override
    public double streamingRateHz() {
        return agreedHz;
    }

    @Override
    public RtdeStats stats() {
        return new RtdeStats(packages.get(), missed.get(), malformed.get(), reconnects.get(), texts.get(),
                inputsSent.get());
    }

    @Override
    public boolean servoJ(double[] q) {
        if (q == null || q.length != 6 || java.util.Arrays.stream(q).anyMatch(v -> !Double.isFinite(v))) {
            throw new IllegalArgumentException("servoJ needs six finite joint positions (rad), got "
                    + java.util.Arrays.toString(q));
        }
        double[] values = java.util.Arrays.copyOf(q, 7);
        values[6] = 1;
        return sendInputs(values);
    }

    @Override
    public boolean stopServo() {
        RtdeSession s = session;
        return s != null && sendInputs(new double[7]);
    }

    private boolean sendInputs(double[] values) {
        RtdeSession s = session;
        if (s == null || !s.hasInputs()) {
            return false;
        }
        try {
            s.sendInputs(values);
            inputsSent.incrementAndGet();
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
