package dev.demoforge.driver.netft.internal;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.PortUnreachableException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import dev.demoforge.device.api.DeviceContext;
import dev.demoforge.device.api.DeviceDriver;
import dev.demoforge.device.api.DeviceStatus;
import dev.demoforge.device.api.EventSample;
import dev.demoforge.device.api.Sample;
import dev.demoforge.device.api.StreamKind;
import dev.demoforge.device.api.StreamSpec;
import dev.demoforge.device.api.VectorSample;
import dev.demoforge.driver.netft.NetFtSensor;
import dev.demoforge.driver.netft.NetFtStats;

/**
 * The {@code netft} driver: one thread ({@code demoforge-netft-<device>}) on one UDP socket connected to the sensor
 * asks for the realtime RDT stream (command 2, endless), publishes every record as a wrench in N and N·m, counts
 * sequence gaps and status errors, and asks again every {@code reconnect_ms} while the sensor is silent or
 * unreachable. {@link #stop} sends the stop command and closes the socket. RDT records carry no clock: samples have
 * host time only, taken when the datagram is received.
 */
final class NetFtDriver implements DeviceDriver, NetFtSensor {

    static final String WRENCH = "wrench";
    static final String EVENTS = "events";
    private static final long BEHIND_MEANS_RESTART = 1000;

    private final NetFtConfig cfg;
    private final List<StreamSpec> streams;
    private final AtomicLong records = new AtomicLong();
    private final AtomicLong gaps = new AtomicLong();
    private final AtomicLong lost = new AtomicLong();
    private final AtomicLong outOfOrder = new AtomicLong();
    private final AtomicLong statusErrors = new AtomicLong();
    private final AtomicLong malformed = new AtomicLong();
    private final AtomicLong restarts = new AtomicLong();
    private volatile long lastStatus;
    private volatile double countsPerForce;
    private volatile double countsPerTorque;
    private volatile SensorCalibration calibration;
    private volatile boolean running;
    private volatile DatagramSocket socket;
    private Thread thread;

    NetFtDriver(NetFtConfig cfg) {
        this.cfg = cfg;
        this.countsPerForce = cfg.countsPerForce();
        this.countsPerTorque = cfg.countsPerTorque();
        this.streams = List.of(StreamSpec.vector(WRENCH, StreamKind.WRENCH, "N, N·m (sensor frame)", cfg.rateHz(),
                List.of("fx", "fy", "fz", "tx", "ty", "tz")), StreamSpec.events(EVENTS, 1));
    }

    @Override
    public List<StreamSpec> streams() {
        return streams;
    }

