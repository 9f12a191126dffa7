package dev.demoforge.driver.serial;

/**
 * Control-table items the serial-bus drivers use; each {@link ServoModel} says where (and whether) it has them.
 *
 * @since 0.1
 */
public enum Register {
    MODEL_NUMBER, FIRMWARE, ID, BAUD_RATE, RETURN_DELAY, OPERATING_MODE,
    /** Offset the servo adds to its position reading, counts. */
    HOMING_OFFSET, MAX_POSITION_LIMIT, MIN_POSITION_LIMIT,
    TORQUE_ENABLE, GOAL_CURRENT, GOAL_POSITION,
    /** Free-running millisecond counter (Dynamixel: 0..32767). */
    REALTIME_TICK,
    PRESENT_CURRENT, PRESENT_VELOCITY, PRESENT_POSITION, PRESENT_VOLTAGE, PRESENT_TEMPERATURE,
    HARDWARE_ERROR
}
