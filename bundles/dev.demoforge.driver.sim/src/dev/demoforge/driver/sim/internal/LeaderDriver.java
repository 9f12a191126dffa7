package dev.demoforge.driver.sim.internal;

import java.util.ArrayList;
import java.util.List;

import dev.demoforge.device.api.DeviceConfig;
import dev.demoforge.device.api.DeviceContext;
import dev.demoforge.device.api.StreamKind;
import dev.demoforge.device.api.StreamSpec;

/**
 * The operator's leader arm ("sim.leader"): the commanded posture at 200 Hz on "action", 6 joint angles (rad,
 * 12-bit encoders) and the gripper command (0 = closed, 1 = open).
 */
final class LeaderDriver extends SimDevice {

    static final double RATE_HZ = 200;
    static final List<String> ELEMENTS;

    static {
        List<String> names = new ArrayList<>(ArmDriver.JOINTS);
        names.add("gripper.pos");
        ELEMENTS = List.copyOf(names);
    }

    LeaderDriver(DeviceConfig config, SimWorld world) {
        super(config, world, DeviceClock.forDevice(config, world.id(), 20_000,
                DeviceClock.Latency.exponential(200_000, 500_000, 3_000_000)), RATE_HZ);
    }

    @Override
    protected List<StreamSpec> dataStreams() {
        return List.of(StreamSpec.vector("action", StreamKind.ACTION, "rad", RATE_HZ, ELEMENTS));
    }

    @Override
    protected void emit(DeviceContext context, long trueNanos, long hostNanos) {
        double[] leader = world.state(trueNanos).leader();
        double[] a = new double[7];
        for (int j = 0; j < 6; j++) {
            a[j] = Math.round(leader[j] / ArmDriver.ENCODER_STEP) * ArmDriver.ENCODER_STEP;
        }
        a[6] = Math.round(Math.clamp(leader[6], 0.0, 1.0) * 1000) / 1000.0;
        publish(context, "action", trueNanos, vector(trueNanos, hostNanos, a));
    }
}
