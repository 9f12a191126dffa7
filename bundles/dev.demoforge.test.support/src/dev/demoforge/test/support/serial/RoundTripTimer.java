package dev.demoforge.test.support.serial;

import dev.demoforge.test.support.LatencyFigures;

/**
 * Times request/reply exchanges on a serial bus back to back and prints one {@code BENCH} line each, next to the time
 * the same bytes take on the wire at the bus's baud rate (8N1: ten bits a byte, no return delay). Exchanges that
 * fail with the bus's timeout exception are counted and reported, not rethrown: on a loaded machine a reply can come
 * late. Not thread-safe; used by {@link ServoBusBenchmarkKit}.
 *
 * @since 0.2
 */
public final class RoundTripTimer {

    /** One exchange: send an instruction and wait for its replies. */
    @FunctionalInterface
    public interface Exchange {
        void run() throws Exception;
    }

    private final String label;
    private final int baud;
    private final Class<? extends Exception> timeout;

    /**
     * @param label   first word after {@code BENCH} ("dynamixel")
     * @param baud    bits per second of the real bus, for the wire time
     * @param timeout the exception a late or missing reply raises; other exceptions fail the benchmark
     */
    public RoundTripTimer(String label, int baud, Class<? extends Exception> timeout) {
        this.label = label;
        this.baud = baud;
        this.timeout = timeout;
    }

    /**
     * Runs {@code exchange} {@code times} times and prints its round trips (p50, p90, p99, mean, rate) next to the
     * wire time of {@code bytesOut} plus {@code bytesIn}.
     *
     * @return the round trips
     */
    public LatencyFigures time(String what, int times, int bytesOut, int bytesIn, Exchange exchange) throws Exception {
        long[] t = new long[times];
        int failed = 0;
        for (int i = 0; i < times; i++) {
            long t0 = System.nanoTime();
            try {
                exchange.run();
            } catch (Exception e) {
                if (!timeout.isInstance(e)) {
                    throw e;
                }
                failed++;
            }
            t[i] = System.nanoTime() - t0;
        }
        if (failed > 0) {
            System.out.println("BENCH " + failed + " of " + times + " exchanges timed out (machine load)");
        }
        LatencyFigures f = LatencyFigures.ofNanos(t);
        double wireMicros = wireMicros(bytesOut + bytesIn);
        System.out.printf("BENCH %s %-24s pty: p50 %5.0f us, p90 %5.0f us, p99 %5.0f us, mean %5.0f us"
                + " (%4.0f /s back to back); %s wire %5.0f us (max %4.0f /s)%n", label, what, f.p50Micros(),
                f.p90Micros(), f.p99Micros(), f.meanMicros(), 1e6 / f.meanMicros(), baudName(), wireMicros,
                1e6 / wireMicros);
        return f;
    }

    /** Wire time of {@code bytes} at the baud rate, 8N1, µs. */
    public double wireMicros(int bytes) {
        return bytes * 10.0 * 1e6 / baud;
    }

    private String baudName() {
        return baud % 1_000_000 == 0 ? baud / 1_000_000 + " Mbaud" : baud + " baud";
    }
}
