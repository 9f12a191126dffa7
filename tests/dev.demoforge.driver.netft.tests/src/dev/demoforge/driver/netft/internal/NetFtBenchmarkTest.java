package dev.demoforge.driver.netft.internal;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dev.demoforge.device.api.DeviceConfig;
import dev.demoforge.device.api.VectorSample;
import dev.demoforge.test.support.LatencyFigures;
import dev.demoforge.test.support.StreamRecording;

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
            StreamRecording rec = StreamRecording.record(d, cfg, NetFtDriver.WRENCH, 200, Duration.ofSeconds(5));
            long[] latency = rec.latencyNanos(r -> emu.sentAt(
                    Math.round(((VectorSample) r.sample()).values()[4] * NetFtEmulator.COUNTS_PER_UNIT)));
            var st = d.stats();
            System.out.printf("BENCH netft 1 kHz: %.1f records/s over %.1f s, loss %.3f%% (%s)%n", rec.rate(),
                    rec.seconds(), 100.0 * st.lost() / (st.records() + st.lost()), st.summary());
            System.out.println("BENCH netft inter-arrival " + LatencyFigures.ofNanos(rec.interArrivalNanos())
                    + " (nominal 1000 us)");
            System.out.println("BENCH netft emulator send -> driver publish " + LatencyFigures.ofNanos(latency));
            System.out.println("BENCH netft one-record request round trip "
                    + LatencyFigures.ofNanos(requestRoundTrips(emu, 2000)));
        }
        System.out.println("BENCH baseline raw UDP loopback 36-byte echo round trip "
                + LatencyFigures.ofNanos(udpEcho(5000)));
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
}
