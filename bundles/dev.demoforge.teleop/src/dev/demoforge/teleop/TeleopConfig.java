package dev.demoforge.teleop;

import java.util.Optional;

import dev.demoforge.device.api.DeviceConfig;
import dev.demoforge.device.api.JointCommandable;

/**
 * One leader–follower pairing, as a station declares it on the follower's device configuration: property
 * {@value JointCommandable#LEADER_PROPERTY} names the leader device, {@code teleop.leader_stream} its stream (default:
 * its first joint-state or action vector stream), {@code teleop.rate_hz} the command rate (default
 * {@value #DEFAULT_RATE_HZ}, 1..1000), {@code teleop.mode} {@code follow} (default) or {@code kinesthetic}, and the
 * mapping properties of {@link TeleopMapping#parse}. Immutable.
 *
 * @param followerId   the device that is commanded (a {@link JointCommandable} driver)
 * @param leaderId     the device whose positions are followed
 * @param leaderStream the leader's stream, or null for its first joint-state or action vector stream
 * @param rateHz       commands per second
 * @param mode         following the leader, or kinesthetic teaching
 * @param properties   the follower's properties, from which the mapping is read once its width is known
 * @since 0.1
 */
public record TeleopConfig(String followerId, String leaderId, String leaderStream, double rateHz, Mode mode,
        java.util.Map<String, String> properties) {

    /** Default command rate, Hz. */
    public static final double DEFAULT_RATE_HZ = 200;

    /** What the follower does. */
    public enum Mode {
        /** Torque on; the leader's mapped positions are its goals, sent at the fixed rate; the goals are the action. */
        FOLLOW,
        /** Torque off; the operator moves the follower by hand and its own measured joints are the action. */
        KINESTHETIC
    }

    public TeleopConfig {
        properties = java.util.Map.copyOf(properties);
        if (!(rateHz >= 1 && rateHz <= 1000)) {
            throw new IllegalArgumentException("Device " + followerId + ": property 'teleop.rate_hz' must be 1..1000,"
                    + " was " + rateHz);
        }
    }

    /**
     * The pairing a device's configuration declares, empty when it names no leader.
     *
     * @throws IllegalArgumentException naming the device and property when a value is not understood
     */
    public static Optional<TeleopConfig> of(DeviceConfig follower) {
        String leader = follower.property(JointCommandable.LEADER_PROPERTY, "").strip();
        if (leader.isEmpty()) {
            return Optional.empty();
        }
        String who = "Device " + follower.deviceId();
        String r = follower.property("teleop.rate_hz", Double.toString(DEFAULT_RATE_HZ)).strip();
        double rate;
        try {
            rate = Double.parseDouble(r);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(who + ": property 'teleop.rate_hz' is not a number: '" + r + "'", e);
        }
        String m = follower.property("teleop.mode", "follow").strip();
        Mode mode = switch (m) {
            case "follow" -> Mode.FOLLOW;
            case "kinesthetic" -> Mode.KINESTHETIC;
            default -> throw new IllegalArgumentException(who + ": property 'teleop.mode' must be 'follow' or"
                    + " 'kinesthetic', was '" + m + "'");
        };
        String stream = follower.property("teleop.leader_stream", "").strip();
        return Optional.of(new TeleopConfig(follower.deviceId(), leader, stream.isEmpty() ? null : stream, rate, mode,
                follower.properties()));
    }

    /** A copy in another mode. */
    public TeleopConfig withMode(Mode newMode) {
        return new TeleopConfig(followerId, leaderId, leaderStream, rateHz, newMode, properties);
    }
}
