package dev.demoforge.device.internal;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs driver calls on a thread of their own with a time limit, so that a driver that throws or blocks cannot take
 * the caller down. Threads are daemons named after the device; one thread per call in flight (calls are rare:
 * create, start, stop).
 */
final class DriverGuard implements AutoCloseable {

    /** A driver call that may throw anything. */
    @FunctionalInterface
    interface Call {
        void run() throws Exception;
    }

    private final AtomicInteger counter = new AtomicInteger();
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "driver-guard-" + counter.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    /**
     * Runs the call and waits at most {@code limit}.
     *
     * @return null when the call returned normally, otherwise a reason naming what happened
     */
    String run(String what, Duration limit, Call call) {
        Future<?> future = executor.submit(() -> {
            call.run();
            return null;
        });
        try {
            future.get(limit.toMillis(), TimeUnit.MILLISECONDS);
            return null;
        } catch (TimeoutException e) {
            future.cancel(true);
            return what + " did not return within " + limit.toMillis() + " ms";
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            return what + " failed: " + cause.getClass().getSimpleName()
                    + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return what + " interrupted";
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
