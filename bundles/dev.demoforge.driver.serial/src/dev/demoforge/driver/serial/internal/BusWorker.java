package dev.demoforge.driver.serial.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import dev.demoforge.device.api.DeviceContext;
import dev.demoforge.device.api.DeviceStatus;
import dev.demoforge.device.api.Sample;
import dev.demoforge.device.api.VectorSample;
import dev.demoforge.driver.serial.BusCounters;
import dev.demoforge.driver.serial.Calibration;
import dev.demoforge.driver.serial.Field;
import dev.demoforge.driver.serial.Register;
import dev.demoforge.driver.serial.SerialLink;
import dev.demoforge.driver.serial.SerialLinkException;
import dev.demoforge.driver.serial.ServoArmConfig;
import dev.demoforge.driver.serial.ServoBus;
import dev.demoforge.driver.serial.ServoFamily;
import dev.demoforge.driver.serial.ServoIdentity;
import dev.demoforge.driver.serial.ServoModel;

/**
 * The bus thread of one arm: opens the port, identifies the servos, then reads present positions with one sync read
 * per cycle at the configured rate, publishing "joints" and running queued commands between readings. Expected
 * failures become statuses with reasons, never exceptions: a missing or busy port (retried every
 * {@code reconnect_ms}), servos that do not answer or are of another model, readings that stay incomplete for
 * {@code offline_after_ms} (OFFLINE; ONLINE again when they return), a lost port (closed, counted, reopened).
 * Cycles are paced to absolute deadlines; a thread woken late catches up on up to {@value #MAX_BACKLOG} cycles, so
 * the average rate holds on a loaded machine.
 */
public final class BusWorker implements Runnable {

    /** Cycles a late thread may catch up on (read back to back) before it gives up the lost ones. */
    private static final int MAX_BACKLOG = 5;

    /** A command run on the bus thread. */
    @FunctionalInterface
    public interface Job<T> {
        T run(ServoBus bus, Map<Integer, ServoModel> models) throws Exception;
    }

    private record Queued<T>(Job<T> job, CompletableFuture<T> future) {
        void run(ServoBus bus, Map<Integer, ServoModel> models) {
            try {
                future.complete(job.run(bus, models));
            } catch (Exception | Error e) {
                future.completeExceptionally(e);
            }
        }
    }

    private final ServoFamily family;
    private final ServoArmConfig config;
    private final DeviceContext context;
    private final BusCounters counters;
    private final AtomicLong portLosses;
    private final ConcurrentLinkedQueue<Queued<?>> queue = new ConcurrentLinkedQueue<>();
    private final TickClock tickClock = new TickClock();
    private final String clockId;
    private volatile boolean stop;
    private volatile Map<Integer, ServoModel> models = Map.of();
    private volatile Calibration calibration;
    private SerialLink link;
    private ServoBus bus;
    private DeviceStatus reported;
    private boolean online;
    private long lastComplete;

    public BusWorker(ServoFamily family, ServoArmConfig config, Calibration calibration, DeviceContext context,
            BusCounters counters, AtomicLong portLosses) {
        this.family = family;
        this.config = config;
        this.calibration = calibration;
        this.context = context;
        this.counters = counters;
        this.portLosses = portLosses;
        this.clockId = family.driverId() + ":" + config.deviceId() + ":id" + config.ids().get(0);
    }

    public void requestStop() {
        stop = true;
    }

    public Map<Integer, ServoModel> models() {
        return models;
    }

    public Calibration calibration() {
        return calibration;
    }

    public void calibration(Calibration c) {
        calibration = c;
    }

    /** Queues a command; fails at once when stopping. */
    public <T> CompletableFuture<T> submit(Job<T> job) {
        CompletableFuture<T> f = new CompletableFuture<>();
        if (stop) {
            f.completeExceptionally(new IllegalStateException(config.deviceId() + " is stopped"));
        } else {
            queue.add(new Queued<>(job, f));
        }
        return f;
    }

    @Override
    public void run() {
        try {
            loop();
        } catch (RuntimeException | Error e) {
            report(DeviceStatus.failed(config.deviceId() + ": bus thread stopped: " + e));
        } finally {
            closeLink();
            Queued<?> q;
            while ((q = queue.poll()) != null) {
                q.future().completeExceptionally(new IllegalStateException(config.deviceId() + " stopped"));
            }
        }
    }

    private void loop() {
        long period = Math.round(1e9 / config.rateHz());
        long next = System.nanoTime();
        while (!stop) {
            if (bus == null && !connect()) {
                pause(config.reconnect().toNanos());
                next = System.nanoTime();
                continue;
            }
            try {
                runCommands();
                poll();
            } catch (SerialLinkException e) {
                portLosses.incrementAndGet();
                closeLink();
                online = false;
                report(DeviceStatus.offline(e.getMessage() + "; reopening every " + config.reconnect().toMillis() + " ms"));
                continue;
            }
            next += period;
            long now = System.nanoTime();
            if (now - next > MAX_BACKLOG * period) {
                next = now;
            }
            pause(next - now);
        }
    }

