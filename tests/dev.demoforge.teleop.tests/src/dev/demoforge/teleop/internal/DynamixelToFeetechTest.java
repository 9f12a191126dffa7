package dev.demoforge.teleop.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.demoforge.device.api.ConnectedStation;
import dev.demoforge.device.api.DeviceConfig;
import dev.demoforge.device.api.DeviceStatus;
import dev.demoforge.device.api.StationConfig;
import dev.demoforge.device.api.StationManager;
import dev.demoforge.teleop.TeleopService;
import dev.demoforge.teleop.TeleopSession;
import dev.demoforge.teleop.TeleopStats;
import dev.demoforge.test.support.serial.VirtualSerialPair;

/**
 * A Dynamixel leader arm (XL430, Protocol 2.0) drives a Feetech follower (STS3215, SCS) through the real drivers
 * over socat pty pairs. Both arms are {@code tests/e2e/servo_emulator.py} (written apart from the Java drivers): the
 * leader's present positions swing as an operator would move them, the follower logs every goal-position write with
 * its CLOCK_MONOTONIC time, the clock of {@link System#nanoTime()}. The goals it received must be the mapped leader
 * positions; the delay between the leader's position and the follower's goal write is measured.
 */
class DynamixelToFeetechTest {

    private static final int SWING_COUNTS = 300;
    private static final double SWING_HZ = 0.5;
    private static final double RATE_HZ = 100;
    /** teleop.offset of joint 2 (index 1), rad, and the counts it adds at 4096 counts per turn. */
    private static final double OFFSET_RAD = 0.1;
    private static final int OFFSET_COUNTS = 65;

    private static Path emulator() {
        for (Path p = Path.of(System.getProperty("user.dir")).toAbsolutePath(); p != null; p = p.getParent()) {
            Path e = p.resolve("tests/e2e/servo_emulator.py");
            if (Files.isRegularFile(e)) {
                return e;
            }
        }
        throw new IllegalStateException("tests/e2e/servo_emulator.py not found above " + System.getProperty(
                "user.dir"));
    }

    private static Process start(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/python3", emulator().toString()));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    /** The leader's present position of servo {@code id} at CLOCK_MONOTONIC {@code t}, counts. */
    private static double leader(int id, long t) {
        return 2048 + SWING_COUNTS * Math.sin(2 * Math.PI * SWING_HZ * t / 1e9 + id);
    }

    @Test
    void theFollowersGoalRegistersReceiveTheMappedLeaderPositions(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("goals.log");
        String[] servos = {"1:%d:2048", "2:%d:2048", "3:%d:2048", "4:%d:2048", "5:%d:2048", "6:%d:2048"};
        String[] dxl = new String[servos.length];
        String[] sts = new String[servos.length];
        for (int i = 0; i < servos.length; i++) {
            dxl[i] = String.format(servos[i], 1060);
            sts[i] = String.format(servos[i], 777);
        }
        TeleopStats stats;
        long runStart;
        long runEnd;
        try (VirtualSerialPair leaderPort = VirtualSerialPair.start(dir.resolve("leader"));
                VirtualSerialPair followerPort = VirtualSerialPair.start(dir.resolve("follower"))) {
            List<String> la = new ArrayList<>(List.of("--swing=" + SWING_COUNTS + ":" + SWING_HZ, "dynamixel",
                    leaderPort.devicePort()));
            la.addAll(List.of(dxl));
            List<String> fa = new ArrayList<>(List.of("--log=" + log, "feetech", followerPort.devicePort()));
            fa.addAll(List.of(sts));
            Process leaderEmu = start(la.toArray(String[]::new));
            Process followerEmu = start(fa.toArray(String[]::new));
            try {
                Map<String, String> follower = new HashMap<>(Map.of("port", followerPort.hostPort(), "ids", "1-6",
                        "model", "STS3215", "rate_hz", Double.toString(RATE_HZ), "teleop.leader", "leader",
                        "teleop.rate_hz", Double.toString(RATE_HZ), "teleop.offset", "0," + OFFSET_RAD + ",0,0,0,0"));
                StationConfig config = new StationConfig("koch-to-so101", "mixed", List.of(
                        new DeviceConfig("leader", "dynamixel", Map.of("port", leaderPort.hostPort(), "ids", "1-6",
                                "model", "XL430-W250", "rate_hz", Double.toString(RATE_HZ))),
                        new DeviceConfig("follower", "feetech", follower)));
                TeleopService teleop = OsgiServices.get(TeleopService.class);
                try (ConnectedStation station = OsgiServices.get(StationManager.class).connect(config)) {
                    waitOnline(station, "leader");
                    waitOnline(station, "follower");
                    try (TeleopSession session = teleop.start(station, teleop.pairings(config).get(0))) {
                        Thread.sleep(500);
                        runStart = System.nanoTime();
                        Thread.sleep(4_000);
                        runEnd = System.nanoTime();
                        stats = session.stats();
                    }
                }
            } finally {
                leaderEmu.destroy();
                followerEmu.destroy();
                leaderEmu.waitFor();
                followerEmu.waitFor();
            }
        }
        Map<Integer, List<long[]>> goals = new HashMap<>();
        for (String line : Files.readAllLines(log)) {
            String[] f = line.trim().split(" ");
            long t = Long.parseLong(f[0]);
            if (t >= runStart && t <= runEnd) {
                goals.computeIfAbsent(Integer.parseInt(f[1]), k -> new ArrayList<>()).add(new long[] {t,
                    Long.parseLong(f[2])});
            }
        }
        assertEquals(6, goals.size(), "every follower servo received goals: " + goals.keySet());
        double seconds = (runEnd - runStart) / 1e9;
        double writeRate = goals.get(1).size() / seconds;
        // the delay from the leader's position to the follower's goal register: the lag that best explains the goals
        double bestLag = 0;
        double bestErr = Double.MAX_VALUE;
        for (int lagUs = 0; lagUs <= 200_000; lagUs += 100) {
            double sum = 0;
            int n = 0;
            for (Map.Entry<Integer, List<long[]>> e : goals.entrySet()) {
                int offset = e.getKey() == 2 ? OFFSET_COUNTS : 0;
                for (long[] g : e.getValue()) {
                    sum += Math.abs(g[1] - offset - leader(e.getKey(), g[0] - lagUs * 1000L));
                    n++;
                }
            }
            if (sum / n < bestErr) {
                bestErr = sum / n;
                bestLag = lagUs / 1000.0;
            }
        }
        System.out.printf("dynamixel -> feetech teleop: command rate %.1f Hz (nominal %.0f), goal writes %.1f Hz per"
                + " servo, leader reading to command p50 %.2f p99 %.2f ms, leader position to follower goal write"
                + " %.1f ms (mean residual %.2f counts), missed cycles %d%n", stats.rateHz(), RATE_HZ, writeRate,
                stats.latencyP50Ns() / 1e6, stats.latencyP99Ns() / 1e6, bestLag, bestErr, stats.missedCycles());
        assertEquals(0, stats.errors(), stats.lastError());
        assertTrue(writeRate > 0.7 * RATE_HZ && writeRate < 1.05 * RATE_HZ, "goal writes per servo " + writeRate
                + " Hz");
        assertTrue(bestErr < 10, "goals are the mapped leader positions within " + bestErr + " counts (mean)");
        assertTrue(bestLag < 60, "leader to follower " + bestLag + " ms");
    }

    private static void waitOnline(ConnectedStation station, String device) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (station.device(device).orElseThrow().status().state() == DeviceStatus.State.ONLINE) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError(device + " did not come online: " + station.device(device).orElseThrow().status());
    }
}
