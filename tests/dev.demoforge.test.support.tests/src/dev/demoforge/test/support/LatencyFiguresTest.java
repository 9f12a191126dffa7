package dev.demoforge.test.support;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Percentiles, mean and spread of benchmark durations, and their printed form. */
class LatencyFiguresTest {

    @Test
    void percentilesAreTakenFromTheSortedValuesWithoutChangingThem() {
        long[] nanos = new long[100];
        for (int i = 0; i < nanos.length; i++) {
            nanos[i] = (100 - i) * 1000L;
        }
        long[] copy = nanos.clone();
        LatencyFigures f = LatencyFigures.ofNanos(nanos);
        assertArrayEquals(copy, nanos, "input sorted in place");
        assertEquals(51, f.p50Micros(), 1e-9);
        assertEquals(91, f.p90Micros(), 1e-9);
        assertEquals(100, f.p99Micros(), 1e-9);
        assertEquals(100, f.maxMicros(), 1e-9);
        assertEquals(50.5, f.meanMicros(), 1e-9);
        assertEquals(Math.sqrt((100 * 100 - 1) / 12.0), f.sdMicros(), 1e-9);
        assertEquals(100, f.count());
    }

    @Test
    void printsMicrosecondsAndCount() {
        LatencyFigures f = LatencyFigures.ofNanos(new long[] {40_000, 40_000, 60_000, 60_000});
        assertEquals("p50 60 us, p90 60 us, p99 60 us, max 60 us, mean 50 us, sd 10 us (n=4)", f.toString());
    }

    @Test
    void noDurationsIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> LatencyFigures.ofNanos(new long[0]));
    }
}
