package dev.demoforge.driver.serial;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

import dev.demoforge.device.api.DeviceConfig;
import dev.demoforge.device.api.DeviceContext;
import dev.demoforge.device.api.JointCommandable;
import dev.demoforge.device.api.Sample;
import dev.demoforge.device.api.VectorSample;
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
 * <p>
 * Teleoperation: as a {@link JointCommandable} it takes goal positions in the joint stream's order and units; only the
 * latest goal waits for the bus thread (one job at a time, latest wins), which writes it with one sync write between
 * two readings. Created with {@link #create} from a configuration naming a leader
 * ({@value JointCommandable#LEADER_PROPERTY}), it declares {@value JointCommandable#ACTION_STREAM}: every goal
 * written, stamped when the write went out; with torque off its own readings (kinesthetic teaching).
 *
 * @since 0.1
 */
public final class ServoArmDriver implements DeviceDriver, ServoArm, JointCommandable {

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
    private final boolean declaresAction;
    private final AtomicReference<double[]> nextGoal = new AtomicReference<>();
    private final AtomicBoolean goalJobQueued = new AtomicBoolean();
    private volatile boolean kinesthetic;

    public ServoArmDriver(ServoFamily family, ServoArmConfig config) {
        this(family, config, false);
    }

    private ServoArmDriver(ServoFamily family, ServoArmConfig config, boolean declaresAction) {
        this.family = family;
        this.config = config;
        this.calibration = config.calibration();
        this.commands = new ArmCommands(family, config);
        this.declaresAction = declaresAction;
    }

    /**
     * The driver of a configured device: {@link ServoArmConfig#parse}, and the action stream when the device names a
     * leader.
     *
     * @throws IllegalArgumentException naming the property when the configuration is unusable
     */
    public static ServoArmDriver create(ServoFamily family, DeviceConfig device) {
        return new ServoArmDriver(family, ServoArmConfig.parse(device, family),
                !device.property(LEADER_PROPERTY, "").isBlank());
    }

    public ServoArmConfig config() {
        return config;
    }

    @Override
    public List<StreamSpec> streams() {
        StreamSpec joints = StreamSpec.vector(JOINTS, StreamKind.JOINT_STATE, "rad", config.rateHz(), commandNames());
        return declaresAction ? List.of(joints, StreamSpec.vector(ACTION_STREAM, StreamKind.ACTION, "rad",
                config.rateHz(), commandNames())) : List.of(joints);
    }

    @Override
    public List<String> commandNames() {
        return config.jointNames().stream().map(n -> n + ".pos").toList();
    }

    @Override
    public void commandPositions(double[] positions) {
        BusWorker w = worker;
        if (w == null) {
            throw new IllegalStateException(config.deviceId() + " is not started");
        }
        if (positions.length != config.ids().size()) {
            throw new IllegalArgumentException(config.deviceId() + " takes " + config.ids().size() + " goals, got "
                    + positions.length);
        }
        for (double v : positions) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException(config.deviceId() + ": goal " + v + " is not a number");
            }
        }
        nextGoal.set(positions.clone());
        if (goalJobQueued.compareAndSet(false, true)) {
            w.submit((bus, models) -> {
                goalJobQueued.set(false);
                double[] goal = nextGoal.getAndSet(null);
                if (goal != null) {
                    commands.goalPositions(goal, w).run(bus, models);
                    DeviceContext ctx = context;
                    if (declaresAction && !kinesthetic && ctx != null) {
                        ctx.publish(ACTION_STREAM, new VectorSample(ctx.hostNanos(), Sample.NO_DEVICE_TIME, null,
                                goal));
                    }
                }
                return null;
            }).whenComplete((v, e) -> {
                if (e != null) {
                    goalJobQueued.set(false);
                }
            });
        }
    }

    @Override
    public void start(DeviceContext ctx) {
        synchronized (lifecycle) {
            if (worker != null) {
                return;
            }
            BusWorker w = new BusWorker(family, config, calibration, declaresAction ? new KinestheticEcho(ctx) : ctx,
                    counters, portLosses);
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
        CompletableFuture<Void> f = submit(commands.torque(on));
        f.thenRun(() -> kinesthetic = !on);
        return f;
    }

    @Override
    public void setTorque(boolean on) {
        if (worker == null) {
            throw new IllegalStateException(config.deviceId() + " is not started");
        }
        torque(on);
    }

    /** Publishes the joint readings also as the action while torque is off (kinesthetic teaching). */
    private final class KinestheticEcho implements DeviceContext {
        private final DeviceContext target;

        KinestheticEcho(DeviceContext target) {
            this.target = target;
        }

        @Override
        public DeviceConfig config() {
            return target.config();
        }

        @Override
        public void publish(String stream, Sample sample) {
            target.publish(stream, sample);
            if (kinesthetic && stream.equals(JOINTS)) {
                target.publish(ACTION_STREAM, sample);
            }
        }

        @Override
        public void status(DeviceStatus status) {
            target.status(status);
        }
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
