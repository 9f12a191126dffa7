package dev.demoforge.driver.sim.internal;

import java.util.ArrayList;
import java.util.List;

import dev.demoforge.device.api.DeviceConfig;
import dev.demoforge.device.api.DeviceContext;
import dev.demoforge.device.api.JointCommandable;
import dev.demoforge.device.api.Sample;
import dev.demoforge.device.api.VectorSample;
import dev.demoforge.device.api.StreamKind;
import dev.demoforge.device.api.StreamSpec;
import dev.demoforge.driver.sim.internal.TrialTruth.Phase;

/**
 * The follower arm ("sim.arm"): joint positions and gripper opening at 200 Hz, read through 12-bit encoders, and
 * the ground truth of each trial on "truth": the trial's JSON when it starts, then one event per phase when it
 * begins and one when the trial ends (with where the object came to rest). Event device times are those of the
 * trial or phase instants.
 * <p>
 * As a {@link JointCommandable} (6 joints + {@code gripper.pos}) it puts the world's follower under position control:
 * goals are tracked by a simulated servo ({@link ServoFollower}). With {@value JointCommandable#LEADER_PROPERTY} set
 * it declares {@value JointCommandable#ACTION_STREAM} (at {@code teleop.rate_hz}, default 200 Hz): each goal as it is
 * applied, on the host clock (no device time: the host made it); with torque off its own readings.
 */
final class ArmDriver extends SimDevice implements JointCommandable {

    static final double RATE_HZ = 200;
    static final List<String> JOINTS = List.of("shoulder_pan.pos", "shoulder_lift.pos", "elbow_flex.pos",
            "wrist_flex.pos", "wrist_roll.pos", "wrist_yaw.pos");
    /** Encoder resolution, rad (4096 counts per turn). */
    static final double ENCODER_STEP = 2 * Math.PI / 4096;

    private final long createdNanos = System.nanoTime();
    private SimWorld.Run current;
    private int nextPhase;
    private boolean endAnnounced;

    private final double rateHz;
    private final boolean declaresAction;
    private volatile DeviceContext running;
    private volatile boolean kinesthetic;

    /** Property {@code rate_hz} sets the joint and gripper rate (default 200 Hz; the recorder benchmark uses 1 kHz). */
    ArmDriver(DeviceConfig config, SimWorld world) {
        this(config, world, rate(config));
    }

    private ArmDriver(DeviceConfig config, SimWorld world, double rateHz) {
        super(config, world, DeviceClock.forDevice(config, world.id(), 20_000,
                DeviceClock.Latency.exponential(200_000, 500_000, 3_000_000)), rateHz);
        this.rateHz = rateHz;
        this.declaresAction = !config.property(LEADER_PROPERTY, "").isBlank();
    }

    private static double rate(DeviceConfig config) {
        String value = config.property("rate_hz", Double.toString(RATE_HZ));
        try {
            double rate = Double.parseDouble(value);
            if (rate >= 1 && rate <= 10_000) {
                return rate;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("Property 'rate_hz' of " + config.deviceId()
                + " must be a rate from 1 to 10000 Hz, was '" + value + "'");
    }

    @Override
    protected List<StreamSpec> dataStreams() {
        List<StreamSpec> streams = new ArrayList<>(List.of(
                StreamSpec.vector("joints", StreamKind.JOINT_STATE, "rad", rateHz, JOINTS),
                StreamSpec.vector("gripper", StreamKind.GRIPPER, "", rateHz, List.of("gripper.pos")),
                StreamSpec.events("truth", 1)));
        if (declaresAction) {
            streams.add(StreamSpec.vector(ACTION_STREAM, StreamKind.ACTION, "rad", actionRate(), commandNames()));
        }
        return List.copyOf(streams);
    }

    private double actionRate() {
        try {
            return Double.parseDouble(config.property("teleop.rate_hz", "200").strip());
        } catch (NumberFormatException e) {
            return 200;
        }
    }

    @Override
    public List<String> commandNames() {
        return LeaderDriver.ELEMENTS;
    }

    @Override
    public void commandPositions(double[] positions) {
        DeviceContext ctx = running;
        if (ctx == null) {
            throw new IllegalStateException("Simulated arm " + config.deviceId() + " is not started");
        }
        if (positions.length != 7) {
            throw new IllegalArgumentException("Simulated arm " + config.deviceId() + " takes 7 goals (6 joints and"
                    + " the gripper), got " + positions.length);
        }
        for (double v : positions) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("Simulated arm " + config.deviceId() + ": goal " + v);
            }
        }
        double[] goal = positions.clone();
        goal[6] = Math.clamp(goal[6], 0.0, 1.0);
        long now = System.nanoTime();
        world.command(goal, now);
        if (declaresAction && !kinesthetic) {
            ctx.publish(ACTION_STREAM, new VectorSample(now, Sample.NO_DEVICE_TIME, null, goal));
        }
    }

