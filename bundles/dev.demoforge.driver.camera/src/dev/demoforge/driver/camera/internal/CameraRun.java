package dev.demoforge.driver.camera.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import dev.demoforge.device.api.DeviceContext;
import dev.demoforge.device.api.DeviceStatus;
import dev.demoforge.device.api.ImageSample;
import dev.demoforge.driver.camera.CameraSettings;
import dev.demoforge.driver.camera.CameraSettings.SourceKind;
import dev.demoforge.driver.camera.NegotiatedFormat;
import dev.demoforge.driver.camera.internal.FrameSource.Grabbed;
import dev.demoforge.driver.camera.internal.FrameSource.SourceException;

/**
 * One start-to-stop run of a camera: a grab thread that connects, reconnects after a loss and decodes frames, and a
 * publishing thread that hands them to the framework. Between them a {@link FrameHandoff} (drop oldest).
 * <p>
 * Device time: for V4L2 the kernel's buffer time (CLOCK_MONOTONIC, the clock {@link System#nanoTime()} reads on
 * Linux); for streams, files and filter graphs the presentation time since the connection's first frame. A sender's
 * clock restarts with each connection, so a new connection (and a presentation time that goes backwards) continues
 * the device clock from its last value plus the host-measured gap: one monotonic clock per device whose steps the
 * time sync detects. A stream that ends or stalls for the I/O timeout is a loss: OFFLINE with the reason, a wait of
 * {@code reconnect_ms}, then a new connection; frames are never invented for the gap.
 * <p>
 * A live source (V4L2, network) delivers the frames it buffered while FFmpeg analysed the stream in one burst right
 * after connecting, up to a second old. They are dropped (counted in {@link CameraStats#staleAtConnect()}) until
 * the first frame that had to be waited for (at least half a frame period): host receive times then mean receipt
 * of a fresh frame, and the published rate is the camera's.
 */
final class CameraRun {

    private static final long JOIN_LIMIT_MS = 1500;

    private final String deviceId;
    private final CameraSettings settings;
    private final DeviceContext context;
    private final String clockId;
    private final FrameHandoff<Pending> handoff;
    private final HandoffLatency latency = new HandoffLatency(8192);
    private final Object gate = new Object();
    private final Thread grabThread;
    private final Thread publishThread;
    private volatile boolean running = true;
    private volatile NegotiatedFormat negotiated;
    private final AtomicLong grabbed = new AtomicLong();
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong reconnects = new AtomicLong();
    private final AtomicLong clockSteps = new AtomicLong();
    private final AtomicLong staleAtConnect = new AtomicLong();

    /** A frame on its way to the publishing thread: BGR24 pixels, host receive time and device time, ns. */
    private record Pending(byte[] bgr, long hostNanos, long deviceNanos) {
    }

    private long lastDevice = Long.MIN_VALUE;
    private long lastHost;

    CameraRun(String deviceId, CameraSettings settings, DeviceContext context) {
        this.deviceId = deviceId;
        this.settings = settings;
        this.context = context;
        this.clockId = deviceId + (settings.kind() == SourceKind.V4L2 ? ".v4l2" : ".pts");
        this.handoff = new FrameHandoff<>(settings.queueCapacity());
        this.grabThread = new Thread(this::grabLoop, "camera-grab-" + deviceId);
        this.publishThread = new Thread(this::publishLoop, "camera-publish-" + deviceId);
        grabThread.setDaemon(true);
        publishThread.setDaemon(true);
    }

    String clockId() {
        return clockId;
    }

    void start() {
        status(new DeviceStatus(DeviceStatus.State.CONNECTING, "opening " + settings.url()));
        grabThread.start();
        publishThread.start();
    }

