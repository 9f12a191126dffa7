package dev.demoforge.driver.dynamixel.internal;

import java.time.Duration;
import java.util.List;

import dev.demoforge.driver.serial.BusCounters;
import dev.demoforge.driver.serial.SerialLink;
import dev.demoforge.driver.serial.ServoBusException;
import dev.demoforge.test.support.serial.RoundTripTimer;
import dev.demoforge.test.support.serial.ServoBusBenchmarkKit;
import dev.demoforge.test.support.serial.ServoBusSetup;

/**
 * Figures for docs/performance.md: round trips and sync-read rates of six servos over a pty pair (no baud timing:
 * the kernel passes bytes as fast as the two threads run), next to the wire time the same packets take at 1 Mbaud.
 * Run on request: {@code -DexcludedGroups=none -Dtest=DynamixelBenchmarkTest}.
 */
class DynamixelBenchmarkTest extends ServoBusBenchmarkKit<DynamixelEmulator> {

    private static final List<Integer> SIX = List.of(1, 2, 3, 4, 5, 6);

    @Override
    protected ServoBusSetup<DynamixelEmulator> setup() {
        return Bench.SETUP;
    }

    @Override
    protected void timeRoundTrips(String hostPort, RoundTripTimer timer) throws Exception {
        try (SerialLink link = SerialLink.open(hostPort, baud())) {
            Protocol2Bus bus = new Protocol2Bus(link, new BusCounters(), Duration.ofMillis(100));
            for (int i = 0; i < 200; i++) {
                bus.syncRead(SIX, 120, 16);
            }
            timer.time("ping, 1 servo", 3000, 10, 14, () -> bus.ping(1));
            timer.time("read 4 bytes, 1 servo", 3000, 14, 15, () -> bus.read(1, 132, 4));
            timer.time("sync read 4 bytes x 6", 3000, 20, 6 * 15, () -> bus.syncRead(SIX, 132, 4));
            timer.time("sync read 16 bytes x 6", 3000, 20, 6 * 27, () -> bus.syncRead(SIX, 120, 16));
            System.out.println("BENCH " + bus.stats());
        }
    }

    @Override
    protected Class<? extends Exception> timeoutException() {
        return ServoBusException.class;
    }

    @Override
    protected String sampleDescription() {
        return "6 joints, 16-byte sync read";
    }
}
