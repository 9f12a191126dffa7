package dev.demoforge.driver.serial;

import java.util.Map;
import java.util.Optional;

/**
 * One servo model: its model number, encoder resolution and control table. Immutable.
 *
 * @param name                 e.g. "XL430-W250", "STS3215"
 * @param number               the model number the servo reports
 * @param resolution           encoder counts per turn
 * @param registers            where each supported register lives
 * @param modes                operating modes and the value of the operating-mode register for each
 * @param currentUnitMilliamps mA per unit of the current registers; 0 when the model has no current sensing
 * @since 0.1
 */
public record ServoModel(String name, int number, int resolution, Map<Register, Field> registers,
        Map<OperatingMode, Integer> modes, double currentUnitMilliamps) {

    public ServoModel {
        registers = Map.copyOf(registers);
        modes = Map.copyOf(modes);
    }

    public Optional<Field> field(Register register) {
        return Optional.ofNullable(registers.get(register));
    }

    /** The field of a register the caller needs; {@link IllegalArgumentException} naming model and register if absent. */
    public Field require(Register register) {
        Field f = registers.get(register);
        if (f == null) {
            throw new IllegalArgumentException(name + " has no " + register.name().toLowerCase().replace('_', ' '));
        }
        return f;
    }

    /** Encoder count of the middle of the range, where a joint reads 0 rad without calibration. */
    public int center() {
        return resolution / 2;
    }
}
