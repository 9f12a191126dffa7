package dev.demoforge.device.api;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A capability of a driver whose device takes joint position commands (a follower arm). The framework reaches it
 * through {@link DeviceHandle#capability}; leader–follower teleoperation uses it to send the leader's mapped
 * positions at a fixed rate.
 * <p>
 * Action stream: a driver whose configuration names a leader (property {@value #LEADER_PROPERTY}) also declares the
 * stream {@value #ACTION_STREAM} (kind {@link StreamKind#ACTION}, elements {@link #commandNames()}) and publishes on
 * it every goal it sends to the device, stamped with the host time at which it was sent; with torque off (kinesthetic
 * teaching: the operator moves the follower by hand) it publishes its own measured positions there instead, so the
 * action is always what the follower was made to do.
 * <p>
 * Threading: every method is thread-safe and returns at once (no I/O on the caller's thread): a command replaces any
 * goal not yet sent, so a fast caller never builds a queue (latest goal wins).
 *
 * @since 0.2
 */
@ConsumerType
public interface JointCommandable {

    /** Device property naming the leader device of this follower; its presence makes the driver declare the action. */
    String LEADER_PROPERTY = "teleop.leader";

    /** Name of the stream of sent goals. */
    String ACTION_STREAM = "action";

    /**
     * Names of the command elements, in command order (e.g. {@code shoulder_pan.pos ... gripper.pos}); the same
     * units as the device's joint state stream (radians, grippers 0 = closed .. 1 = open).
     */
    List<String> commandNames();

    /**
     * Sets goal positions, one per {@link #commandNames() element}. Sent on the device's own thread at its next
     * opportunity; a goal not yet sent is replaced.
     *
     * @throws IllegalArgumentException if the width differs from {@link #commandNames()} or a value is not finite
     * @throws IllegalStateException    if the device is not started
     */
    void commandPositions(double[] positions);

    /**
     * Turns the holding torque on (the device follows goals) or off (it can be moved by hand; kinesthetic mode).
     * Applied on the device's own thread.
     *
     * @throws IllegalStateException if the device is not started
     */
    void setTorque(boolean on);
}