    /**
     * Ends the run: nothing is published or reported after this returns. Waits up to 1.5 s for the grab thread; one
     * still inside a blocking native read (bounded by the I/O timeout for network streams) closes its source itself.
     */
    void stop() throws InterruptedException {
        synchronized (gate) {
            running = false;
            gate.notifyAll();
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(JOIN_LIMIT_MS);
        for (Thread t : new Thread[] {publishThread, grabThread}) {
            long left = deadline - System.nanoTime();
            if (left > 0) {
                t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            }
        }
        handoff.clear();
    }

    CameraStats stats() {
        return new CameraStats(negotiated, grabbed.get(), published.get(), handoff.dropped(), reconnects.get(),
                clockSteps.get(), staleAtConnect.get(), latency.snapshot());
    }

    private void grabLoop() {
        while (running) {
            String lost;
            FrameSource source = null;
            try {
                source = open();
                negotiated = source.format();
                status(new DeviceStatus(DeviceStatus.State.ONLINE, negotiated.describe()));
                lost = pump(source);
            } catch (SourceException e) {
                lost = e.getMessage();
            } catch (RuntimeException e) {
                lost = "camera thread failed: " + e;
            } finally {
                if (source != null) {
                    source.close();
                }
            }
            if (!running) {
                return;
            }
            if (lost == null) {
                status(DeviceStatus.offline("end of " + settings.url() + " after " + grabbed.get() + " frames"));
                return;
            }
            reconnects.incrementAndGet();
            status(DeviceStatus.offline(lost + "; retrying in " + settings.reconnectDelay().toMillis() + " ms"));
            pauseUntil(System.nanoTime() + settings.reconnectDelay().toNanos());
        }
    }

    private FrameSource open() throws SourceException {
        if (settings.kind() == SourceKind.V4L2 && settings.url().startsWith("/") && !Files.exists(Path.of(settings.url()))) {
            throw new SourceException("no such video device " + settings.url(), null);
        }
        return FrameSource.open(settings);
    }

    /** Grabs until stopped or the stream ends; returns why it ended (null: a file ended and is not looped). */
    private String pump(FrameSource source) throws SourceException {
        boolean live = settings.kind() == SourceKind.V4L2 || settings.kind() == SourceKind.NETWORK;
        long firstPts = Long.MIN_VALUE;
        long epochBase = 0;
        long paceStart = 0;
        double fps = source.format().grantedFps() > 0 ? source.format().grantedFps() : settings.fps();
        long halfPeriod = (long) (5e8 / fps);
        boolean catchingUp = live;
        long previous = System.nanoTime();
        while (running) {
            Grabbed g = source.next();
            if (g == null) {
                if (settings.kind() == SourceKind.V4L2) {
                    return "no frame from " + settings.url() + " (the device stopped delivering or was unplugged)";
                }
                if (live) {
                    return "no frame from " + settings.url() + " within " + settings.ioTimeout().toMillis()
                            + " ms (stream ended or connection lost)";
                }
                return settings.loop() ? "end of " + settings.url() + " (looping)" : null;
            }
            long host = g.hostNanos();
            if (catchingUp) {
                long waited = host - previous;
                previous = host;
                if (waited < halfPeriod) {
                    staleAtConnect.incrementAndGet();
                    continue;
                }
                catchingUp = false;
            }
            if (settings.pace()) {
                if (firstPts == Long.MIN_VALUE) {
                    paceStart = host;
                } else if (!sleepUntil(paceStart + (g.ptsMicros() - firstPts) * 1000)) {
                    return "stopped";
                }
                host = System.nanoTime();
            }
            long device;
            if (settings.kind() == SourceKind.V4L2) {
                device = g.ptsMicros() * 1000;
            } else {
                if (firstPts == Long.MIN_VALUE || epochBase + (g.ptsMicros() - firstPts) * 1000 <= lastDevice) {
                    if (firstPts != Long.MIN_VALUE) {
                        clockSteps.incrementAndGet();
                    }
                    epochBase = lastDevice == Long.MIN_VALUE ? 0 : lastDevice + Math.max(1, host - lastHost);
                    firstPts = g.ptsMicros();
                    if (settings.pace()) {
                        paceStart = host;
                    }
                }
                device = epochBase + (g.ptsMicros() - firstPts) * 1000;
            }
            if (lastDevice != Long.MIN_VALUE && device <= lastDevice) {
                clockSteps.incrementAndGet();
                continue;
            }
            lastDevice = device;
            lastHost = host;
            grabbed.incrementAndGet();
            handoff.offer(new Pending(g.bgr(), host, device));
        }
        return "stopped";
    }

    private void publishLoop() {
        try {
            while (running) {
                Pending g = handoff.poll(100);
                if (g == null) {
                    continue;
                }
                ImageSample sample = new ImageSample(g.hostNanos(), g.deviceNanos(), clockId, settings.width(),
                        settings.height(), g.bgr());
                synchronized (gate) {
                    if (!running) {
                        return;
                    }
                    context.publish(CameraDriver.STREAM, sample);
                }
                published.incrementAndGet();
                latency.add(System.nanoTime() - g.hostNanos());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void status(DeviceStatus s) {
        synchronized (gate) {
            if (running) {
                context.status(s);
            }
        }
    }

    /** Waits until the host time (ns) or until stopped. */
    private void pauseUntil(long hostNanos) {
        synchronized (gate) {
            long left;
            while (running && (left = hostNanos - System.nanoTime()) > 0) {
                try {
                    TimeUnit.NANOSECONDS.timedWait(gate, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Sleeps until the host time; false when stopped meanwhile. */
    private boolean sleepUntil(long hostNanos) {
        pauseUntil(hostNanos);
        return running;
    }
}
