package dev.demoforge.driver.serial.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The 15-bit millisecond tick of a servo, unwrapped into a device time. */
class TickClockTest {

    private static final long MS = 1_000_000L;

    @Test
    void wrapsAreCountedAndTimeNeverGoesBack() {
        TickClock c = new TickClock();
        assertEquals(32000 * MS, c.update(32000, 0));
        assertEquals(32700 * MS, c.update(32700, 700 * MS));
        assertEquals(32768 * MS + 100 * MS, c.update(100, 1100 * MS), "wrapped once");
        assertEquals(32768 * MS + 100 * MS, c.update(99, 1101 * MS), "a tick read out of order does not go back");
    }

    @Test
    void aGapLongerThanAWrapIsBridgedByTheHostClock() {
        TickClock c = new TickClock();
        c.update(1000, 0);
        // 70 s later (two wraps and a bit) the tick reads 1000 + 70000 - 65536
        long expected = (1000 + 70_000) * MS;
        assertEquals(expected, c.update(1000 + 70_000 - 2 * TickClock.WRAP_MS, 70_000 * MS));
    }
}