    @Override
    public void setTorque(boolean on) {
        if (running == null) {
            throw new IllegalStateException("Simulated arm " + config.deviceId() + " is not started");
        }
        kinesthetic = !on;
        if (on) {
            world.hold(System.nanoTime());
        } else {
            world.release();
        }
    }

    @Override
    protected void started(DeviceContext context) {
        running = context;
    }

    @Override
    protected void stopped() {
        running = null;
        if (world.commanded()) {
            world.release();
        }
        kinesthetic = false;
    }

    @Override
    protected void emit(DeviceContext context, long trueNanos, long hostNanos) {
        WorldState s = world.state(trueNanos);
        double[] q = new double[6];
        for (int j = 0; j < 6; j++) {
            q[j] = Math.round(s.follower()[j] / ENCODER_STEP) * ENCODER_STEP;
        }
        publish(context, "joints", trueNanos, vector(trueNanos, hostNanos, q));
        double g = Math.round(Math.clamp(s.follower()[6], 0.0, 1.0) * 1000) / 1000.0;
        publish(context, "gripper", trueNanos, vector(trueNanos, hostNanos, new double[] {g}));
        if (kinesthetic && declaresAction) {
            double[] a = java.util.Arrays.copyOf(q, 7);
            a[6] = g;
            publish(context, ACTION_STREAM, trueNanos, vector(trueNanos, hostNanos, a));
        }
        announce(context, trueNanos, hostNanos);
    }

    /** Publishes trial starts, phases and ends whose instants have passed, in order. */
    private void announce(DeviceContext context, long trueNanos, long hostNanos) {
        for (SimWorld.Run r : world.runs()) {
            if (r.startNanos() > trueNanos) {
                break;
            }
            boolean seen = current != null && r.startNanos() <= current.startNanos();
            if (seen || r.endNanos() < createdNanos) {
                continue;
            }
            finish(context, hostNanos);
            current = r;
            nextPhase = 0;
            endAnnounced = false;
            publish(context, "truth", r.startNanos(),
                    event(r.startNanos(), hostNanos, r.trial().truth().toJson()));
        }
        if (current == null) {
            return;
        }
        List<Phase> phases = current.trial().truth().phases();
        while (nextPhase < phases.size() && current.instant(phases.get(nextPhase).tS()) <= trueNanos) {
            Phase p = phases.get(nextPhase++);
            long at = current.instant(p.tS());
            publish(context, "truth", at, event(at, hostNanos, phaseJson(current, p.name(), p.tS())));
        }
        if (current.endNanos() <= trueNanos) {
            finish(context, hostNanos);
        }
    }

    /** Announces the end of the current trial once, with the object's resting place. */
    private void finish(DeviceContext context, long hostNanos) {
        if (current == null || endAnnounced) {
            return;
        }
        endAnnounced = true;
        Trial trial = current.trial();
        double[] obj = trial.object(trial.duration() + 1);
        double[] bin = trial.truth().bin();
        boolean inBin = Math.abs(obj[0] - bin[0]) <= bin[2] && Math.abs(obj[1] - bin[1]) <= bin[3];
        String json = new Json().field("type", "end")
                .field("seed", trial.truth().seed())
                .field("episode_id", trial.truth().episodeId())
                .field("t_s", trial.duration())
                .raw("object_final", new Json().field("x", obj[0]).field("y", obj[1]).field("z", obj[2])
                        .field("yaw", obj[3]).end())
                .field("object_in_bin", inBin)
                .field("grasp_contact_s", trial.graspTime())
                .field("release_contact_s", trial.releaseTime())
                .end();
        long at = current.endNanos();
        publish(context, "truth", at, event(at, hostNanos, json));
    }

    private static String phaseJson(SimWorld.Run run, String phase, double t) {
        return new Json().field("type", "phase")
                .field("seed", run.trial().truth().seed())
                .field("episode_id", run.trial().truth().episodeId())
                .field("phase", phase)
                .field("t_s", t)
                .end();
    }

    /** Names of the truth events in order for one trial; for documentation and tests. */
    static List<String> truthSequence(TrialTruth truth) {
        List<String> names = new ArrayList<>();
        names.add("trial");
        truth.phases().forEach(p -> names.add(p.name()));
        names.add("end");
        return names;
    }
}
