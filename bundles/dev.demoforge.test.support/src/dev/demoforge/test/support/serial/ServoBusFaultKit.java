package dev.demoforge.test.support.serial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.demoforge.device.api.DeviceDriver;
import dev.demoforge.device.api.DeviceConfig;
import dev.demoforge.device.api.DeviceStatus;
import dev.demoforge.device.api.DeviceStatus.State;
import dev.demoforge.test.support.CollectingDeviceContext;

/**
 * Bad-input tests for serial-bus drivers, run against an emulator over a real pty pair: garbage before replies,
 * truncated replies, wrong checksums, a device that stops answering, replies replaced by noise, and the port
 * vanishing (socat killed) and coming back. Each must give counted errors and, where readings stop, an OFFLINE
 * status with a reason; readings must resume once the fault ends. A driver's test class extends this class and gives
 * its {@link #setup()}; the base class starts one {@link ServoBench} for the class and closes it afterwards.
 * <p>
 * The setup's properties should use short timings ({@code offline_after_ms} ≈ 250, {@code reconnect_ms} ≈ 200) so the
 * tests stay quick. The first stream the driver declares is the one whose readings are counted.
 *
 * @param <E> the protocol's emulator
 * @since 0.1 (generic and based on {@link ServoBusTest} since 0.2)
 */
public abstract class ServoBusFaultKit<E extends ServoBankEmulator> extends ServoBusTest<E> {

    /** Answers correctly again and brings a killed pty pair back. */
    @Override
    protected void resetBench() throws Exception {
        emulator().fault(Fault.NONE);
        if (!pair().alive()) {
            pair().restart();
        }
    }

    private DeviceConfig config() {
        return bench().config();
    }

    private ServoBankEmulator emulator() {
        return bench().emulator();
    }

    private VirtualSerialPair pair() {
        return bench().pair();
    }

    private DriverCounters counters(DeviceDriver driver) {
        return setup().counters().apply(driver);
    }

    @Test
    void garbageBeforeRepliesIsSkippedWithoutLosingReadings() throws Exception {
        Run r = startReading();
        int before = r.samples();
        emulator().fault(Fault.GARBAGE);
        Thread.sleep(500);
        int during = r.samples() - before;
        emulator().fault(Fault.NONE);
        DriverCounters c = counters(r.driver);
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
        Run r = startReading();
        pair().kill();
        DeviceStatus down = awaitDown(r);
        DriverCounters c = counters(r.driver);
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
        Run r = startReading();
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
        Run r = startReading();
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
        return setup().factory().create(config()).streams().get(0).nominalRateHz();
    }

    private Run startReading() throws Exception {
        CollectingDeviceContext ctx = start(config());
        DeviceDriver d = running();
        Run r = new Run(d, ctx, d.streams().get(0).name());
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
