package dev.demoforge.driver.feetech.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.demoforge.device.api.DeviceStatus.State;
import dev.demoforge.device.api.Sample;
import dev.demoforge.driver.serial.BusCounters;
import dev.demoforge.driver.serial.OperatingMode;
import dev.demoforge.driver.serial.ProbeResult;
import dev.demoforge.driver.serial.SerialLink;
import dev.demoforge.driver.serial.ServoArmDriver;
import dev.demoforge.driver.serial.ServoIdentity;
import dev.demoforge.driver.serial.ServoProbes;
import dev.demoforge.test.support.CollectingDeviceContext;
import dev.demoforge.test.support.CollectingDeviceContext.Received;
import dev.demoforge.test.support.serial.EmulatedServo;
import dev.demoforge.test.support.serial.ServoArmTest;
import dev.demoforge.test.support.serial.ServoBusSetup;

/** The Feetech bus and driver against the STS emulator over a pty pair. */
class FeetechArmTest extends ServoArmTest<FeetechEmulator> {

    @Override
    protected ServoBusSetup<FeetechEmulator> setup() {
        return Bench.SETUP;
    }

    /** Torque off again (and no error flags): the next test finds the arm hanging free. */
    @Override
    protected void resetBench() {
        bench().emulator().flags(0);
        for (EmulatedServo s : bench().emulator().servos()) {
            s.write(40, new byte[] {0});
        }
    }

    @Test
    void probeFindsIdsModelsFirmwareAndPositions() throws Exception {
        ProbeResult r = ServoProbes.probe(new FeetechFamily(), bench().pair().hostPort(), 1_000_000, 0, 20,
                Duration.ofMillis(100));
        assertEquals(List.of(1, 2, 3, 4, 5, 6), r.servos().stream().map(ProbeResult.Found::id).toList());
        for (ProbeResult.Found f : r.servos()) {
            assertEquals("STS3215", f.model());
            assertEquals(777, f.modelNumber());
            assertEquals(3 << 8 | 10, f.firmware());
            int actual = bench().emulator().servo(f.id()).position();
            assertTrue(Math.abs(f.position() - actual) < 60, "id " + f.id() + ": " + f.position() + " vs " + actual);
        }
        System.out.println("probe of ids 0-20: " + r.servos().size() + " servos in " + r.elapsedMs() + " ms");
    }

    @Test
    void jointsStreamAtTheConfiguredRateInRadiansWithHostTimeOnly() throws Exception {
        List<Received> got = assertJointsFollowTheServos(bench().config("rate_hz", "200"), 2000, 160, 210);
        assertEquals(Sample.NO_DEVICE_TIME, got.getLast().deviceNanos());
    }

    @Test
    void torqueAndGoalPositionsMoveTheArm() throws Exception {
        assertGoalPositionsReached(bench().config(), new double[] {0.5, -0.5, 0.25, -0.25, 1.0, 0.0}, 1200);
    }

    @Test
    void currentModeIsRefusedWithReasonAndPositionModeIsSet() throws Exception {
        start(bench().config());
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> arm().mode(OperatingMode.CURRENT).get(2, TimeUnit.SECONDS));
        assertTrue(e.getCause().getMessage().contains("STS3215 (id 1) has no CURRENT mode"), e.getCause().getMessage());
        bench().emulator().servo(4).write(33, new byte[] {1});
        arm().mode(OperatingMode.POSITION).get(2, TimeUnit.SECONDS);
        assertEquals(0, bench().emulator().servo(4).get(33, 1));
    }

    @Test
    void statusErrorFlagsAreCountedAndNamedWhileReadingsGoOn() throws Exception {
        CollectingDeviceContext ctx = start(bench().config());
        bench().emulator().flags(32);
        int n = ctx.count(ServoArmDriver.JOINTS);
        ctx.awaitSamples(ServoArmDriver.JOINTS, n + 20, timeout());
        assertTrue(arm().busStats().servoErrors() > 0);
        assertTrue(arm().busStats().lastServoError().contains("overload error"), arm().busStats().toString());
        assertEquals(State.ONLINE, ctx.lastStatus().state());
    }

    @Test
    void pingAloneFindsNothingAtAMissingId() throws Exception {
        try (SerialLink link = SerialLink.open(bench().pair().hostPort(), 1_000_000)) {
            ScsBus bus = new ScsBus(link, new BusCounters(), Duration.ofMillis(50));
            assertEquals(new ServoIdentity(2, 777, 3 << 8 | 10), bus.ping(2).orElseThrow());
            assertTrue(bus.ping(99).isEmpty());
            assertEquals(1, bus.stats().timeouts());
        }
    }

    @Override
    protected void torque(boolean on) throws Exception {
        arm().torque(on).get(2, TimeUnit.SECONDS);
    }

    @Override
    protected void goalPositions(double[] radians) throws Exception {
        arm().goalPositions(radians).get(2, TimeUnit.SECONDS);
    }

    private ServoArmDriver arm() {
        return (ServoArmDriver) running();
    }
}
