package dev.demoforge.driver.netft.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.demoforge.device.api.DeviceConfig;
import dev.demoforge.device.api.DeviceStatus;
import dev.demoforge.device.api.DeviceStatus.State;
import dev.demoforge.device.api.EventSample;
import dev.demoforge.device.api.VectorSample;
import dev.demoforge.test.support.CollectingDeviceContext;

/** The Net F/T driver against the RDT emulator over loopback UDP: scaling, gaps, status words, silence, bias. */
class NetFtDriverTest {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : open.reversed()) {
            c.close();
        }
    }

    private NetFtEmulator emulator() throws Exception {
        NetFtEmulator e = NetFtEmulator.start(1000);
        open.add(e);
        return e;
    }

    private record Run(NetFtDriver driver, CollectingDeviceContext ctx) {
    }

    private Run start(DeviceConfig cfg) {
        NetFtDriver d = (NetFtDriver) new NetFtDriverFactory().create(cfg);
        CollectingDeviceContext ctx = new CollectingDeviceContext(cfg);
        d.start(ctx);
        open.add(d::stop);
        return new Run(d, ctx);
    }

    @Test
    void countsAreScaledToNewtonsAndNewtonMetres() throws Exception {
        NetFtEmulator emu = emulator();
        Run r = start(NetFtBench.config(emu.port(), "counts_per_force", "500000", "counts_per_torque", "2000000"));
        DeviceStatus online = r.ctx.awaitState(State.ONLINE, WAIT);
        assertTrue(online.reason().contains("500000 counts/N") && online.reason().contains("2000000 counts/N·m"),
                online.reason());
        r.ctx.awaitSamples(NetFtDriver.WRENCH, 100, WAIT);
        VectorSample s = (VectorSample) r.ctx.samples(NetFtDriver.WRENCH).get(50).sample();
        assertEquals(1.0, s.values()[1], 1e-9, "Fy: 500000 counts at 500000 counts/N");
        assertEquals(-20.0, s.values()[2], 1e-9, "Fz: -10,000,000 counts");
        assertEquals(-0.01, s.values()[3], 1e-9, "Tx: -20000 counts at 2000000 counts/N·m");
        assertEquals(Long.MIN_VALUE, s.deviceNanos(), "RDT records carry no clock");
    }

    @Test
    void sequenceGapsAreCountedAndPublished() throws Exception {
        NetFtEmulator emu = emulator();
        Run r = start(NetFtBench.config(emu.port()));
        r.ctx.awaitSamples(NetFtDriver.WRENCH, 100, WAIT);
        emu.skip.set(25);
        Thread.sleep(150);
        emu.skip.set(3);
        Thread.sleep(100);
        assertEquals(2, r.driver.stats().gaps(), r.driver.stats().summary());
        assertEquals(28, r.driver.stats().lost(), r.driver.stats().summary());
        assertTrue(r.ctx.samples(NetFtDriver.EVENTS).stream().map(e -> ((EventSample) e.sample()).text())
                .anyMatch(t -> t.startsWith("{\"type\":\"gap\",\"lost\":25,")));
    }

    @Test
    void statusWordErrorsAreSurfacedAndCleared() throws Exception {
        NetFtEmulator emu = emulator();
        Run r = start(NetFtBench.config(emu.port()));
        r.ctx.awaitSamples(NetFtDriver.WRENCH, 50, WAIT);
        emu.status = 0x8000_0100L;
        DeviceStatus s = r.ctx.awaitStatus(st -> st.reason().contains("0x80000100"), WAIT, "status word");
        assertEquals(State.ONLINE, s.state());
        assertTrue(s.reason().contains("error bit 31"), s.reason());
        emu.status = 0;
        r.ctx.awaitStatus(st -> st.state() == State.ONLINE && !st.reason().contains("status"), WAIT, "cleared");
        assertTrue(r.driver.stats().statusErrors() > 0);
        assertTrue(r.ctx.samples(NetFtDriver.EVENTS).stream().map(e -> ((EventSample) e.sample()).text())
                .anyMatch(t -> t.equals("{\"type\":\"status\",\"status\":\"0x80000100\",\"error\":true}")));
    }

    @Test
    void garbageDatagramsAreCountedAndSkipped() throws Exception {
        NetFtEmulator emu = emulator();
        Run r = start(NetFtBench.config(emu.port()));
        r.ctx.awaitSamples(NetFtDriver.WRENCH, 50, WAIT);
        emu.garbage.set(20);
        Thread.sleep(100);
        assertEquals(20, r.driver.stats().malformed());
        assertEquals(0, r.driver.stats().lost(), "garbage is not a lost record");
    }

    @Test
    void silentSensorGoesOfflineAndIsAskedAgainUntilItReturns() throws Exception {
        NetFtEmulator emu = emulator();
        Run r = start(NetFtBench.config(emu.port()));
        r.ctx.awaitSamples(NetFtDriver.WRENCH, 50, WAIT);
        emu.silent = true;
        DeviceStatus off = r.ctx.awaitState(State.OFFLINE, WAIT);
        assertTrue(off.reason().startsWith("no RDT record from 127.0.0.1:" + emu.port() + " for 200 ms"),
                off.reason());
        Thread.sleep(500);
        emu.silent = false;
        r.ctx.awaitState(State.ONLINE, WAIT);
        int n = r.ctx.count(NetFtDriver.WRENCH);
        r.ctx.awaitSamples(NetFtDriver.WRENCH, n + 50, WAIT);
        assertTrue(r.driver.stats().restarts() >= 1);
        assertTrue(emu.commands.stream().filter(c -> c == Rdt.START_REALTIME).count() >= 2, "start asked again");
        assertTrue(r.ctx.samples(NetFtDriver.EVENTS).stream().map(e -> ((EventSample) e.sample()).text())
                .anyMatch(t -> t.startsWith("{\"type\":\"gap\",\"ms\":")));
    }

    @Test
    void biasZeroesTheReadingAndStopEndsTheStream() throws Exception {
        NetFtEmulator emu = emulator();
        Run r = start(NetFtBench.config(emu.port(), "bias_on_start", "true"));
        r.ctx.awaitSamples(NetFtDriver.WRENCH, 200, WAIT);
        VectorSample s = (VectorSample) r.ctx.samples(NetFtDriver.WRENCH).getLast().sample();
        assertEquals(0.0, s.values()[2], 1e-6, "Fz biased away");
        assertTrue(r.driver.bias());
        r.driver.stop();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while ((!emu.commands.contains(Rdt.STOP) || emu.streaming()) && System.nanoTime() < deadline) {
            Thread.sleep(10); // the emulator's receive thread takes the datagram when it is next scheduled
        }
        assertTrue(emu.commands.contains(Rdt.STOP), "stop command sent: " + emu.commands);
        assertTrue(!emu.streaming(), "the sensor stopped streaming");
    }

    @Test
    void calibrationIsReadFromTheSensorsNetftapi2Xml() throws Exception {
        NetFtEmulator emu = emulator();
        emu.xml = NetFtEmulator.document(500_000, 2_000_000, "N", "N-m");
        Run r = start(NetFtBench.config(emu.port(), "calibration", "sensor", "http_port",
                Integer.toString(emu.httpPort())));
        DeviceStatus online = r.ctx.awaitState(State.ONLINE, WAIT);
        assertTrue(online.reason().startsWith("Net F/T FT24680 at 127.0.0.1:" + emu.port()) && online.reason()
                .contains("500000 counts/N, 2000000 counts/N·m (from its netftapi2.xml, RDT rate 1000 Hz)"),
                online.reason());
        r.ctx.awaitSamples(NetFtDriver.WRENCH, 20, WAIT);
        VectorSample s = (VectorSample) r.ctx.samples(NetFtDriver.WRENCH).get(10).sample();
        assertEquals(-20.0, s.values()[2], 1e-9, "Fz: -10,000,000 counts at 500000 counts/N");
    }

    @Test
    void aCalibrationInOtherUnitsOrMissingIsReportedAndRetried() throws Exception {
        NetFtEmulator emu = emulator();
        emu.xml = NetFtEmulator.document(1_000_000, 1_000_000, "lbf", "lbf-in");
        Run r = start(NetFtBench.config(emu.port(), "calibration", "sensor", "http_port",
                Integer.toString(emu.httpPort())));
        DeviceStatus off = r.ctx.awaitState(State.OFFLINE, WAIT);
        assertTrue(off.reason().contains("forces in 'lbf' and torques in 'lbf-in'"), off.reason());
        emu.xml = null;
        r.ctx.awaitStatus(st -> st.reason().contains("404"), WAIT, "404");
        emu.xml = NetFtEmulator.document(1_000_000, 1_000_000, "N", "N-m");
        r.ctx.awaitState(State.ONLINE, WAIT);
    }

    @Test
    void badPropertiesAreRefusedNamingThem() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new NetFtDriverFactory().create(NetFtBench.config(49152, "counts_per_force", "lots")));
        assertEquals("netft device 'wrist_ft': property 'counts_per_force': 'lots' must be a number in 1.0E-6..1.0E12",
                e.getMessage());
    }
}
