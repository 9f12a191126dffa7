package dev.demoforge.driver.serial;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Live counters of a servo bus, updated by the bus and its packet decoder, read as {@link BusStats} snapshots.
 * Thread-safe.
 *
 * @since 0.1
 */
public final class BusCounters {

    private final AtomicLong instructions = new AtomicLong();
    private final AtomicLong replies = new AtomicLong();
    private final AtomicLong timeouts = new AtomicLong();
    private final AtomicLong checksumErrors = new AtomicLong();
    private final AtomicLong malformed = new AtomicLong();
    private final AtomicLong garbageBytes = new AtomicLong();
    private final AtomicLong servoErrors = new AtomicLong();
    private volatile String lastServoError = "";

    public void instruction() {
        instructions.incrementAndGet();
    }

    public void reply() {
        replies.incrementAndGet();
    }

    public void timeouts(int n) {
        timeouts.addAndGet(n);
    }

    public void checksumError() {
        checksumErrors.incrementAndGet();
    }

    public void malformed() {
        malformed.incrementAndGet();
    }

    public void garbage(int bytes) {
        garbageBytes.addAndGet(bytes);
    }

    public void servoError(String what) {
        servoErrors.incrementAndGet();
        lastServoError = what;
    }

    public BusStats snapshot() {
        return new BusStats(instructions.get(), replies.get(), timeouts.get(), checksumErrors.get(), malformed.get(),
                garbageBytes.get(), servoErrors.get(), lastServoError);
    }
}
