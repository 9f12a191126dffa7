/**
 * Leader–follower teleoperation: a leader arm's joint positions, mapped joint by joint, drive a follower's goal
 * positions at a fixed rate ({@link dev.demoforge.teleop.TeleopService}); or, kinesthetic, the follower's torque is
 * off and its own joints are the action.
 * <p>
 * Time base: host monotonic clock ({@link java.lang.System#nanoTime()}), nanoseconds. Angles in the leader's and
 * follower's stream units (radians; grippers 0 = closed .. 1 = open).
 *
 * @since 0.1
 */
@org.osgi.annotation.versioning.Version("0.1.0")
package dev.demoforge.teleop;
