package dev.demoforge.driver.sim.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.locks.LockSupport;

import dev.demoforge.device.api.DeviceConfig;
import dev.demoforge.device.api.DeviceContext;
import dev.demoforge.device.api.DeviceDriver;
import dev.demoforge.device.api.DeviceStatus;
import dev.demoforge.device.api.EventSample;
import dev.demoforge.device.api.Sample;
import dev.demoforge.device.api.StreamSpec;
import dev.demoforge.device.api.VectorSample;

/**
 * Base of the simulated devices: one named daemon thread per device that samples the shared {@link SimWorld} at the
 * device's own rate, paced with {@link LockSupport#parkNanos} to absolute deadlines (the host receive times of the
 * {@link DeviceClock} model), and publishes each sample with the modelled host and device times. A thread that falls
 * behind publishes its backlog at once (stamps stay those of the model); more than one second behind, it skips ahead
 * and counts the skipped samples.
 * <p>
 * {@link #start} and {@link #stop} are thread-safe and idempotent; start returns after starting the thread, stop
 * after joining it (at most two seconds).
 * <p>
 * Fault injection (for tests of a device lost mid-episode): properties {@code fault.stall_after_ms} and
 * {@code fault.stall_ms} make the device go silent that long after each start, reporting OFFLINE ("stalled"), and
 * come back ONLINE afterwards; the samples of the stall are never taken, as with an unplugged cable.
 */
abstract class SimDevice implements DeviceDriver {

    /** Sees every published sample with its true instant; for tests. */
    interface Tap {
        void sample(String stream, long trueNanos, Sample sample);
    }

    static final String CLOCK_TRUTH = "clock_truth";
    static final long CLOCK_TRUTH_PERIOD_NS = 5_000_000_000L;
    private static final long MAX_BACKLOG_NS = 1_000_000_000L;

    protected final DeviceConfig config;
    protected final SimWorld world;
    protected final DeviceClock clock;
    private final double rateHz;
    private final Object lifecycle = new Object();
    private Worker worker;
    private volatile Tap tap;
    private volatile long skipped;

    /** One run of the sampling thread; a restart gets a new one, so a late old thread never sees the new flag. */
    private final class Worker implements Runnable {
        final Thread thread;
        final DeviceContext context;
        volatile boolean stop;

        Worker(DeviceContext context) {
            this.context = context;
            this.thread = new Thread(this, "demoforge-sim-" + config.deviceId());
            this.thread.setDaemon(true);
        }

        @Override
        public void run() {
            try {
                loop(this);
            } catch (RuntimeException | Error e) {
                context.status(DeviceStatus.failed("Simulated device " + config.deviceId() + " stopped: " + e));
            }
        }
    }

    SimDevice(DeviceConfig config, SimWorld world, DeviceClock clock, double rateHz) {
        this.config = config;
        this.world = world;
        this.clock = clock;
        this.rateHz = rateHz;
    }

    /** The device's data streams, without {@value #CLOCK_TRUTH}. */
    protected abstract List<StreamSpec> dataStreams();

    /** Samples the world at true instant {@code trueNanos} and publishes with host receive time {@code hostNanos}. */
    protected abstract void emit(DeviceContext context, long trueNanos, long hostNanos);

    @Override
    public final List<StreamSpec> streams() {
        List<StreamSpec> all = new ArrayList<>(dataStreams());
        all.add(StreamSpec.events(CLOCK_TRUTH, 1e9 / CLOCK_TRUTH_PERIOD_NS));
        return List.copyOf(all);
    }

    @Override
    public final void start(DeviceContext context) {
        synchronized (lifecycle) {
            if (worker != null) {
                return;
            }
            worker = new Worker(context);
            started(context);
            worker.thread.start();
        }
        context.status(DeviceStatus.online());
    }

