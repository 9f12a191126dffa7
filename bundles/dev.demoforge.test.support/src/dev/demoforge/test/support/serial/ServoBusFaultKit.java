package dev.demoforge.test.support.serial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import dev.demoforge.device.api.DeviceDriver;
import dev.demoforge.device.api.DeviceDriverFactory;
import dev.demoforge.device.api.DeviceConfig;
import dev.demoforge.device.api.DeviceStatus;
import dev.demoforge.device.api.DeviceStatus.State;
import dev.demoforge.test.support.CollectingDeviceContext;

/**
 * Bad-input tests for serial-bus drivers, run against an emulator over a real pty pair: garbage before replies,
 * truncated replies, wrong checksums, a device that stops answering, replies replaced by noise, and the port
 * vanishing (socat killed) and coming back. Each must give counted errors and, where readings stop, an OFFLINE
 * status with a reason; readings must resume once the fault ends. Subclasses provide the driver, an emulator that is
 * running on {@link #pair()}'s device end, and the driver's counters.
 * <p>
 * The configuration should use short timings ({@code offline_after_ms} ≈ 250, {@code reconnect_ms} ≈ 200) so the
 * tests stay quick.
 *
 * @since 0.1
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ServoBusFaultKit {

    /**
     * A driver's error counters.
     *
     * @param errors       damaged or missing replies (timeouts, checksum errors, malformed packets)
     * @param garbageBytes bytes skipped between packets
     * @param portLosses   times the open port failed
     * @param summary      the driver's own description of its counters
     */
    public record Counters(long errors, long garbageBytes, long portLosses, String summary) {
    }

    private final List<DeviceDriver> started = new ArrayList<>();

    protected abstract DeviceDriverFactory factory();

    protected abstract DeviceConfig config();

    protected abstract ServoBankEmulator emulator();

    protected abstract VirtualSerialPair pair();

    protected abstract Counters counters(DeviceDriver driver);

    /** Limit for every wait. */
    protected Duration timeout() {
        return Duration.ofSeconds(5);
    }

    @AfterEach
    final void restore() throws Exception {
        emulator().fault(Fault.NONE);
        for (DeviceDriver d : started) {
            d.stop();
        }
        started.clear();
        if (!pair().alive()) {
            pair().restart();
        }
    }

    @Test
    void garbageBeforeRepliesIsSkippedWithoutLosingReadings() throws Exception {
        Run r = start();
        int before = r.samples();
        emulator().fault(Fault.GARBAGE);
        Thread.sleep(500);
        int during = r.samples() - before;
        emulator().fault(Fault.NONE);
        Counters c = counters(r.driver);
        assertTrue(c.garbageBytes() > 0, "no garbage counted: " + c);
        assertTrue(during >= rate() * 0.5 * 0.5, "only " + during + " readings in 0.5 s of garbage: " + c);
        assertEquals(State.ONLINE, r.ctx.lastStatus().state(), "status during garbage: " + r.ctx.statuses());
    }

    @Test
    void truncatedRepliesAreCountedAndReadingsResume() throws Exception {
        faultThenResume(Fault.TRUNCATE);
    }

    @Test
    void wrongChecksumsAreCountedAndReadingsResume() throws Exception {
        faultThenResume(Fault.BAD_CHECKSUM);
    }

    @Test
    void silentDeviceGoesOfflineWithReasonAndComesBack() throws Exception {
        downThenBack(Fault.SILENT);
    }

    @Test
    void noiseInsteadOfRepliesGoesOfflineWithReasonAndComesBack() throws Exception {
        downThenBack(Fault.NOISE);
    }

    @Test
    void vanishingPortGivesStatusAndReadingsResumeWhenItReturns() throws Exception {
        Run r = start();
        pair().kill();
        DeviceStatus down = awaitDown(r);
        Counters c = counters(r.driver);
        assertTrue(c.portLosses() >= 1, "port loss not counted: " + c);
        int afterLoss = r.samples();
        Thread.sleep(300);
        assertEquals(afterLoss, r.samples(), "readings without a port");
        pair().restart();
        r.ctx.awaitState(State.ONLINE, timeout());
        r.awaitMore(afterLoss, 10);
        System.out.println(config().deviceId() + ": port vanished -> " + down + "; back online; " + counters(r.driver));
    }

    private void faultThenResume(Fault fault) throws Exception {
        Run r = start();
        long errors = counters(r.driver).errors();
        emulator().fault(fault, 10);
        long deadline = System.nanoTime() + timeout().toNanos();
        while (counters(r.driver).errors() < errors + 5) {
            assertTrue(System.nanoTime() < deadline, fault + ": errors not counted: " + counters(r.driver));
            Thread.sleep(5);
        }
        r.awaitMore(r.samples(), 20);
        assertEquals(State.ONLINE, r.ctx.lastStatus().state(), fault + ": " + r.ctx.statuses());
        System.out.println(config().deviceId() + ": " + fault + " x10 -> " + counters(r.driver));
    }

    private void downThenBack(Fault fault) throws Exception {
        Run r = start();
        emulator().fault(fault);
        DeviceStatus down = awaitDown(r);
        int whileDown = r.samples();
        Thread.sleep(200);
        assertTrue(r.samples() - whileDown <= 1, fault + ": readings published while the device was down");
        emulator().fault(Fault.NONE);
        r.ctx.awaitState(State.ONLINE, timeout());
        r.awaitMore(r.samples(), 10);
        System.out.println(config().deviceId() + ": " + fault + " -> " + down + "; back online; " + counters(r.driver));
    }

    private DeviceStatus awaitDown(Run r) throws InterruptedException {
        DeviceStatus s = r.ctx.awaitStatus(st -> st.state() == State.OFFLINE || st.state() == State.FAILED,
                timeout(), "OFFLINE");
        assertTrue(!s.reason().isBlank(), "status without a reason: " + s);
        return s;
    }

    private double rate() {
        return factory().create(config()).streams().get(0).nominalRateHz();
    }

    private Run start() throws Exception {
        DeviceDriver d = factory().create(config());
        started.add(d);
        CollectingDeviceContext ctx = new CollectingDeviceContext(config());
        d.start(ctx);
        Run r = new Run(d, ctx, d.streams().get(0).name());
        ctx.awaitState(State.ONLINE, timeout());
        r.awaitMore(0, 5);
        return r;
    }

    private final class Run {
        final DeviceDriver driver;
        final CollectingDeviceContext ctx;
        final String stream;

        Run(DeviceDriver driver, CollectingDeviceContext ctx, String stream) {
            this.driver = driver;
            this.ctx = ctx;
            this.stream = stream;
        }

        int samples() {
            return ctx.count(stream);
        }

        void awaitMore(int than, int more) throws InterruptedException {
            ctx.awaitSamples(stream, than + more, timeout());
        }
    }
}
