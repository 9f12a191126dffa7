package dev.demoforge.driver.ur.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.demoforge.device.api.DeviceConfig;
import dev.demoforge.device.api.DeviceStatus;
import dev.demoforge.device.api.DeviceStatus.State;
import dev.demoforge.device.api.EventSample;
import dev.demoforge.device.api.VectorSample;
import dev.demoforge.driver.ur.ControllerVersion;
import dev.demoforge.test.support.CollectingDeviceContext;
import dev.demoforge.test.support.CollectingDeviceContext.Received;

/** The RTDE driver against controller emulators of several versions and faults, over loopback TCP. */
class UrDriverTest {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : open.reversed()) {
            c.close();
        }
    }

    private UrControllerEmulator emulator(long major, long minor, long bugfix) throws Exception {
        UrControllerEmulator e = UrControllerEmulator.start(major, minor, bugfix, 1000);
        open.add(e);
        return e;
    }

    private record Run(UrRtdeDriver driver, CollectingDeviceContext ctx) {
    }

    private Run start(DeviceConfig cfg) throws Exception {
        UrRtdeDriver d = (UrRtdeDriver) new UrRtdeDriverFactory().create(cfg);
        CollectingDeviceContext ctx = new CollectingDeviceContext(cfg);
        d.start(ctx);
        open.add(d::stop);
        return new Run(d, ctx);
    }

    @Test
    void eSeriesStreamsAt500HzOnTheControllerClock() throws Exception {
        UrControllerEmulator emu = emulator(5, 11, 1);
        Run r = start(UrBench.config(emu));
        DeviceStatus online = r.ctx.awaitState(State.ONLINE, WAIT);
        assertTrue(online.reason().contains("e-Series controller 5.11.1.1000") && online.reason().contains("500 Hz"),
                online.reason());
        r.ctx.awaitSamples(UrStreams.JOINTS, 500, WAIT);
        r.driver.stop();
        List<Received> joints = r.ctx.samples(UrStreams.JOINTS);
        long step = joints.get(joints.size() - 1).deviceNanos() - joints.get(joints.size() - 2).deviceNanos();
        for (int i = 1; i < joints.size(); i++) {
            long dt = joints.get(i).deviceNanos() - joints.get(i - 1).deviceNanos();
            assertTrue(dt > 0 && dt % 2_000_000 == 0, "controller time steps by whole 2 ms cycles, got " + dt);
        }
        assertEquals("ur:ur5e", joints.get(0).clockId());
        double seconds = (joints.get(joints.size() - 1).deviceNanos() - joints.get(0).deviceNanos()) / 1e9;
        double perSecond = (joints.size() - 1) / seconds;
        assertTrue(perSecond > 400 && perSecond <= 500.5, "packages per controller second: " + perSecond);
        assertTrue(step > 0);
        assertEquals(500, r.driver.streamingRateHz());
        assertEquals(new ControllerVersion(5, 11, 1, 1000), r.driver.controllerVersion().orElseThrow());
        for (String s : List.of(UrStreams.JOINT_VELOCITIES, UrStreams.JOINT_CURRENTS, UrStreams.TCP_POSE,
                UrStreams.TCP_FORCE, UrStreams.TARGET_JOINTS)) {
            assertTrue(r.ctx.count(s) >= 500, s);
        }
        VectorSample force = (VectorSample) r.ctx.samples(UrStreams.TCP_FORCE).get(0).sample();
        assertEquals(1.0, force.values()[0]);
        assertEquals(-2.0, force.values()[1]);
        EventSample modes = (EventSample) r.ctx.samples(UrStreams.EVENTS).get(0).sample();
        assertTrue(modes.text().contains("\"robot_mode\":\"RUNNING\"") && modes.text().contains("\"NORMAL\"")
                && modes.text().contains("\"PLAYING\""), modes.text());
    }

    @Test
    void cb3ControllerIsStreamedAt125HzWithAReasonOrRefusedWhenAsked() throws Exception {
        UrControllerEmulator emu = emulator(3, 15, 7);
        Run r = start(UrBench.config(emu));
        DeviceStatus online = r.ctx.awaitState(State.ONLINE, WAIT);
        assertTrue(online.reason().contains("CB3") && online.reason().contains("degraded")
                && online.reason().contains("125 Hz"), online.reason());
        r.ctx.awaitSamples(UrStreams.JOINTS, 100, WAIT);
        assertEquals(125, r.driver.streamingRateHz());
        List<Received> j = r.ctx.samples(UrStreams.JOINTS);
        long dt = j.get(j.size() - 1).deviceNanos() - j.get(j.size() - 2).deviceNanos();
        assertTrue(dt >= 6_000_000 && dt <= 10_000_000, "CB3 packages 8 ms apart, got " + dt + " ns");

        Run refused = start(UrBench.config(emu, "slow_controller", "refuse"));
        DeviceStatus failed = refused.ctx.awaitState(State.FAILED, WAIT);
        assertTrue(failed.reason().contains("125 Hz at most") && failed.reason().contains("slow_controller=refuse"),
                failed.reason());
    }

    @Test
    void controllersTooOldForRtdeOrProtocol2AreRefusedWithTheVersion() throws Exception {
        Run old = start(UrBench.config(emulator(3, 1, 18000)));
        DeviceStatus s = old.ctx.awaitState(State.FAILED, WAIT);
        assertTrue(s.reason().contains("3.1.18000.1000 ") && s.reason().contains("predates RTDE"), s.reason());
        UrControllerEmulator v1 = emulator(3, 3, 0);
        v1.speaksV2 = false;
        Run noV2 = start(UrBench.config(v1));
        DeviceStatus s2 = noV2.ctx.awaitState(State.FAILED, WAIT);
        assertTrue(s2.reason().contains("refused RTDE protocol version 2"), s2.reason());
        assertEquals(0, old.ctx.total() + noV2.ctx.total());
    }

    @Test
    void unknownOutputVariableFailsNamingIt() throws Exception {
        UrControllerEmulator emu = emulator(5, 4, 0);
        emu.unknownVariables = Set.of("actual_current");
        Run r = start(UrBench.config(emu));
        DeviceStatus s = r.ctx.awaitState(State.FAILED, WAIT);
        assertTrue(s.reason().contains("'actual_current' is not known"), s.reason());
    }

    @Test
    void servoTargetsReachTheRegistersAndMoveTheArm() throws Exception {
        UrControllerEmulator emu = emulator(5, 11, 1);
        Run r = start(UrBench.config(emu, "servo", "true"));
        assertTrue(r.ctx.awaitState(State.ONLINE, WAIT).reason().contains("servo inputs from register 0"));
        double[] target = {0.5, -1.0, 1.2, -1.5, -1.4, 0.3};
        for (int i = 0; i < 150; i++) {
            assertTrue(r.driver.servoJ(target));
            Thread.sleep(2);
        }
        assertEquals(1.0, emu.inputs.get("input_int_register_0"));
        assertEquals(-1.0, emu.inputs.get("input_double_register_1"));
        assertArrayEquals(target, emu.jointPositions(), 1e-3, "the arm follows the servo target");
        Thread.sleep(50);
        VectorSample last = (VectorSample) r.ctx.samples(UrStreams.JOINTS).getLast().sample();
        assertArrayEquals(target, last.values(), 1e-3, "the published joints show the arm there");
        assertTrue(r.driver.stopServo());
        Thread.sleep(50);
        assertEquals(0.0, emu.inputs.get("input_int_register_0"));
        assertTrue(r.driver.stats().inputsSent() >= 151);
        assertThrows(IllegalArgumentException.class, () -> r.driver.servoJ(new double[5]));
    }

    @Test
    void servoIsRefusedWhenNotConfiguredAndBusyRegistersAreNamed() throws Exception {
        UrControllerEmulator emu = emulator(5, 11, 1);
        Run plain = start(UrBench.config(emu));
        plain.ctx.awaitState(State.ONLINE, WAIT);
        assertFalse(plain.driver.servoJ(new double[6]));
        emu.inputsInUse = Set.of("input_int_register_0");
        Run busy = start(UrBench.config(emu, "servo", "true"));
        DeviceStatus s = busy.ctx.awaitState(State.OFFLINE, WAIT);
        assertTrue(s.reason().contains("'input_int_register_0' is in use"), s.reason());
        emu.inputsInUse = Set.of();
        busy.ctx.awaitState(State.ONLINE, WAIT);
    }

    @Test
    void lostConnectionGoesOfflineReconnectsAndPublishesTheGap() throws Exception {
        UrControllerEmulator emu = emulator(5, 11, 1);
        Run r = start(UrBench.config(emu));
        r.ctx.awaitState(State.ONLINE, WAIT);
        r.ctx.awaitSamples(UrStreams.JOINTS, 50, WAIT);
        emu.dropConnections();
        DeviceStatus off = r.ctx.awaitState(State.OFFLINE, WAIT);
        assertTrue(off.reason().contains("closed the connection") || off.reason().contains("failed"), off.reason());
        r.ctx.awaitState(State.ONLINE, WAIT);
        int before = r.ctx.count(UrStreams.JOINTS);
        r.ctx.awaitSamples(UrStreams.JOINTS, before + 50, WAIT);
        assertEquals(1, r.driver.stats().reconnects());
        assertTrue(r.ctx.samples(UrStreams.EVENTS).stream().map(e -> ((EventSample) e.sample()).text())
                .anyMatch(t -> t.startsWith("{\"type\":\"gap\",\"ms\":")), "gap event published");
        assertTrue(emu.connections() >= 2);
    }

    @Test
    void skippedPackagesAreCountedAndTextMessagesBecomeEvents() throws Exception {
        UrControllerEmulator emu = emulator(5, 11, 1);
        Run r = start(UrBench.config(emu));
        r.ctx.awaitSamples(UrStreams.JOINTS, 20, WAIT);
        emu.skipPackages = 10;
        emu.sendText("Program \"pick\" started", "Controller", 3);
        Thread.sleep(300);
        assertTrue(r.driver.stats().missed() >= 10, r.driver.stats().summary());
        assertTrue(r.driver.stats().missed() < 40, r.driver.stats().summary());
        assertEquals(1, r.driver.stats().textMessages());
        assertTrue(r.ctx.samples(UrStreams.EVENTS).stream().map(e -> ((EventSample) e.sample()).text())
                .anyMatch(t -> t.equals("{\"type\":\"text\",\"level\":\"INFO\",\"source\":\"Controller\","
                        + "\"message\":\"Program \\\"pick\\\" started\"}")));
    }

    @Test
    void stopAbortsAHandshakeTheControllerNeverAnswers() throws Exception {
        try (java.net.ServerSocket mute = new java.net.ServerSocket(0, 5, java.net.InetAddress.getLoopbackAddress())) {
            Run r = start(UrBench.config(mute.getLocalPort(), "connect_timeout_ms", "20000"));
            Thread.sleep(300);
            assertEquals(State.CONNECTING, r.ctx.lastStatus().state(), "the kernel accepted; no reply yet");
            long t0 = System.nanoTime();
            r.driver.stop();
            long took = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(took < 500, "stop took " + took + " ms while the handshake waited for a reply");
            assertTrue(Thread.getAllStackTraces().keySet().stream()
                    .noneMatch(t -> t.getName().equals("demoforge-ur-rtde-ur5e")), "driver thread ended");
        }
    }

    @Test
    void badPropertiesAreRefusedNamingThem() {
        UrRtdeDriverFactory f = new UrRtdeDriverFactory();
        IllegalArgumentException noHost = assertThrows(IllegalArgumentException.class,
                () -> f.create(new DeviceConfig("ur5e", "ur-rtde", java.util.Map.of())));
        assertTrue(noHost.getMessage().contains("'host'"), noHost.getMessage());
        IllegalArgumentException rate = assertThrows(IllegalArgumentException.class,
                () -> f.create(UrBench.config(30004, "rate_hz", "1000")));
        assertEquals("ur-rtde device 'ur5e': property 'rate_hz': '1000' must be a number in 1.0..500.0",
                rate.getMessage());
    }

    @Test
    void unknownHostGivesOfflineWithTheName() throws Exception {
        Run r = start(UrBench.config(30004, "host", "no-such-controller.invalid"));
        DeviceStatus s = r.ctx.awaitState(State.OFFLINE, WAIT);
        assertTrue(s.reason().contains("unknown host 'no-such-controller.invalid'"), s.reason());
    }
}
