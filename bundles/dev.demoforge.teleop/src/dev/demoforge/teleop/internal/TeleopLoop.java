package dev.demoforge.teleop.internal;

import java.util.Arrays;
import java.util.concurrent.locks.LockSupport;

import dev.demoforge.device.api.ConnectedStation;
import dev.demoforge.device.api.JointCommandable;
import dev.demoforge.device.api.Sample;
import dev.demoforge.device.api.SampleSink;
import dev.demoforge.device.api.StreamSpec;
import dev.demoforge.device.api.VectorSample;
import dev.demoforge.teleop.TeleopConfig;
import dev.demoforge.teleop.TeleopMapping;
import dev.demoforge.teleop.TeleopSession;
import dev.demoforge.teleop.TeleopStats;

/**
 * One running pairing. The leader's samples arrive as a {@link SampleSink} (on the leader driver's thread: only the
 * latest reading is kept, a volatile reference, never blocking). In FOLLOW mode a thread of its own wakes at absolute
 * deadlines {@code t0 + k · period}, maps the latest reading and hands the goal to the follower (which never
 * blocks); a thread woken more than a period late skips the lost cycles and counts them, so the rate holds on
 * average without bursts of stale goals. In KINESTHETIC mode the follower's torque is turned off and no thread runs.
 */
final class TeleopLoop implements TeleopSession, SampleSink, Runnable {

    private static final int AGES = 4096;
    private static final long JOIN_MILLIS = 1000;

    private final ConnectedStation station;
    private final TeleopConfig config;
    private final StreamSpec leaderStream;
    private final JointCommandable follower;
    private final TeleopMapping mapping;
    private final double[] goal;
    private final long periodNs;
    private final long[] ages = new long[AGES];
    private final Object lock = new Object();
    private volatile VectorSample latest;
    private volatile boolean stop;
    private Thread thread;
    private long startNanos;
    private long cycles;
    private long commands;
    private long missed;
    private long waiting;
    private long clamped;
    private long errors;
    private String lastError = "";

    TeleopLoop(ConnectedStation station, TeleopConfig config, StreamSpec leaderStream, JointCommandable follower,
            TeleopMapping mapping, int followerWidth) {
        this.station = station;
        this.config = config;
        this.leaderStream = leaderStream;
        this.follower = follower;
        this.mapping = mapping;
        this.goal = new double[followerWidth];
        this.periodNs = Math.round(1e9 / config.rateHz());
    }

    void start() {
        startNanos = System.nanoTime();
        if (config.mode() == TeleopConfig.Mode.KINESTHETIC) {
            follower.setTorque(false);
            return;
        }
        follower.setTorque(true);
        station.addSink(this);
        thread = new Thread(this, "demoforge-teleop-" + config.followerId());
        thread.setDaemon(true);
        thread.setPriority(Thread.MAX_PRIORITY);
        thread.start();
    }

    @Override
    public void onSample(String deviceId, StreamSpec stream, Sample sample) {
        if (sample instanceof VectorSample v && deviceId.equals(config.leaderId())
                && stream.name().equals(leaderStream.name())) {
            latest = v;
        }
    }

    @Override
    public void run() {
        long deadline = System.nanoTime() + periodNs;
        while (!stop) {
            long now;
            while ((now = System.nanoTime()) < deadline && !stop) {
                LockSupport.parkNanos(this, deadline - now);
            }
            if (stop) {
                return;
            }
            long late = now - deadline;
            if (late > periodNs) {
                long skip = late / periodNs;
                deadline += skip * periodNs;
                synchronized (lock) {
                    missed += skip;
                }
            }
            cycle();
            deadline += periodNs;
        }
    }

    private void cycle() {
        VectorSample leader = latest;
        synchronized (lock) {
            cycles++;
            if (leader == null) {
                waiting++;
                return;
            }
        }
        int c = mapping.apply(leader.values(), goal);
        try {
            follower.commandPositions(goal.clone());
            long age = System.nanoTime() - leader.hostNanos();
            synchronized (lock) {
                ages[(int) (commands % AGES)] = age;
                commands++;
                clamped += c;
            }
        } catch (RuntimeException e) {
            synchronized (lock) {
                errors++;
                lastError = config.followerId() + ": " + e.getMessage();
            }
        }
    }

    @Override
    public TeleopConfig config() {
        return config;
    }

    @Override
    public TeleopStats stats() {
        synchronized (lock) {
            int n = (int) Math.min(commands, AGES);
            long[] sorted = Arrays.copyOf(ages, n);
            Arrays.sort(sorted);
            double seconds = (System.nanoTime() - startNanos) / 1e9;
            return new TeleopStats(cycles, commands, missed, waiting, clamped, seconds > 0 ? commands / seconds : 0,
                    quantile(sorted, 0.5), quantile(sorted, 0.99), n == 0 ? 0 : sorted[n - 1], errors, lastError);
        }
    }

    private static long quantile(long[] sorted, double q) {
        return sorted.length == 0 ? 0 : sorted[Math.max(0, (int) Math.ceil(q * sorted.length) - 1)];
    }

    @Override
    public void close() {
        Thread t;
        synchronized (lock) {
            if (stop) {
                return;
            }
            stop = true;
            t = thread;
        }
        station.removeSink(this);
        if (t != null) {
            LockSupport.unpark(t);
            try {
                t.join(JOIN_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
