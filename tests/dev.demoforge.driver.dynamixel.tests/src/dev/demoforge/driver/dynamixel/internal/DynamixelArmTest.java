package dev.demoforge.driver.dynamixel.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import dev.demoforge.device.api.DeviceConfig;
import dev.demoforge.device.api.DeviceStatus.State;
import dev.demoforge.device.api.VectorSample;
import dev.demoforge.driver.serial.Calibration;
import dev.demoforge.driver.serial.OperatingMode;
import dev.demoforge.driver.serial.ProbeResult;
import dev.demoforge.driver.serial.ServoArmDriver;
import dev.demoforge.driver.serial.ServoProbes;
import dev.demoforge.test.support.CollectingDeviceContext;
import dev.demoforge.test.support.CollectingDeviceContext.Received;
import dev.demoforge.test.support.serial.EmulatedServo;
import dev.demoforge.test.support.serial.ServoArmTest;
import dev.demoforge.test.support.serial.ServoBusSetup;

/** The driver against its emulator: probe, joint stream, commands, calibration, configuration errors. */
class DynamixelArmTest extends ServoArmTest<DynamixelEmulator> {

    @Override
    protected ServoBusSetup<DynamixelEmulator> setup() {
        return Bench.SETUP;
    }

    /** Torque off again: the next test finds the arm hanging free. */
    @Override
    protected void resetBench() {
        for (EmulatedServo s : bench().emulator().servos()) {
            s.write(64, new byte[] {0});
        }
    }

    @Test
    void probeFindsIdsModelsAndPositions() throws Exception {
        ProbeResult r = ServoProbes.probe(new DynamixelFamily(), bench().pair().hostPort(), 1_000_000, 0, 252,
                Duration.ofMillis(100));
        assertEquals(List.of(1, 2, 3, 4, 5, 6), r.servos().stream().map(ProbeResult.Found::id).toList());
        assertEquals(List.of("XM430-W350", "XM430-W350", "XL430-W250", "XL430-W250", "XL330-M288", "XL330-M288"),
                r.servos().stream().map(ProbeResult.Found::model).toList());
        for (ProbeResult.Found f : r.servos()) {
            int actual = bench().emulator().servo(f.id()).position();
            assertTrue(Math.abs(f.position() - actual) < 60, "id " + f.id() + ": " + f.position() + " vs " + actual);
            assertEquals(radians(f.position()), f.radians(), 1e-9);
        }
        System.out.println("probe: " + r.servos().size() + " servos in " + r.elapsedMs() + " ms");
    }

    @Test
    void jointsStreamAtTheConfiguredRateInRadiansWithDeviceTime() throws Exception {
        List<Received> got = assertJointsFollowTheServos(bench().config("rate_hz", "200"), 2000, 160, 210);
        double seconds = seconds(got);
        Received last = got.getLast();
        assertEquals("dynamixel:koch_follower:id1", last.clockId());
        long deviceSpan = last.deviceNanos() - got.getFirst().deviceNanos();
        assertTrue(Math.abs(deviceSpan / 1e9 - seconds) < 0.05, "device clock span " + deviceSpan + " ns over " + seconds
                + " s");
    }

    @Test
    void torqueAndGoalPositionsMoveTheArm() throws Exception {
        assertGoalPositionsReached(bench().config(), new double[] {0.5, -0.5, 0.25, -0.25, 1.0, 0.0}, 1200);
        for (int i = 0; i < 6; i++) {
            assertEquals(1, bench().emulator().servo(i + 1).get(64, 1), "torque of id " + (i + 1));
        }
    }

    @Test
    void currentModeIsRefusedByTheXl430AndSetOnTheOthers() throws Exception {
        start(bench().config());
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> arm().mode(OperatingMode.CURRENT).get(2, TimeUnit.SECONDS));
        assertTrue(e.getCause().getMessage().contains("XL430-W250 (id 3) has no CURRENT mode"), e.getCause().getMessage());
        arm().stop();
        start(bench().config("ids", "1,2,5,6", "joints", "a,b,c,d"));
        arm().mode(OperatingMode.CURRENT).get(2, TimeUnit.SECONDS);
        arm().goalCurrents(new double[] {269, -269, 100, 50}).get(2, TimeUnit.SECONDS);
        Thread.sleep(50);
        assertEquals(0, bench().emulator().servo(5).get(11, 1), "operating mode of id 5");
        assertEquals(100, bench().emulator().servo(1).get(102, 2), "goal current of id 1 (2.69 mA units)");
        assertEquals(0x10000 - 100, bench().emulator().servo(2).get(102, 2), "negative goal current of id 2");
        assertEquals(100, bench().emulator().servo(5).get(102, 2), "goal current of id 5 (1 mA units)");
        arm().mode(OperatingMode.POSITION).get(2, TimeUnit.SECONDS);
        assertEquals(3, bench().emulator().servo(5).get(11, 1));
    }

    @Test
    void homingCalibrationZeroesThePoseAndIsStoredPerUnit() throws Exception {
        Path file = Files.createTempDirectory(bench().dir(), "cal").resolve("koch_follower.json");
        CollectingDeviceContext ctx = start(bench().config("calibration", file.toString()));
        torque(true);
        Thread.sleep(50);
        Calibration cal = arm().calibrateHoming().get(2, TimeUnit.SECONDS);
        assertTrue(Files.exists(file));
        assertEquals(cal, Calibration.load(file));
        int n = ctx.count(ServoArmDriver.JOINTS);
        ctx.awaitSamples(ServoArmDriver.JOINTS, n + 10, timeout());
        double[] q = ((VectorSample) ctx.samples(ServoArmDriver.JOINTS).get(n + 9).sample()).values();
        for (double v : q) {
            assertEquals(0, v, 4 * 2 * Math.PI / 4096);
        }
        arm().stop();
        ServoArmDriver again = (ServoArmDriver) create(bench().config("calibration", file.toString()));
        assertEquals(cal, again.calibration(), "a new driver for the unit loads its calibration");
    }

    @Test
    void wrongModelAndSilentIdGiveOfflineWithReason() throws Exception {
        CollectingDeviceContext ctx = start(bench().config("model.3", "XM540-W270", "ids", "1-7",
                "joints", "a,b,c,d,e,f,g"), State.OFFLINE);
        String reason = ctx.lastStatus().reason();
        assertTrue(reason.contains("ids [7] do not answer"), reason);
        assertTrue(reason.contains("id 3 is XL430-W250, configured XM540-W270"), reason);
        assertEquals(0, ctx.total());
    }

    @Test
    void badPropertiesAreNamed() throws Exception {
        assertBad(bench().config("port", ""), "'port' is required");
        assertBad(bench().config("ids", "1-300"), "'ids'", "1-300");
        assertBad(bench().config("ids", "1,2,2"), "id 2 twice");
        assertBad(bench().config("model.4", "AX-12"), "unknown model 'AX-12'");
        assertBad(bench().config("joints", "a,b"), "'joints' names 2 joints for 6 ids");
        assertBad(bench().config("rate_hz", "fast"), "'rate_hz'", "fast");
        Path bad = bench().dir().resolve("bad-calibration.json");
        Files.writeString(bad, "{\"joints\": [{\"id\": 1, \"homing_offset\": 1.5}]}");
        assertBad(bench().config("calibration", bad.toString()), "bad-calibration.json", "joints[0]", "homing_offset");
    }

    private void assertBad(DeviceConfig config, String... parts) {
        Executable creating = () -> create(config);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, creating);
        for (String p : parts) {
            assertTrue(e.getMessage().contains(p), e.getMessage() + " should name " + p);
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
