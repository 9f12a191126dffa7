package dev.demoforge.driver.ur.internal;

import java.util.ArrayList;
import java.util.List;

import dev.demoforge.device.api.DeviceContext;
import dev.demoforge.device.api.EventSample;
import dev.demoforge.device.api.StreamKind;
import dev.demoforge.device.api.StreamSpec;
import dev.demoforge.device.api.VectorSample;

/**
 * The streams of a UR arm and how a decoded data package becomes samples. Every sample of one package carries the
 * same host time and the controller's {@code timestamp} as device time (clock id {@code ur:<device>}).
 * Robot, safety and runtime modes become events when they change.
 */
final class UrStreams {

    static final String JOINTS = "joints";
    static final String JOINT_VELOCITIES = "joint_velocities";
    static final String JOINT_CURRENTS = "joint_currents";
    static final String TCP_POSE = "tcp_pose";
    static final String TCP_FORCE = "tcp_force";
    static final String TARGET_JOINTS = "target_joints";
    static final String EVENTS = "events";

    private static final String[] ROBOT_MODES = {"NO_CONTROLLER", "DISCONNECTED", "CONFIRM_SAFETY", "BOOTING",
        "POWER_OFF", "POWER_ON", "IDLE", "BACKDRIVE", "RUNNING", "UPDATING_FIRMWARE"};
    private static final String[] SAFETY_MODES = {"", "NORMAL", "REDUCED", "PROTECTIVE_STOP", "RECOVERY",
        "SAFEGUARD_STOP", "SYSTEM_EMERGENCY_STOP", "ROBOT_EMERGENCY_STOP", "VIOLATION", "FAULT",
        "VALIDATE_JOINT_ID", "UNDEFINED_SAFETY_MODE", "AUTOMATIC_MODE_SAFEGUARD_STOP",
        "SYSTEM_THREE_POSITION_ENABLING_STOP"};
    private static final String[] RUNTIME_STATES = {"STOPPING", "STOPPED", "PLAYING", "PAUSING", "PAUSED",
        "RESUMING"};

    private final List<StreamSpec> specs;
    private final String clockId;
    private String lastModes = "";

    UrStreams(UrConfig cfg) {
        this.clockId = "ur:" + cfg.deviceId();
        double hz = cfg.rateHz();
        List<StreamSpec> s = new ArrayList<>();
        s.add(StreamSpec.vector(JOINTS, StreamKind.JOINT_STATE, "rad", hz, names(cfg.joints(), ".pos")));
        s.add(StreamSpec.vector(JOINT_VELOCITIES, StreamKind.JOINT_STATE, "rad/s", hz, names(cfg.joints(), ".vel")));
        s.add(StreamSpec.vector(JOINT_CURRENTS, StreamKind.JOINT_STATE, "A", hz, names(cfg.joints(), ".current")));
        s.add(StreamSpec.vector(TCP_POSE, StreamKind.JOINT_STATE, "m (x, y, z); rad (rx, ry, rz: rotation vector,"
                + " axis times angle, base frame)", hz, List.of("tcp.x", "tcp.y", "tcp.z", "tcp.rx", "tcp.ry",
                "tcp.rz")));
        s.add(StreamSpec.vector(TCP_FORCE, StreamKind.WRENCH, "N, N·m (at the TCP, base frame)", hz,
                List.of("fx", "fy", "fz", "tx", "ty", "tz")));
        s.add(StreamSpec.vector(TARGET_JOINTS, StreamKind.ACTION, "rad", hz, names(cfg.joints(), ".target")));
        s.add(StreamSpec.events(EVENTS, 1));
        this.specs = List.copyOf(s);
    }

    List<StreamSpec> specs() {
        return specs;
    }

    String clockId() {
        return clockId;
    }

    /** Publishes one decoded package; returns its device time, ns. */
    long publish(DeviceContext ctx, OutputRecipe r, double[] row, long hostNanos) {
        long device = Math.round(row[r.offset("timestamp")] * 1e9);
        vector(ctx, JOINTS, r, row, "actual_q", hostNanos, device);
        vector(ctx, JOINT_VELOCITIES, r, row, "actual_qd", hostNanos, device);
        vector(ctx, JOINT_CURRENTS, r, row, "actual_current", hostNanos, device);
        vector(ctx, TCP_POSE, r, row, "actual_TCP_pose", hostNanos, device);
        vector(ctx, TCP_FORCE, r, row, "actual_TCP_force", hostNanos, device);
        vector(ctx, TARGET_JOINTS, r, row, "target_q", hostNanos, device);
        String modes = "\"robot_mode\":\"" + name(ROBOT_MODES, (int) row[r.offset("robot_mode")] + 1)
                + "\",\"safety_mode\":\"" + name(SAFETY_MODES, (int) row[r.offset("safety_mode")])
                + "\",\"runtime_state\":\"" + name(RUNTIME_STATES, (int) row[r.offset("runtime_state")]) + "\"";
        if (!modes.equals(lastModes)) {
            lastModes = modes;
            ctx.publish(EVENTS, new EventSample(hostNanos, device, clockId, "{\"type\":\"modes\"," + modes + "}"));
        }
        return device;
    }

    /** An event without device time (text messages, gaps). */
    void event(DeviceContext ctx, String json) {
        ctx.publish(EVENTS, new EventSample(ctx.hostNanos(), dev.demoforge.device.api.Sample.NO_DEVICE_TIME, null,
                json));
    }

    /** Forgets the last modes so the next package reports them again (after a reconnection). */
    void resetModes() {
        lastModes = "";
    }

    private void vector(DeviceContext ctx, String stream, OutputRecipe r, double[] row, String variable, long host,
            long device) {
        int at = r.offset(variable);
        double[] v = new double[6];
        System.arraycopy(row, at, v, 0, 6);
        ctx.publish(stream, new VectorSample(host, device, clockId, v));
    }

    private static String name(String[] names, int index) {
        return index >= 0 && index < names.length && !names[index].isEmpty() ? names[index] : "CODE_" + index;
    }

    private static List<String> names(List<String> joints, String suffix) {
        return joints.stream().map(j -> j + suffix).toList();
    }

    /** A JSON string literal. */
    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (ch < 0x20) {
                        b.append(String.format("\\u%04x", (int) ch));
                    } else {
                        b.append(ch);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
