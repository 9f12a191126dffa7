package dev.demoforge.driver.serial;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import dev.demoforge.device.api.DeviceContext;
import dev.demoforge.device.api.DeviceDriver;
import dev.demoforge.device.api.DeviceStatus;
import dev.demoforge.device.api.StreamKind;
import dev.demoforge.device.api.StreamSpec;
import dev.demoforge.driver.serial.internal.ArmCommands;
import dev.demoforge.driver.serial.internal.BusWorker;

/**
 * An arm of bus servos of one {@link ServoFamily} on one serial port, as a {@link DeviceDriver}: stream
 * {@value #JOINTS} carries the present position of every joint in radians (after {@link Calibration}) at
 * {@code rate_hz}, read with one sync read per cycle. Host times are taken when the last reply of a reading
 * arrived; where the family's poll block holds a realtime tick (Dynamixel), the first servo's tick, unwrapped, is
 * the device time (clock id {@code <driver>:<device>:id<first id>}, 1 ms resolution).
 * <p>
 * Lifecycle: {@link #start} starts the bus thread ({@code demoforge-<driver>-<device>}) and returns at once;
 * connecting, identification and every failure are reported as statuses (see {@link ServoArmConfig} for the
 * timings). {@link #stop} ends the thread and closes the port within 1.5 s. Both are idempotent; a stopped driver
 * may be started again. Thread-safe.
 *
 * @since 0.1
 */
public final class ServoArmDriver implements DeviceDriver, ServoArm {

    /** Name of the joint-position stream. */
    public static final String JOINTS = "joints";
    private static final long JOIN_MILLIS = 1500;

    private final ServoFamily family;
    private final ServoArmConfig config;
    private final ArmCommands commands;
    private final BusCounters counters = new BusCounters();
    private final AtomicLong portLosses = new AtomicLong();
    private final Object lifecycle = new Object();
    private volatile BusWorker worker;
    private volatile Calibration calibration;
    private Thread thread;
    private DeviceContext context;

    public ServoArmDriver(ServoFamily family, ServoArmConfig config) {
        this.family = family;
        this.config = config;
        this.calibration = config.calibration();
        this.commands = new ArmCommands(family, config);
    }

    public ServoArmConfig config() {
        return config;
    }

    @Override
    public List<StreamSpec> streams() {
        return List.of(StreamSpec.vector(JOINTS, StreamKind.JOINT_STATE, "rad", config.rateHz(),
                config.jointNames().stream().map(n -> n + ".pos").toList()));
    }

    @Override
    public void start(DeviceContext ctx) {
        synchronized (lifecycle) {
            if (worker != null) {
                return;
            }
            BusWorker w = new BusWorker(family, config, calibration, ctx, counters, portLosses);
            thread = new Thread(w, "demoforge-" + family.driverId() + "-" + config.deviceId());
            thread.setDaemon(true);
            context = ctx;
            worker = w;
            ctx.status(new DeviceStatus(DeviceStatus.State.CONNECTING, "opening " + config.port() + " at "
                    + config.baud() + " baud"));
            thread.start();
        }
    }

    @Override
    public void stop() throws InterruptedException {
        BusWorker w;
        Thread t;
        DeviceContext ctx;
        synchronized (lifecycle) {
            w = worker;
            t = thread;
            ctx = context;
            worker = null;
            thread = null;
            context = null;
        }
        if (w == null) {
            return;
        }
        w.requestStop();
        LockSupport.unpark(t);
        t.join(JOIN_MILLIS);
        calibration = w.calibration();
        ctx.status(t.isAlive()
                ? DeviceStatus.failed(config.deviceId() + ": bus thread did not end within " + JOIN_MILLIS + " ms")
                : DeviceStatus.offline("stopped"));
    }

    @Override
    public List<Integer> ids() {
        return config.ids();
    }

    @Override
    public CompletableFuture<Void> torque(boolean on) {
        return submit(commands.torque(on));
    }

    @Override
    public CompletableFuture<Void> mode(OperatingMode mode) {
        return submit(commands.mode(mode));
    }

    @Override
    public CompletableFuture<Void> goalPositions(double[] radians) {
        BusWorker w = worker;
        return w == null ? notRunning() : w.submit(commands.goalPositions(radians.clone(), w));
    }

    @Override
    public CompletableFuture<Void> goalCurrents(double[] milliamps) {
        return submit(commands.goalCurrents(milliamps.clone()));
    }

    @Override
    public CompletableFuture<Calibration> calibrateHoming() {
        BusWorker w = worker;
        return w == null ? notRunning() : w.submit(commands.calibrateHoming(w));
    }

    @Override
    public Calibration calibration() {
        BusWorker w = worker;
        return w == null ? calibration : w.calibration();
    }

    @Override
    public Map<Integer, ServoModel> models() {
        BusWorker w = worker;
        return w == null ? Map.of() : w.models();
    }

    @Override
    public BusStats busStats() {
        return counters.snapshot();
    }

    @Override
    public long portLosses() {
        return portLosses.get();
    }

    private <T> CompletableFuture<T> submit(BusWorker.Job<T> job) {
        BusWorker w = worker;
        return w == null ? notRunning() : w.submit(job);
    }

    private <T> CompletableFuture<T> notRunning() {
        return CompletableFuture.failedFuture(new IllegalStateException(config.deviceId() + " is not started"));
    }
}
