package dev.demoforge.driver.netft.internal;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dev.demoforge.device.api.DeviceConfig;
import dev.demoforge.device.api.DeviceStatus.State;
import dev.demoforge.device.api.VectorSample;
import dev.demoforge.test.support.CollectingDeviceContext;
import dev.demoforge.test.support.CollectingDeviceContext.Received;

/**
 * Figures for docs/performance.md: the Net F/T driver at 1 kHz against the emulator on loopback UDP (achieved rate,
 * loss, inter-arrival jitter, one-way latency from the emulator's send to the driver's publish on this JVM's clock)
 * and the round trip of a one-record request, next to a raw loopback UDP echo of 36 bytes. Run on request:
 * {@code -DexcludedGroups=none -Dtest=NetFtBenchmarkTest}.
 */
@Tag("benchmark")
class NetFtBenchmarkTest {

    @Test
    void streamingAt1kHz() throws Exception {
        try (NetFtEmulator emu = NetFtEmulator.start(1000)) {
            emu.keepSentTimes = true;
            DeviceConfig cfg = NetFtBench.config(emu.port());
            NetFtDriver d = (NetFtDriver) new NetFtDriverFactory().create(cfg);
            CollectingDeviceContext ctx = new CollectingDeviceContext(cfg);
            d.start(ctx);
            ctx.awaitState(State.ONLINE, Duration.ofSeconds(5));
            ctx.awaitSamples(NetFtDriver.WRENCH, 200, Duration.ofSeconds(5));
            int skip = ctx.count(NetFtDriver.WRENCH);
            Thread.sleep(5000);
            d.stop();
            List<Received> got = ctx.samples(NetFtDriver.WRENCH);
            got = got.subList(skip, got.size());
            double seconds = (got.getLast().hostNanos() - got.getFirst().hostNanos()) / 1e9;
            long[] gaps = new long[got.size() - 1];
            long[] latency = new long[got.size()];
            int matched = 0;
            for (int i = 0; i < got.size(); i++) {
                if (i > 0) {
                    gaps[i - 1] = got.get(i).hostNanos() - got.get(i - 1).hostNanos();
                }
                long seq = Math.round(((VectorSample) got.get(i).sample()).values()[4] * NetFtEmulator.COUNTS_PER_UNIT);
                Long sent = emu.sentAt(seq);
                if (sent != null) {
                    latency[matched++] = got.get(i).hostNanos() - sent;
                }
            }
            var st = d.stats();
            System.out.printf("BENCH netft 1 kHz: %.1f records/s over %.1f s, loss %.3f%% (%s)%n",
                    (got.size() - 1) / seconds, seconds, 100.0 * st.lost() / (st.records() + st.lost()), st.summary());
            System.out.println("BENCH netft inter-arrival " + percentiles(gaps) + " (nominal 1000 us)");
            System.out.println("BENCH netft emulator send -> driver publish " + percentiles(Arrays.copyOf(latency,
                    matched)));
            System.out.println("BENCH netft one-record request round trip " + percentiles(requestRoundTrips(emu,
                    2000)));
        }
        System.out.println("BENCH baseline raw UDP loopback 36-byte echo round trip " + percentiles(udpEcho(5000)));
    }

    /** Request one record (command 2, count 1) and wait for it, ns each. */
    private static long[] requestRoundTrips(NetFtEmulator emu, int n) throws Exception {
        try (DatagramSocket s = new DatagramSocket()) {
            s.connect(InetAddress.getLoopbackAddress(), emu.port());
            s.setSoTimeout(1000);
            byte[] req = Rdt.request(Rdt.START_REALTIME, 1);
            DatagramPacket in = new DatagramPacket(new byte[64], 64);
            long[] t = new long[n];
            for (int i = 0; i < n; i++) {
                long t0 = System.nanoTime();
                s.send(new DatagramPacket(req, req.length));
                s.receive(in);
                t[i] = System.nanoTime() - t0;
            }
            return t;
        }
    }

    private static long[] udpEcho(int n) throws Exception {
        try (DatagramSocket server = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
                DatagramSocket c = new DatagramSocket()) {
            Thread echo = new Thread(() -> {
                DatagramPacket p = new DatagramPacket(new byte[64], 64);
                try {
                    while (true) {
                        server.receive(p);
                        server.send(new DatagramPacket(p.getData(), p.getLength(), p.getSocketAddress()));
                    }
                } catch (Exception e) {
                    // closed
                }
            }, "netft-emulator-echo");
            echo.setDaemon(true);
            echo.start();
            c.connect(server.getLocalSocketAddress());
            byte[] b = new byte[36];
            DatagramPacket in = new DatagramPacket(new byte[64], 64);
            long[] t = new long[n];
            for (int i = 0; i < n; i++) {
                long t0 = System.nanoTime();
                c.send(new DatagramPacket(b, b.length));
                c.receive(in);
                t[i] = System.nanoTime() - t0;
            }
            return t;
        }
    }

    private static String percentiles(long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        double mean = Arrays.stream(s).average().orElse(0);
        double sd = Math.sqrt(Arrays.stream(s).mapToDouble(v -> (v - mean) * (v - mean)).average().orElse(0));
        return String.format("p50 %.0f us, p90 %.0f us, p99 %.0f us, max %.0f us, mean %.0f us, sd %.0f us (n=%d)",
                s[s.length / 2] / 1e3, s[s.length * 9 / 10] / 1e3, s[s.length * 99 / 100] / 1e3, s[s.length - 1] / 1e3,
                mean / 1e3, sd / 1e3, s.length);
    }
}
