package dev.demoforge.device.api;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Forward kinematics of an arm, declared by its driver factory ({@link DeviceDriverFactory#kinematicModel}) so that
 * datasets can carry the end-effector pose, in a named base frame, beside the joint state: the common ground for
 * training across embodiments whose joint spaces differ.
 * <p>
 * The model applies to the device's {@link StreamKind#JOINT_STATE} stream: {@link #forwardKinematics} takes its
 * first {@code jointNames().size()} elements, in stream order, whose element names are the joint names (optionally
 * followed by a suffix such as {@code ".pos"}).
 * <p>
 * Units: joint positions in rad (revolute) or m (prismatic), as the joint-state stream carries them; positions in m;
 * orientations as unit quaternions {@code (qx, qy, qz, qw)}, scalar last, with {@code qw >= 0}. Both are the pose of
 * the tool point in {@link #baseFrame()}.
 * <p>
 * Threading: implementations are immutable and thread-safe; every method is a pure computation that returns fast,
 * never blocks and touches no hardware. Vendors implement it: {@code @ConsumerType}.
 *
 * @since 0.2
 */
@ConsumerType
public interface KinematicModel {

    /** Name of the frame poses are expressed in, e.g. {@code "sim_base"}, {@code "base_link"}. */
    String baseFrame();

    /** The joints the model takes, in the order {@link #forwardKinematics} expects them. */
    List<String> jointNames();

    /**
     * The tool point's pose for a joint vector.
     *
     * @param jointPositions at least {@code jointNames().size()} values in that order; further values are ignored
     * @return {@code {x, y, z, qx, qy, qz, qw}}: position in m and unit quaternion, in {@link #baseFrame()}
     * @throws IllegalArgumentException if fewer values than joints are given
     */
    double[] forwardKinematics(double[] jointPositions);
}
