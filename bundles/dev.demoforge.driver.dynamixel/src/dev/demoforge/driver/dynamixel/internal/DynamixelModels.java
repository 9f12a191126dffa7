package dev.demoforge.driver.dynamixel.internal;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import dev.demoforge.driver.serial.Field;
import dev.demoforge.driver.serial.OperatingMode;
import dev.demoforge.driver.serial.Register;
import dev.demoforge.driver.serial.ServoModel;

/**
 * Control tables of the Dynamixel X series used in robot arms, from the ROBOTIS e-Manual pages of each model: the
 * EEPROM and RAM areas are laid out alike (model number at 0, operating mode 11, homing offset 20, torque enable
 * 64, goal position 116, realtime tick 120, present position 132), except that the XL430 has no current control
 * (126 is its present load, 102 is unused). 4096 counts per turn.
 */
final class DynamixelModels {

    static final int RESOLUTION = 4096;

    static final ServoModel XL330_M077 = model("XL330-M077", 1190, true, 1.0);
    static final ServoModel XL330_M288 = model("XL330-M288", 1200, true, 1.0);
    static final ServoModel XL430_W250 = model("XL430-W250", 1060, false, 0);
    static final ServoModel XM430_W210 = model("XM430-W210", 1030, true, 2.69);
    static final ServoModel XM430_W350 = model("XM430-W350", 1020, true, 2.69);
    static final ServoModel XM540_W150 = model("XM540-W150", 1130, true, 2.69);
    static final ServoModel XM540_W270 = model("XM540-W270", 1120, true, 2.69);

    static final List<ServoModel> ALL = List.of(XL330_M077, XL330_M288, XL430_W250, XM430_W210, XM430_W350,
            XM540_W150, XM540_W270);

    private DynamixelModels() {
    }

    private static ServoModel model(String name, int number, boolean current, double currentUnit) {
        Map<Register, Field> r = new EnumMap<>(Register.class);
        r.put(Register.MODEL_NUMBER, Field.unsigned(0, 2));
        r.put(Register.FIRMWARE, Field.unsigned(6, 1));
        r.put(Register.ID, Field.unsigned(7, 1));
        r.put(Register.BAUD_RATE, Field.unsigned(8, 1));
        r.put(Register.RETURN_DELAY, Field.unsigned(9, 1));
        r.put(Register.OPERATING_MODE, Field.unsigned(11, 1));
        r.put(Register.HOMING_OFFSET, Field.signed(20, 4));
        r.put(Register.MAX_POSITION_LIMIT, Field.unsigned(48, 4));
        r.put(Register.MIN_POSITION_LIMIT, Field.unsigned(52, 4));
        r.put(Register.TORQUE_ENABLE, Field.unsigned(64, 1));
        r.put(Register.HARDWARE_ERROR, Field.unsigned(70, 1));
        r.put(Register.GOAL_POSITION, Field.signed(116, 4));
        r.put(Register.REALTIME_TICK, Field.unsigned(120, 2));
        r.put(Register.PRESENT_VELOCITY, Field.signed(128, 4));
        r.put(Register.PRESENT_POSITION, Field.signed(132, 4));
        r.put(Register.PRESENT_VOLTAGE, Field.unsigned(144, 2));
        r.put(Register.PRESENT_TEMPERATURE, Field.unsigned(146, 1));
        Map<OperatingMode, Integer> modes = new EnumMap<>(OperatingMode.class);
        modes.put(OperatingMode.VELOCITY, 1);
        modes.put(OperatingMode.POSITION, 3);
        modes.put(OperatingMode.EXTENDED_POSITION, 4);
        modes.put(OperatingMode.PWM, 16);
        if (current) {
            r.put(Register.GOAL_CURRENT, Field.signed(102, 2));
            r.put(Register.PRESENT_CURRENT, Field.signed(126, 2));
            modes.put(OperatingMode.CURRENT, 0);
            modes.put(OperatingMode.CURRENT_BASED_POSITION, 5);
        }
        return new ServoModel(name, number, RESOLUTION, r, modes, currentUnit);
    }
}