    /** Opens the port if needed and identifies every configured servo; false (with a status) when not ready. */
    private boolean connect() {
        try {
            if (link == null) {
                link = SerialLink.open(config.port(), config.baud());
            }
            ServoBus b = family.open(link, counters, config.replyTimeout());
            Map<Integer, ServoModel> found = new HashMap<>();
            List<String> problems = new ArrayList<>();
            List<Integer> silent = new ArrayList<>();
            for (int id : config.ids()) {
                Optional<ServoIdentity> who = b.ping(id);
                if (who.isEmpty()) {
                    who = b.ping(id);
                }
                if (who.isEmpty()) {
                    silent.add(id);
                    continue;
                }
                int number = who.get().modelNumber();
                ServoModel expected = config.models().get(id);
                Optional<ServoModel> actual = family.model(number);
                if (expected != null && expected.number() != number) {
                    problems.add("id " + id + " is " + actual.map(ServoModel::name).orElse("model " + number)
                            + ", configured " + expected.name());
                } else if (actual.isEmpty()) {
                    problems.add("id " + id + " reports unknown model " + number);
                } else {
                    found.put(id, actual.get());
                }
            }
            if (!silent.isEmpty()) {
                problems.add(0, "ids " + silent + " do not answer on " + config.port() + " at " + config.baud() + " baud");
            }
            if (!problems.isEmpty()) {
                report(DeviceStatus.offline(String.join("; ", problems) + "; retrying every "
                        + config.reconnect().toMillis() + " ms"));
                return false;
            }
            models = Map.copyOf(found);
            bus = b;
            online = true;
            lastComplete = System.nanoTime();
            report(DeviceStatus.online());
            return true;
        } catch (SerialLinkException e) {
            if (e.kind() == SerialLinkException.Kind.LOST) {
                portLosses.incrementAndGet();
            }
            closeLink();
            report(DeviceStatus.offline(e.getMessage() + "; retrying every " + config.reconnect().toMillis() + " ms"));
            return false;
        } catch (IOException e) {
            report(DeviceStatus.offline(config.port() + ": " + e.getMessage()));
            return false;
        }
    }

    private void runCommands() throws SerialLinkException {
        Queued<?> q;
        while ((q = queue.poll()) != null) {
            q.run(bus, models);
            if (q.future().isCompletedExceptionally()) {
                Throwable cause = q.future().exceptionNow();
                if (cause instanceof SerialLinkException lost) {
                    throw lost;
                }
            }
        }
    }

    private void poll() throws SerialLinkException {
        ServoFamily.PollBlock block = family.pollBlock();
        Map<Integer, byte[]> data = read(block);
        long host = System.nanoTime();
        if (data.size() < config.ids().size()) {
            if (online && host - lastComplete > config.offlineAfter().toNanos()) {
                online = false;
                List<Integer> missing = config.ids().stream().filter(id -> !data.containsKey(id)).toList();
                report(DeviceStatus.offline("no complete reading for " + config.offlineAfter().toMillis() + " ms: ids "
                        + missing + " did not answer intact (" + counters.snapshot().summary() + ")"));
            }
            return;
        }
        Calibration cal = calibration;
        double[] q = new double[config.ids().size()];
        long device = Sample.NO_DEVICE_TIME;
        for (int i = 0; i < q.length; i++) {
            int id = config.ids().get(i);
            ServoModel model = models.get(id);
            Field pos = model.require(Register.PRESENT_POSITION);
            int raw = pos.decode(data.get(id), pos.address() - block.address());
            q[i] = cal.toRadians(id, raw, model.resolution());
            if (i == 0) {
                Optional<Field> tick = model.field(Register.REALTIME_TICK);
                if (tick.isPresent() && tick.get().address() >= block.address()
                        && tick.get().address() + tick.get().size() <= block.address() + block.length()) {
                    device = tickClock.update(tick.get().decode(data.get(id), tick.get().address() - block.address()),
                            host);
                }
            }
        }
        context.publish(dev.demoforge.driver.serial.ServoArmDriver.JOINTS, new VectorSample(host, device,
                device == Sample.NO_DEVICE_TIME ? null : clockId, q));
        lastComplete = host;
        if (!online) {
            online = true;
            report(DeviceStatus.online());
        }
    }

    private Map<Integer, byte[]> read(ServoFamily.PollBlock block) throws SerialLinkException {
        try {
            return bus.syncRead(config.ids(), block.address(), block.length());
        } catch (SerialLinkException e) {
            throw e;
        } catch (IOException e) {
            return Map.of();
        }
    }

    private void report(DeviceStatus s) {
        if (!s.equals(reported) && !stop) {
            reported = s;
            context.status(s);
        }
    }

    private void pause(long nanos) {
        long deadline = System.nanoTime() + nanos;
        long left;
        while (!stop && (left = deadline - System.nanoTime()) > 0) {
            LockSupport.parkNanos(this, Math.min(left, 50_000_000L));
        }
    }

    private void closeLink() {
        bus = null;
        if (link != null) {
            link.close();
            link = null;
        }
    }
}
