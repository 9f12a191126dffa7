package dev.demoforge.device.api;

/** What a stream carries; exporters map kinds to dataset features. @since 0.1 */
public enum StreamKind {
    /** Measured joint positions of an arm (radians or metres per element). */
    JOINT_STATE,
    /** Commanded targets, e.g. a leader arm's joint positions driving the follower. */
    ACTION,
    /** Colour or depth images. */
    CAMERA,
    /** Force (N) and torque (N·m), 6 elements. */
    WRENCH,
    /** Gripper opening, normalised 0 = closed, 1 = open. */
    GRIPPER,
    /** Discrete, textual events (markers, ground truth, operator marks). */
    EVENT
}