    @Override
    public final void stop() throws InterruptedException {
        Worker w;
        synchronized (lifecycle) {
            w = worker;
            worker = null;
        }
        if (w == null) {
            return;
        }
        stopped();
        w.stop = true;
        LockSupport.unpark(w.thread);
        w.thread.join(2_000);
        w.context.status(w.thread.isAlive()
                ? DeviceStatus.failed("Simulated device " + config.deviceId() + " did not stop within 2 s")
                : DeviceStatus.offline("stopped"));
    }

    /** Called when the device starts, before its thread runs; the context it publishes through. */
    protected void started(DeviceContext context) {
    }

    /** Called when the device stops, before its thread is joined. */
    protected void stopped() {
    }

    void tap(Tap t) {
        this.tap = t;
    }

    DeviceClock clock() {
        return clock;
    }

    /** Samples skipped because the thread fell more than a second behind. */
    long skipped() {
        return skipped;
    }

    protected final void publish(DeviceContext context, String stream, long trueNanos, Sample sample) {
        context.publish(stream, sample);
        Tap t = tap;
        if (t != null) {
            t.sample(stream, trueNanos, sample);
        }
    }

    protected final VectorSample vector(long trueNanos, long hostNanos, double[] values) {
        return new VectorSample(hostNanos, clock.deviceNanos(trueNanos), clock.clockId(), values);
    }

    protected final EventSample event(long trueNanos, long hostNanos, String json) {
        return new EventSample(hostNanos, clock.deviceNanos(trueNanos), clock.clockId(), json);
    }

    private long faultMillis(String key) {
        String v = config.property(key, null);
        if (v == null) {
            return -1;
        }
        try {
            long ms = Long.parseLong(v.trim());
            if (ms >= 0) {
                return ms;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("Device " + config.deviceId() + ": property " + key + " must be a whole"
                + " number of ms ≥ 0, was '" + v + "'");
    }

    private void loop(Worker w) {
        SplittableRandom rng = new SplittableRandom(clock.seed() ^ System.nanoTime());
        double period = clock.truePeriodNs(1e9 / rateHz);
        long t0 = System.nanoTime() + (long) period;
        long stallAfter = faultMillis("fault.stall_after_ms");
        long stallFrom = stallAfter < 0 ? Long.MAX_VALUE : t0 + stallAfter * 1_000_000L;
        long stallTo = stallAfter < 0 ? Long.MAX_VALUE : stallFrom + Math.max(0, faultMillis("fault.stall_ms"))
                * 1_000_000L;
        boolean stalled = false;
        long prevHost = Long.MIN_VALUE / 2;
        long nextTruth = Long.MIN_VALUE;
        long k = 0;
        while (!w.stop) {
            long jitter = clock.jitterNs() == 0 ? 0 : rng.nextLong(-clock.jitterNs(), clock.jitterNs() + 1);
            long trueT = t0 + Math.round(k * period) + jitter;
            long host = Math.max(trueT + clock.latency().draw(rng), prevHost + DeviceClock.IN_ORDER_GAP_NS);
            if (!parkUntil(host, w)) {
                return;
            }
            long behind = System.nanoTime() - host;
            if (behind > MAX_BACKLOG_NS) {
                long skip = (long) (behind / period);
                k += skip;
                skipped += skip;
                continue;
            }
            if (trueT >= stallFrom && trueT < stallTo) {
                if (!stalled) {
                    w.context.status(DeviceStatus.offline("stalled (simulated fault)"));
                    stalled = true;
                }
                k++;
                continue;
            }
            if (stalled) {
                w.context.status(DeviceStatus.online());
                stalled = false;
            }
            if (trueT >= nextTruth) {
                publish(w.context, CLOCK_TRUTH, trueT, event(trueT, host, clock.toJson()));
                nextTruth = trueT + CLOCK_TRUTH_PERIOD_NS;
            }
            emit(w.context, trueT, host);
            prevHost = host;
            k++;
        }
    }

    private static boolean parkUntil(long deadline, Worker w) {
        while (!w.stop) {
            long wait = deadline - System.nanoTime();
            if (wait <= 0) {
                return true;
            }
            LockSupport.parkNanos(w, wait);
        }
        return false;
    }
}
