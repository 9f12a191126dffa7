package dev.demoforge.test.support.serial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** The round-trip timer times every exchange, counts the bus's timeouts and lets other failures through. */
class RoundTripTimerTest {

    private final RoundTripTimer timer = new RoundTripTimer("test", 1_000_000, SocketTimeoutException.class);

    @Test
    void timesEveryExchangeAndCountsTimeoutsWithoutFailing() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        var figures = timer.time("sleep 1 ms", 20, 10, 14, () -> {
            if (runs.incrementAndGet() % 5 == 0) {
                throw new SocketTimeoutException("late");
            }
            Thread.sleep(1);
        });
        assertEquals(20, runs.get());
        assertEquals(20, figures.count());
        assertTrue(figures.p90Micros() >= 1000, figures.toString());
    }

    @Test
    void otherExceptionsFailTheBenchmark() {
        assertThrows(IOException.class, () -> timer.time("broken", 3, 1, 1, () -> {
            throw new IOException("port lost");
        }));
    }

    @Test
    void wireTimeIsTenBitsAByteAtTheBaudRate() {
        assertEquals(240, timer.wireMicros(24), 1e-9);
        assertEquals(2500, new RoundTripTimer("slow", 96_000, IOException.class).wireMicros(24), 1e-9);
    }
}
