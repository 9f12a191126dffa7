package dev.demoforge.quality.internal;

import java.util.List;

import dev.demoforge.driver.sim.SimArmModel;

/**
 * The thresholds of the built-in checks for one task, as read from the workspace's
 * {@value ThresholdStore#FILE_NAME} over the built-in defaults of the embodiment (see {@link ThresholdStore} and
 * docs/quality-checks.md). JSON names are the component names in snake case ({@code stall_min_opening}). Units: m,
 * m/s, rad, rad/s, N, s; gripper openings normalised 0 (closed) .. 1 (open). Immutable.
 *
 * @param arm        kinematic model for the end-effector pose, or null (checks then work in joint space)
 * @param success    success criterion
 * @param smoothness smoothness limits
 * @param hesitation idle detection
 * @param safety     safety limits
 */
record TaskThresholds(Arm arm, Success success, SmoothnessLimits smoothness, Hesitation hesitation, Safety safety) {

    /** Robot type of the simulated station, whose defaults include its arm model and bin region. */
    static final String SIM_ROBOT = "demoforge_sim_arm";

    /**
     * The arm's kinematics: {@code "model": "sim"} for {@link SimArmModel#DEFAULT}, or standard Denavit-Hartenberg
     * rows {@code [a, alpha, d, theta_offset]} (m, rad) per joint plus the tool length along the last z axis (m).
     */
    record Arm(String model, List<double[]> dh, double toolLength) {

        /** The model, or null when neither a known name nor DH rows are given. */
        SimArmModel toModel() {
            if ("sim".equals(model)) {
                return SimArmModel.DEFAULT;
            }
            if (dh == null || dh.isEmpty()) {
                return null;
            }
            List<SimArmModel.Link> links = dh.stream().map(r -> {
                if (r.length != 4) {
                    throw new IllegalArgumentException("arm.dh rows need 4 numbers [a, alpha, d, theta_offset], got "
                            + r.length);
                }
                return new SimArmModel.Link(r[0], r[1], r[2], r[3]);
            }).toList();
            List<String> names = java.util.stream.IntStream.range(0, links.size()).mapToObj(i -> "joint" + i).toList();
            return new SimArmModel("base", names, links, toolLength);
        }
    }

    /**
     * Target region on the table, in the arm's base frame: an axis-aligned rectangle and a height limit of the tool
     * point at release.
     */
    record Bin(double x, double y, double halfX, double halfY, double zMax) {

        boolean contains(double[] p) {
            return Math.abs(p[0] - x) <= halfX && Math.abs(p[1] - y) <= halfY && p[2] <= zMax;
        }

        /** Horizontal distance from the rectangle (0 inside), m. */
        double distance(double[] p) {
            double dx = Math.max(0, Math.abs(p[0] - x) - halfX);
            double dy = Math.max(0, Math.abs(p[1] - y) - halfY);
            return Math.hypot(dx, dy);
        }
    }

    /**
     * Pick-and-place success.
     *
     * @param openAbove       gripper opening above which it counts as open
     * @param closedMinS      shortest closure that counts as a grasp attempt, s
     * @param stallMinOpening a closure that stalls at or above this opening holds an object
     * @param stallMargin     with a commanded opening (an ACTION stream's gripper.pos), the fingers must also stay
     *                        at least this much more open than commanded to count as stalled on an object
     * @param minLoadN        change of the wrist's fz between before the grasp and while holding that counts as a
     *                        lifted load, N (0 = do not use the wrench)
     * @param bin             where the object must be released, or null to accept any release after a grasp
     */
    record Success(double openAbove, double closedMinS, double stallMinOpening, double stallMargin, double minLoadN,
            Bin bin) {
    }

    /**
     * Smoothness, per movement (a run of speed above {@code movementFraction} of the episode's peak).
     *
     * @param space            {@code "joint"}: the joint-speed norm (rad/s; the default: a leader arm teleoperates
     *                         in joint space, and the arm's kinematics distort tool-point speed profiles); {@code
     *                         "tool"}: the tool point's speed (m/s, needs an arm model)
     * @param filterHz         low-pass of positions before differentiating for the speed and SPARC, Hz
     * @param ldljFilterHz     low-pass of positions before differentiating for LDLJ (jerk amplifies noise), Hz
     * @param cutoffHz         SPARC spectrum cut-off, Hz
     * @param amplitude        SPARC amplitude threshold
     * @param padLevel         SPARC zero-padding level
     * @param movementFraction speed threshold of a movement as a fraction of the peak speed
     * @param minMovementS     shortest movement analysed, s
     * @param sparcWarn        WARN when a movement's SPARC is below this
     * @param sparcFail        FAIL when a movement's SPARC is below this
     * @param ldljWarn         WARN when a movement's LDLJ is below this
     */
    record SmoothnessLimits(String space, double filterHz, double ldljFilterHz, double cutoffHz, double amplitude,
            int padLevel, double movementFraction, double minMovementS, double sparcWarn, double sparcFail,
            double ldljWarn) {
    }

    /**
     * Hesitation: idle = speed of the low-passed end-effector (or joint) path below a threshold.
     *
     * @param filterHz          low-pass of positions (removes tremor), Hz
     * @param idleSpeed         idle below this speed: m/s with an arm model, rad/s (joint-speed norm) without
     * @param minIdleS          shortest idle span reported, s
     * @param hesitationS       an idle span inside the motion at least this long is a hesitation (WARN), s
     * @param maxIdleFraction   FAIL when idle spans cover more than this fraction of the motion
     */
    record Hesitation(double filterHz, double idleSpeed, double minIdleS, double hesitationS,
            double maxIdleFraction) {
    }

    /**
     * Safety limits. An excursion beyond a joint limit FAILs; speed or force above its limit WARNs, above
     * {@code failFactor} times the limit FAILs.
     *
     * @param jointLimits   {@code [low, high]} (rad) per joint in stream order, or null for none
     * @param maxJointSpeed rad/s, any joint
     * @param maxForce      N, magnitude of the wrist force
     * @param failFactor    multiple of a speed or force limit that FAILs
     * @param filterHz      low-pass of joint positions before differentiating, Hz
     */
    record Safety(List<double[]> jointLimits, double maxJointSpeed, double maxForce, double failFactor,
            double filterHz) {
    }

    /** Defaults for an embodiment: with its arm model, bin and joint limits for the simulated station. */
    static TaskThresholds defaults(String robotType) {
        boolean sim = SIM_ROBOT.equals(robotType);
        return new TaskThresholds(sim ? new Arm("sim", null, 0) : null,
                new Success(0.75, 0.2, 0.15, 0.1, 0.3, sim ? new Bin(0.19, 0.17, 0.065, 0.065, 0.2) : null),
                new SmoothnessLimits("joint", 12, 3, Smoothness.SPARC_CUTOFF_HZ, Smoothness.SPARC_AMPLITUDE,
                        Smoothness.SPARC_PADDING, 0.05, 0.3, -1.65, -3.0, -4.75),
                new Hesitation(2, sim ? 0.03 : 0.1, 0.5, 1.0, 0.5),
                new Safety(sim ? List.of(new double[] {-2.6, 2.6}, new double[] {-0.2, 3.0},
                        new double[] {-2.8, 0.2}, new double[] {-2.5, 2.5}, new double[] {-2.8, 2.8},
                        new double[] {-2.8, 2.8}) : null, 4.0, 25, 1.5, 10));
    }
}
