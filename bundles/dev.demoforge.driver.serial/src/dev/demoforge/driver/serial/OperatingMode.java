package dev.demoforge.driver.serial;

/**
 * What a servo controls; models support a subset (see {@link ServoModel#modes()}).
 *
 * @since 0.1
 */
public enum OperatingMode {
    /** Torque (current) control: goal current. */
    CURRENT,
    /** Wheel mode: goal velocity. */
    VELOCITY,
    /** Position within one turn: goal position. */
    POSITION,
    /** Multi-turn position. */
    EXTENDED_POSITION,
    /** Position with a current limit (grippers, compliant leader arms). */
    CURRENT_BASED_POSITION,
    /** Open-loop PWM. */
    PWM
}
