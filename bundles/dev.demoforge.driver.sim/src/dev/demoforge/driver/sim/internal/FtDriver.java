package dev.demoforge.driver.sim.internal;

import java.util.List;
import java.util.SplittableRandom;

import dev.demoforge.device.api.DType;
import dev.demoforge.device.api.DeviceConfig;
import dev.demoforge.device.api.DeviceContext;
import dev.demoforge.device.api.StreamKind;
import dev.demoforge.device.api.StreamSpec;

/**
 * Wrist force-torque sensor ("sim.ft") at 1 kHz on "wrench": {fx, fy, fz} in N and {tx, ty, tz} in N·m, tared with
 * the empty gripper, axes parallel to "sim_base", torques about the sensor origin (the wrist, frame 5 of
 * {@link dev.demoforge.driver.sim.SimArmModel}). Holding the object adds {@code m (g - a)} (weight and inertia, with
 * the tool's acceleration) and its moment; the fingers' contact at grasp and release rings as a damped 35 Hz
 * transient; Gaussian noise (0.04 N, 2 mN·m) and a slow bias drift are added.
 */
final class FtDriver extends SimDevice {

    static final double RATE_HZ = 1000;
    static final List<String> AXES = List.of("fx", "fy", "fz", "tx", "ty", "tz");
    private static final double G = 9.81;
    private static final double ACC_STEP_S = 0.005;
    private static final double NOISE_N = 0.04;
    private static final double NOISE_NM = 0.002;

    private final SplittableRandom noise;

    FtDriver(DeviceConfig config, SimWorld world) {
        super(config, world, DeviceClock.forDevice(config, world.id(), 5_000,
                DeviceClock.Latency.exponential(150_000, 250_000, 2_000_000)), RATE_HZ);
        this.noise = new SplittableRandom(clock.seed() + 1);
    }

    @Override
    protected List<StreamSpec> dataStreams() {
        return List.of(new StreamSpec("wrench", StreamKind.WRENCH, DType.FLOAT32,
                List.of(6), "N, N·m", RATE_HZ, AXES));
    }

    @Override
    protected void emit(DeviceContext context, long trueNanos, long hostNanos) {
        publish(context, "wrench", trueNanos, vector(trueNanos, hostNanos, wrench(world, trueNanos, noise)));
    }

    /** The sensor reading at true instant {@code t}; noise drawn from {@code rng}. */
    static double[] wrench(SimWorld world, long t, SplittableRandom rng) {
        WorldState s = world.state(t);
        double[] w = new double[6];
        SimWorld.Run run = s.run();
        double[][] frames = world.model().frames(s.follower());
        double[] sensor = frames[5];
        if (s.holding()) {
            Trial trial = run.trial();
            double m = trial.truth().massKg();
            double[] acc = toolAcceleration(trial, s.trialTime());
            double[] f = {-m * acc[0], -m * acc[1], m * (-G - acc[2])};
            double[] obj = s.object();
            double[] r = {obj[0] - sensor[3], obj[1] - sensor[7], obj[2] - sensor[11]};
            w[0] = f[0];
            w[1] = f[1];
            w[2] = f[2];
            w[3] = r[1] * f[2] - r[2] * f[1];
            w[4] = r[2] * f[0] - r[0] * f[2];
            w[5] = r[0] * f[1] - r[1] * f[0];
        }
        if (run != null) {
            Trial trial = run.trial();
            double tt = (t - run.startNanos()) * 1e-9;
            double squeeze = trial.held() ? 6.0 : 1.5;
            ring(w, frames[frames.length - 1], tt - trial.graspTime(), squeeze);
            ring(w, frames[frames.length - 1], tt - trial.releaseTime(), trial.held() ? 2.5 : 0.8);
        }
        double drift = 0.05 * Math.sin(2 * Math.PI * 0.01 * (t * 1e-9));
        for (int i = 0; i < 6; i++) {
            w[i] += rng.nextGaussian() * (i < 3 ? NOISE_N : NOISE_NM) + (i < 3 ? drift : 0);
        }
        return w;
    }

    /** Damped 35 Hz contact transient starting {@code dt} s ago: along the finger axis (tool x) and down. */
    private static void ring(double[] w, double[] tool, double dt, double amp) {
        if (dt < 0 || dt > 0.3) {
            return;
        }
        double v = amp * Math.exp(-dt / 0.04) * Math.sin(2 * Math.PI * 35 * dt);
        w[0] += v * tool[0];
        w[1] += v * tool[4];
        w[2] += -0.5 * Math.abs(v);
        w[3] += 0.01 * v * tool[4];
        w[4] -= 0.01 * v * tool[0];
    }

    /** Tool point acceleration (m/s²) at trial time {@code t} by central differences of the follower. */
    private static double[] toolAcceleration(Trial trial, double t) {
        double[] a = trial.toolFrame(trial.follower(t - ACC_STEP_S));
        double[] b = trial.toolFrame(trial.follower(t));
        double[] c = trial.toolFrame(trial.follower(t + ACC_STEP_S));
        double h2 = ACC_STEP_S * ACC_STEP_S;
        return new double[] {(a[3] - 2 * b[3] + c[3]) / h2, (a[7] - 2 * b[7] + c[7]) / h2,
            (a[11] - 2 * b[11] + c[11]) / h2};
    }
}