    @Override
    public synchronized void start(DeviceContext context) {
        if (thread != null) {
            return;
        }
        running = true;
        context.status(new DeviceStatus(DeviceStatus.State.CONNECTING, "asking " + cfg.address()
                + " for the RDT stream"));
        thread = new Thread(() -> run(context), "demoforge-netft-" + cfg.deviceId());
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public synchronized void stop() throws InterruptedException {
        if (thread == null) {
            return;
        }
        running = false;
        DatagramSocket s = socket;
        if (s != null) {
            send(s, Rdt.STOP);
            s.close();
        }
        thread.interrupt();
        thread.join(1500);
        thread = null;
    }

    private void run(DeviceContext ctx) {
        try (DatagramSocket s = new DatagramSocket()) {
            socket = s;
            if (!running) {
                return;
            }
            InetAddress address = resolve(ctx);
            if (address == null || cfg.fromSensor() && !readCalibration(ctx)) {
                return;
            }
            s.connect(address, cfg.port());
            receive(ctx, s);
        } catch (IOException e) {
            if (running) {
                ctx.status(DeviceStatus.offline("UDP socket for " + cfg.address() + " failed: " + e.getMessage()));
            }
        } finally {
            socket = null;
        }
    }

    /** Resolves the host, retrying every reconnect_ms; null when stopped meanwhile. */
    private InetAddress resolve(DeviceContext ctx) {
        while (running) {
            try {
                return InetAddress.getByName(cfg.host());
            } catch (UnknownHostException e) {
                ctx.status(DeviceStatus.offline("unknown host '" + cfg.host() + "'; retrying every " + cfg.reconnectMs()
                        + " ms"));
                if (!pause()) {
                    return null;
                }
            }
        }
        return null;
    }

    /** Reads counts per unit from the sensor's web server, retrying every reconnect_ms; false when stopped. */
    private boolean readCalibration(DeviceContext ctx) {
        while (running) {
            try {
                SensorCalibration c = SensorCalibration.fetch(cfg.host(), cfg.httpPort(), 1000);
                countsPerForce = c.countsPerForce();
                countsPerTorque = c.countsPerTorque();
                calibration = c;
                return running;
            } catch (IOException e) {
                ctx.status(DeviceStatus.offline("cannot read the calibration: " + e.getMessage() + "; retrying every "
                        + cfg.reconnectMs() + " ms"));
                if (!pause()) {
                    return false;
                }
            }
        }
        return false;
    }

    private void receive(DeviceContext ctx, DatagramSocket s) throws IOException {
        byte[] buf = new byte[512];
        DatagramPacket packet = new DatagramPacket(buf, buf.length);
        boolean online = false;
        long last = -1;
        long silentSince = 0;
        send(s, Rdt.START_REALTIME);
        s.setSoTimeout(cfg.offlineAfterMs());
        boolean biasPending = cfg.biasOnStart();
        while (running) {
            try {
                s.receive(packet);
            } catch (SocketTimeoutException | PortUnreachableException e) {
                if (!running) {
                    return;
                }
                if (online || silentSince == 0) {
                    silentSince = silentSince == 0 ? ctx.hostNanos() - cfg.offlineAfterMs() * 1_000_000L : silentSince;
                    ctx.status(DeviceStatus.offline((e instanceof PortUnreachableException ? cfg.address()
                            + " answered ICMP port unreachable (no Net F/T there, or its RDT server is off)"
                            : "no RDT record from " + cfg.address() + " for " + cfg.offlineAfterMs() + " ms")
                            + "; asking again every " + cfg.reconnectMs() + " ms"));
                    online = false;
                }
                if (e instanceof PortUnreachableException && !pause()) {
                    return;
                }
                s.setSoTimeout(cfg.reconnectMs());
                restarts.incrementAndGet();
                last = -1;
                send(s, Rdt.START_REALTIME);
                continue;
            }
            long host = ctx.hostNanos();
            Rdt.RdtRecord r;
            try {
                r = Rdt.record(packet.getData(), packet.getOffset(), packet.getLength());
            } catch (IllegalArgumentException bad) {
                malformed.incrementAndGet();
                continue;
            }
            if (!running) {
                return;
            }
            if (last >= 0) {
                long ahead = Rdt.advance(last, r.rdtSequence());
                if (ahead == 0 || ahead >= 1L << 31 && ((1L << 32) - ahead) < BEHIND_MEANS_RESTART) {
                    outOfOrder.incrementAndGet();
                    continue;
                }
                if (ahead >= 1L << 31) {
                    outOfOrder.incrementAndGet();
                } else if (ahead > 1) {
                    gaps.incrementAndGet();
                    lost.addAndGet(ahead - 1);
                    event(ctx, host, "{\"type\":\"gap\",\"lost\":" + (ahead - 1) + ",\"rdt_sequence\":"
                            + r.rdtSequence() + "}");
                }
            }
            last = r.rdtSequence();
            if (!online) {
                online = true;
                s.setSoTimeout(cfg.offlineAfterMs());
                ctx.status(new DeviceStatus(DeviceStatus.State.ONLINE, identity(r.status())));
                if (silentSince != 0 && records.get() > 0) {
                    event(ctx, host, "{\"type\":\"gap\",\"ms\":" + (host - silentSince) / 1_000_000
                            + ",\"reason\":\"sensor silent\"}");
                }
                silentSince = 0;
            }
            status(ctx, host, r.status());
            ctx.publish(WRENCH, new VectorSample(host, Sample.NO_DEVICE_TIME, null, wrench(r.counts())));
            records.incrementAndGet();
            if (biasPending) {
                biasPending = !send(s, Rdt.SET_SOFTWARE_BIAS);
            }
        }
    }

    private void status(DeviceContext ctx, long host, long status) {
        if (status != 0) {
            statusErrors.incrementAndGet();
        }
        if (status != lastStatus) {
            lastStatus = status;
            event(ctx, host, "{\"type\":\"status\",\"status\":\"0x" + Long.toHexString(status) + "\",\"error\":"
                    + ((status & Rdt.STATUS_ERROR) != 0) + "}");
            ctx.status(new DeviceStatus(DeviceStatus.State.ONLINE, identity(status)));
        }
    }

    private String identity(long status) {
        SensorCalibration c = calibration;
        String s = "Net F/T" + (c != null && !c.serial().isEmpty() ? " " + c.serial() : "") + " at " + cfg.address()
                + ", RDT realtime stream, " + fmt(countsPerForce) + " counts/N, " + fmt(countsPerTorque) + " counts/N·m"
                + (c == null ? "" : " (from its netftapi2.xml" + (c.rdtRateHz() > 0 ? ", RDT rate " + fmt(c.rdtRateHz())
                + " Hz" : "") + ")");
        if (status != 0) {
            s += "; sensor status 0x" + Long.toHexString(status) + ((status & Rdt.STATUS_ERROR) != 0
                    ? " (error bit 31 set; see the Net F/T manual's status code table)" : "");
        }
        return s;
    }

    private double[] wrench(int[] counts) {
        double[] w = new double[6];
        for (int i = 0; i < 6; i++) {
            w[i] = counts[i] / (i < 3 ? countsPerForce : countsPerTorque);
        }
        return w;
    }

    private void event(DeviceContext ctx, long host, String json) {
        ctx.publish(EVENTS, new EventSample(host, Sample.NO_DEVICE_TIME, null, json));
    }

    private boolean pause() {
        try {
            Thread.sleep(cfg.reconnectMs());
            return running;
        } catch (InterruptedException e) {
            return false;
        }
    }

    private static boolean send(DatagramSocket s, int command) {
        byte[] req = Rdt.request(command, 0);
        try {
            s.send(new DatagramPacket(req, req.length));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    @Override
    public NetFtStats stats() {
        return new NetFtStats(records.get(), gaps.get(), lost.get(), outOfOrder.get(), statusErrors.get(),
                malformed.get(), restarts.get(), lastStatus);
    }

    @Override
    public boolean bias() {
        DatagramSocket s = socket;
        return s != null && s.isConnected() && send(s, Rdt.SET_SOFTWARE_BIAS);
    }
}
