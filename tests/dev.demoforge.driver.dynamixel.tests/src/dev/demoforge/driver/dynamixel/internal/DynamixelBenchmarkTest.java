package dev.demoforge.driver.dynamixel.internal;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import dev.demoforge.device.api.DeviceStatus.State;
import dev.demoforge.driver.serial.BusCounters;
import dev.demoforge.driver.serial.SerialLink;
import dev.demoforge.driver.serial.ServoArmDriver;
import dev.demoforge.test.support.CollectingDeviceContext;

/**
 * Figures for docs/performance.md: round trips and sync-read rates of six servos over a pty pair (no baud timing:
 * the kernel passes bytes as fast as the two threads run), next to the wire time the same packets take at 1 Mbaud.
 * Run on request: {@code -DexcludedGroups=none -Dtest=DynamixelBenchmarkTest}.
 */
@Tag("benchmark")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DynamixelBenchmarkTest {

    private static final List<Integer> SIX = List.of(1, 2, 3, 4, 5, 6);
    private Bench bench;

    @BeforeAll
    void startBench() throws Exception {
        bench = new Bench("bench");
    }

    @AfterAll
    void stopBench() throws Exception {
        bench.close();
    }

    @Test
    void roundTripsAndSyncReadRates() throws Exception {
        try (SerialLink link = SerialLink.open(bench.pair.hostPort(), 1_000_000)) {
            Protocol2Bus bus = new Protocol2Bus(link, new BusCounters(), Duration.ofMillis(100));
            for (int i = 0; i < 200; i++) {
                bus.syncRead(SIX, 120, 16);
            }
            report("ping, 1 servo", time(3000, () -> bus.ping(1)), wire(10, 14));
            report("read 4 bytes, 1 servo", time(3000, () -> bus.read(1, 132, 4)), wire(14, 15));
            report("sync read 4 bytes x 6", time(3000, () -> bus.syncRead(SIX, 132, 4)),
                    wire(20, 6 * 15));
            report("sync read 16 bytes x 6", time(3000, () -> bus.syncRead(SIX, 120, 16)),
                    wire(20, 6 * 27));
            System.out.println("BENCH " + bus.stats());
        }
    }

    @Test
    void driverRateAtHighSettings() throws Exception {
        for (String rate : List.of("500", "1000")) {
            dev.demoforge.device.api.DeviceConfig cfg = bench.config("rate_hz", rate);
            ServoArmDriver d = (ServoArmDriver) new DynamixelDriverFactory().create(cfg);
            CollectingDeviceContext ctx = new CollectingDeviceContext(cfg);
            d.start(ctx);
            ctx.awaitState(State.ONLINE, Duration.ofSeconds(5));
            ctx.awaitSamples(ServoArmDriver.JOINTS, 10, Duration.ofSeconds(5));
            int n0 = ctx.count(ServoArmDriver.JOINTS);
            long t0 = System.nanoTime();
            Thread.sleep(3000);
            int n = ctx.count(ServoArmDriver.JOINTS) - n0;
            double seconds = (System.nanoTime() - t0) / 1e9;
            d.stop();
            System.out.printf("BENCH dynamixel driver rate_hz=%s: %.0f samples/s (6 joints, 16-byte sync read), %s%n",
                    rate, n / seconds, d.busStats().summary());
        }
    }

    /** Wire time at 1 Mbaud, 8N1 (10 bits per byte), without return delay, µs. */
    private static double wire(int bytesOut, int bytesIn) {
        return (bytesOut + bytesIn) * 10.0;
    }

    private static void report(String what, long[] nanos, double wireMicros) {
        Arrays.sort(nanos);
        double mean = Arrays.stream(nanos).average().orElse(0) / 1e3;
        System.out.printf("BENCH dynamixel %-24s pty: p50 %5.0f us, p90 %5.0f us, p99 %5.0f us, mean %5.0f us"
                + " (%4.0f /s back to back); 1 Mbaud wire %5.0f us (max %4.0f /s)%n", what, nanos[nanos.length / 2] / 1e3,
                nanos[nanos.length * 9 / 10] / 1e3, nanos[nanos.length * 99 / 100] / 1e3, mean, 1e6 / mean, wireMicros,
                1e6 / wireMicros);
    }

    private interface Exchange {
        void run() throws Exception;
    }

    private static long[] time(int n, Exchange e) throws Exception {
        long[] t = new long[n];
        int failed = 0;
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            try {
                e.run();
            } catch (dev.demoforge.driver.serial.ServoBusException timeout) {
                failed++;
            }
            t[i] = System.nanoTime() - t0;
        }
        if (failed > 0) {
            System.out.println("BENCH " + failed + " of " + n + " exchanges timed out (machine load)");
        }
        return t;
    }
}
