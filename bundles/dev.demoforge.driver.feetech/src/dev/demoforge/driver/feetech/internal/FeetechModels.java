package dev.demoforge.driver.feetech.internal;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import dev.demoforge.driver.serial.Field;
import dev.demoforge.driver.serial.OperatingMode;
import dev.demoforge.driver.serial.Register;
import dev.demoforge.driver.serial.ServoModel;

/**
 * Control table of the Feetech STS (and SMS) series, as in Feetech's STS/SMS memory table and LeRobot's
 * {@code feetech/tables.py}: firmware 0..1, model number 3, id 5, baud rate 6, return delay 7, position limits 9 and
 * 11, homing offset 31 (sign bit 11), operating mode 33, torque enable 40, goal position 42, present position 56,
 * present velocity 58 (sign bit 15), present voltage 62, temperature 63, present current 69. 4096 counts per turn.
 */
final class FeetechModels {

    static final ServoModel STS3215 = sts("STS3215", 777);
    static final ServoModel STS3250 = sts("STS3250", 2825);

    static final List<ServoModel> ALL = List.of(STS3215, STS3250);

    private FeetechModels() {
    }

    private static ServoModel sts(String name, int number) {
        Map<Register, Field> r = new EnumMap<>(Register.class);
        r.put(Register.FIRMWARE, Field.unsigned(0, 2));
        r.put(Register.MODEL_NUMBER, Field.unsigned(3, 2));
        r.put(Register.ID, Field.unsigned(5, 1));
        r.put(Register.BAUD_RATE, Field.unsigned(6, 1));
        r.put(Register.RETURN_DELAY, Field.unsigned(7, 1));
        r.put(Register.MIN_POSITION_LIMIT, Field.unsigned(9, 2));
        r.put(Register.MAX_POSITION_LIMIT, Field.unsigned(11, 2));
        r.put(Register.HOMING_OFFSET, Field.signMagnitude(31, 2, 11));
        r.put(Register.OPERATING_MODE, Field.unsigned(33, 1));
        r.put(Register.TORQUE_ENABLE, Field.unsigned(40, 1));
        r.put(Register.GOAL_POSITION, Field.unsigned(42, 2));
        r.put(Register.PRESENT_POSITION, Field.unsigned(56, 2));
        r.put(Register.PRESENT_VELOCITY, Field.signMagnitude(58, 2, 15));
        r.put(Register.PRESENT_VOLTAGE, Field.unsigned(62, 1));
        r.put(Register.PRESENT_TEMPERATURE, Field.unsigned(63, 1));
        r.put(Register.PRESENT_CURRENT, Field.unsigned(69, 2));
        Map<OperatingMode, Integer> modes = new EnumMap<>(OperatingMode.class);
        modes.put(OperatingMode.POSITION, 0);
        modes.put(OperatingMode.VELOCITY, 1);
        modes.put(OperatingMode.PWM, 2);
        return new ServoModel(name, number, 4096, r, modes, 0);
    }
}
