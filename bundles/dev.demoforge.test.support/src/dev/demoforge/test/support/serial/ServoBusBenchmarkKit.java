package dev.demoforge.test.support.serial;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dev.demoforge.device.api.DeviceConfig;
import dev.demoforge.device.api.DeviceDriver;
import dev.demoforge.test.support.CollectingDeviceContext;

/**
 * Benchmarks of a serial-bus driver over a socat pty pair, tagged {@code benchmark} (run with
 * {@code -DexcludedGroups=none}): the round trips of the protocol's instructions, timed back to back and printed next
 * to their wire time at the real baud rate ({@link #timeRoundTrips}), and the sample rate the driver reaches at
 * {@code rate_hz} 500 and 1000 with the bus's counters. A pty has no baud timing: bytes pass as fast as the two
 * threads run, so the wire time is the bound on real hardware. Every line printed starts with {@code BENCH} and the
 * driver id.
 * <p>
 * A driver's benchmark class extends this class, gives its {@link #setup()} and times its instructions; the base
 * class starts one {@link ServoBench} for the class.
 *
 * @param <E> the protocol's emulator
 * @since 0.2
 */
@Tag("benchmark")
public abstract class ServoBusBenchmarkKit<E extends ServoBankEmulator> extends ServoBusTest<E> {

    /** The rates of {@link #driverRateAtHighSettings()}, Hz. */
    public static final List<String> HIGH_RATES = List.of("500", "1000");

    /**
     * Opens the protocol on {@code hostPort} and times its instructions with {@link RoundTripTimer#time}; may print
     * the bus's counters afterwards.
     */
    protected abstract void timeRoundTrips(String hostPort, RoundTripTimer timer) throws Exception;

    /** The exception of a reply that came late or not at all (counted by the timer, not fatal). */
    protected abstract Class<? extends Exception> timeoutException();

    /** What one sample costs on the bus, for the rate line ("6 joints, 16-byte sync read"). */
    protected abstract String sampleDescription();

    /** The real bus's baud rate, for wire times. */
    protected int baud() {
        return 1_000_000;
    }

    /** How long each rate is measured. */
    protected Duration rateWindow() {
        return Duration.ofSeconds(3);
    }

    @Test
    void roundTripsAndSyncReadRates() throws Exception {
        timeRoundTrips(bench().pair().hostPort(), new RoundTripTimer(setup().driverId(), baud(), timeoutException()));
    }

    @Test
    void driverRateAtHighSettings() throws Exception {
        for (String rate : HIGH_RATES) {
            DeviceConfig cfg = bench().config("rate_hz", rate);
            CollectingDeviceContext ctx = start(cfg);
            DeviceDriver d = running();
            String stream = d.streams().get(0).name();
            ctx.awaitSamples(stream, 10, timeout());
            int n0 = ctx.count(stream);
            long t0 = System.nanoTime();
            Thread.sleep(rateWindow().toMillis());
            int n = ctx.count(stream) - n0;
            double seconds = (System.nanoTime() - t0) / 1e9;
            d.stop();
            System.out.printf("BENCH %s driver rate_hz=%s: %.0f samples/s (%s), %s%n", setup().driverId(), rate,
                    n / seconds, sampleDescription(), setup().counters().apply(d).summary());
        }
    }
}
