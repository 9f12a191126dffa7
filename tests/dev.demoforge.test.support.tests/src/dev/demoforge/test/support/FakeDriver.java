package dev.demoforge.test.support;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

import dev.demoforge.device.api.DeviceConfig;
import dev.demoforge.device.api.DeviceContext;
import dev.demoforge.device.api.DeviceDriver;
import dev.demoforge.device.api.DeviceDriverFactory;
import dev.demoforge.device.api.DeviceStatus;
import dev.demoforge.device.api.StreamKind;
import dev.demoforge.device.api.StreamSpec;
import dev.demoforge.device.api.VectorSample;

/**
 * A driver with a port ("present", "missing") that publishes one 100 Hz stream, and optionally one flaw the
 * conformance kit must catch.
 */
final class FakeDriver implements DeviceDriver {

    enum Flaw { NONE, THROWS_ON_MISSING_PORT, SILENT_ON_MISSING_PORT, SLOW_START, LEAKS_THREAD, UNDECLARED_STREAM,
        CLOCK_GOES_BACK, HALF_RATE, IGNORES_BUSY_PORT }

    /** The fake port is held by someone else while true. */
    static final AtomicBoolean BUSY = new AtomicBoolean();

    static DeviceDriverFactory factory(Flaw flaw) {
        return new DeviceDriverFactory() {
            @Override
            public String driverId() {
                return "fake";
            }

            @Override
            public String label() {
                return "fake";
            }

            @Override
            public DeviceDriver create(DeviceConfig config) {
                return new FakeDriver(config, flaw);
            }
        };
    }

    private final DeviceConfig config;
    private final Flaw flaw;
    private Thread thread;
    private volatile boolean stop;

    private FakeDriver(DeviceConfig config, Flaw flaw) {
        this.config = config;
        this.flaw = flaw;
    }

    @Override
    public List<StreamSpec> streams() {
        return List.of(StreamSpec.vector("values", StreamKind.JOINT_STATE, "rad", 100, List.of("a.pos")));
    }

    @Override
    public synchronized void start(DeviceContext ctx) throws Exception {
        if (thread != null) {
            return;
        }
        if (flaw == Flaw.SLOW_START) {
            Thread.sleep(2100);
        }
        if (config.property("port", "").equals("missing")) {
            if (flaw == Flaw.THROWS_ON_MISSING_PORT) {
                throw new IOException("no port");
            }
            if (flaw != Flaw.SILENT_ON_MISSING_PORT) {
                ctx.status(DeviceStatus.offline("port missing"));
            }
            return;
        }
        stop = false;
        thread = new Thread(() -> run(ctx), "fake-" + flaw);
        thread.setDaemon(true);
        thread.start();
    }

    private void run(DeviceContext ctx) {
        long period = flaw == Flaw.HALF_RATE ? 20_000_000L : 10_000_000L;
        long end = System.nanoTime() + 4_000_000_000L;
        boolean online = false;
        long k = 0;
        long start = System.nanoTime();
        while ((!stop || flaw == Flaw.LEAKS_THREAD) && System.nanoTime() < end) {
            if (BUSY.get() && flaw != Flaw.IGNORES_BUSY_PORT) {
                if (online || k == 0) {
                    ctx.status(DeviceStatus.offline("port busy"));
                }
                online = false;
                k++;
                LockSupport.parkNanos(10_000_000L);
                continue;
            }
            if (!online) {
                ctx.status(DeviceStatus.online());
                online = true;
            }
            long now = System.nanoTime();
            long device = flaw == Flaw.CLOCK_GOES_BACK && k % 10 == 9 ? now - 50_000_000L : now;
            if (!stop) {
                ctx.publish("values", new VectorSample(now, device, "fake.clock", new double[] {k}));
                if (flaw == Flaw.UNDECLARED_STREAM) {
                    ctx.publish("extra", new VectorSample(now, device, "fake.clock", new double[] {k}));
                }
            }
            k++;
            // absolute deadlines, so a late wake-up on a loaded machine does not lower the rate
            long next = start + k * period;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
        }
    }

    @Override
    public synchronized void stop() throws InterruptedException {
        Thread t = thread;
        thread = null;
        if (t == null) {
            return;
        }
        stop = true;
        if (flaw != Flaw.LEAKS_THREAD) {
            t.join(1000);
        }
    }
}
