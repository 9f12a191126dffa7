package dev.demoforge.driver.ur.internal;

import java.io.DataInputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dev.demoforge.device.api.DeviceConfig;
import dev.demoforge.device.api.DeviceStatus.State;
import dev.demoforge.test.support.CollectingDeviceContext;
import dev.demoforge.test.support.CollectingDeviceContext.Received;

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
            CollectingDeviceContext ctx = new CollectingDeviceContext(cfg);
            d.start(ctx);
            ctx.awaitState(State.ONLINE, Duration.ofSeconds(5));
            ctx.awaitSamples(UrStreams.JOINTS, 100, Duration.ofSeconds(5));
            int skip = ctx.count(UrStreams.JOINTS);
            Thread.sleep(5000);
            d.stop();
            List<Received> got = ctx.samples(UrStreams.JOINTS);
            got = got.subList(skip, got.size());
            double seconds = (got.getLast().hostNanos() - got.getFirst().hostNanos()) / 1e9;
            long[] gaps = new long[got.size() - 1];
            long[] latency = new long[got.size()];
            int matched = 0;
            for (int i = 0; i < got.size(); i++) {
                if (i > 0) {
                    gaps[i - 1] = got.get(i).hostNanos() - got.get(i - 1).hostNanos();
                }
                Long sent = emu.sentAt(got.get(i).deviceNanos());
                if (sent != null) {
                    latency[matched++] = got.get(i).hostNanos() - sent;
                }
            }
            System.out.printf("BENCH ur-rtde 500 Hz: %.1f packages/s over %.1f s, %s%n", (got.size() - 1) / seconds,
                    seconds, d.stats().summary());
            System.out.println("BENCH ur-rtde inter-arrival " + percentiles(gaps) + " (nominal 2000 us)");
            System.out.println("BENCH ur-rtde emulator write -> driver publish " + percentiles(Arrays.copyOf(latency,
                    matched)));
        }
        System.out.println("BENCH baseline raw TCP loopback 312-byte round trip " + percentiles(tcpRoundTrips(5000))
                + " (one way about half)");
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

    static String percentiles(long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        double mean = Arrays.stream(s).average().orElse(0);
        double sd = Math.sqrt(Arrays.stream(s).mapToDouble(v -> (v - mean) * (v - mean)).average().orElse(0));
        return String.format("p50 %.0f us, p90 %.0f us, p99 %.0f us, max %.0f us, mean %.0f us, sd %.0f us (n=%d)",
                s[s.length / 2] / 1e3, s[s.length * 9 / 10] / 1e3, s[s.length * 99 / 100] / 1e3, s[s.length - 1] / 1e3,
                mean / 1e3, sd / 1e3, s.length);
    }
}
