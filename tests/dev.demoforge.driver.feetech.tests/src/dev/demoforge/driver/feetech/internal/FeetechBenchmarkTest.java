package dev.demoforge.driver.feetech.internal;

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
 * A Feetech ping is a ping plus a read of the model (the ping reply carries none).
 * Run on request: {@code -DexcludedGroups=none -Dtest=FeetechBenchmarkTest}.
 */
class FeetechBenchmarkTest extends ServoBusBenchmarkKit<FeetechEmulator> {

    private static final List<Integer> SIX = List.of(1, 2, 3, 4, 5, 6);

    @Override
    protected ServoBusSetup<FeetechEmulator> setup() {
        return Bench.SETUP;
    }

    @Override
    protected void timeRoundTrips(String hostPort, RoundTripTimer timer) throws Exception {
        try (SerialLink link = SerialLink.open(hostPort, baud())) {
            ScsBus bus = new ScsBus(link, new BusCounters(), Duration.ofMillis(100));
            for (int i = 0; i < 200; i++) {
                bus.syncRead(SIX, 56, 2);
            }
            timer.time("ping, 1 servo", 3000, 6 + 8, 6 + 11, () -> bus.ping(1));
            timer.time("read 2 bytes, 1 servo", 3000, 8, 8, () -> bus.read(1, 56, 2));
            timer.time("sync read 2 bytes x 6", 3000, 14, 6 * 8, () -> bus.syncRead(SIX, 56, 2));
            System.out.println("BENCH " + bus.stats());
        }
    }

    @Override
    protected Class<? extends Exception> timeoutException() {
        return ServoBusException.class;
    }

    @Override
    protected String sampleDescription() {
        return "6 joints, 2-byte sync read";
    }
}
