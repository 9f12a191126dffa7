package dev.demoforge.driver.ur.internal;

import java.io.DataInputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dev.demoforge.device.api.DeviceConfig;
import dev.demoforge.test.support.LatencyFigures;
import dev.demoforge.test.support.StreamRecording;

/**
 * Figures for docs/performance.md: the RTDE driver at 500 Hz against the emulator on loopback (achieved rate,
 * inter-arrival jitter, one-way latency from the emulator's write to the driver's publish, both on this JVM's
 * clock), next to a raw loopback TCP exchange of the same 312-byte package; the parse cost of one data package next to
 * reading the same 38 values straight from a buffer. Run on request:
 * {@code -DexcludedGroups=none -Dtest=UrBenchmarkTest}.
 */
@Tag("benchmark")
class UrBenchmarkTest {

    @Test
    void streamingAt500Hz() throws Exception {
        try (UrControllerEmulator emu = UrControllerEmulator.start(5, 11, 1, 108318)) {
            emu.keepSentTimes = true;
            DeviceConfig cfg = UrBench.config(emu);
            UrRtdeDriver d = (UrRtdeDriver) new UrRtdeDriverFactory().create(cfg);
            StreamRecording rec = StreamRecording.record(d, cfg, UrStreams.JOINTS, 100, Duration.ofSeconds(5));
            System.out.printf("BENCH ur-rtde 500 Hz: %.1f packages/s over %.1f s, %s%n", rec.rate(), rec.seconds(),
                    d.stats().summary());
            System.out.println("BENCH ur-rtde inter-arrival " + LatencyFigures.ofNanos(rec.interArrivalNanos())
                    + " (nominal 2000 us)");
            System.out.println("BENCH ur-rtde emulator write -> driver publish "
                    + LatencyFigures.ofNanos(rec.latencyNanos(r -> emu.sentAt(r.deviceNanos()))));
        }
        System.out.println("BENCH baseline raw TCP loopback 312-byte round trip "
                + LatencyFigures.ofNanos(tcpRoundTrips(5000)) + " (one way about half)");
    }

    @Test
    void parseCostOfOneDataPackage() throws Exception {
        OutputRecipe recipe = new OutputRecipe(1, RtdeSession.OUTPUTS, List.of(RtdeType.DOUBLE, RtdeType.VECTOR6D,
                RtdeType.VECTOR6D, RtdeType.VECTOR6D, RtdeType.VECTOR6D, RtdeType.VECTOR6D, RtdeType.VECTOR6D,
                RtdeType.INT32, RtdeType.INT32, RtdeType.UINT32));
        byte[] payload = RtdePacketTest.payload(RtdePacketTest.hex(RtdePacketTest.DATA_PACKAGE));
        double[] row = new double[recipe.width()];
        int n = 2_000_000;
        double sink = 0;
        for (int round = 0; round < 3; round++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                recipe.decode(payload, row);
                sink += row[i % row.length];
            }
            long decode = System.nanoTime() - t0;
            t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                ByteBuffer b = ByteBuffer.wrap(payload, 1, payload.length - 1);
                for (int k = 0; k < 37; k++) {
                    row[k] = b.getDouble();
                }
                row[37] = b.getInt();
                sink += row[i % row.length];
            }
            long raw = System.nanoTime() - t0;
            if (round == 2) {
                System.out.printf("BENCH ur-rtde parse of a 312-byte package (38 values): %.0f ns; baseline straight"
                        + " ByteBuffer reads %.0f ns (ratio %.2f); at 500 Hz %.3f%% of one core%n", decode / (double) n,
                        raw / (double) n, decode / (double) raw, decode / (double) n * 500 / 1e9 * 100);
            }
        }
        if (sink == 42) {
            System.out.println();
        }
    }

    /** Round trips of 312 bytes through a loopback TCP echo (Nagle off on both ends), ns. */
    static long[] tcpRoundTrips(int n) throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread echo = new Thread(() -> {
                try (Socket s = server.accept()) {
                    s.setTcpNoDelay(true);
                    DataInputStream in = new DataInputStream(s.getInputStream());
                    OutputStream out = s.getOutputStream();
                    byte[] b = new byte[312];
                    while (true) {
                        in.readFully(b);
                        out.write(b);
                    }
                } catch (Exception e) {
                    // client closed
                }
            }, "ur-emulator-echo");
            echo.setDaemon(true);
            echo.start();
            try (Socket c = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort())) {
                c.setTcpNoDelay(true);
                DataInputStream in = new DataInputStream(c.getInputStream());
                byte[] b = new byte[312];
                long[] t = new long[n];
                for (int i = 0; i < n; i++) {
                    long t0 = System.nanoTime();
                    c.getOutputStream().write(b);
                    in.readFully(b);
                    t[i] = System.nanoTime() - t0;
                }
                return t;
            }
        }
    }
}
