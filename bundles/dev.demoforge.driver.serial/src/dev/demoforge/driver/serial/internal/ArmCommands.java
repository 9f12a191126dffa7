package dev.demoforge.driver.serial.internal;

import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntUnaryOperator;

import dev.demoforge.driver.serial.Calibration;
import dev.demoforge.driver.serial.Field;
import dev.demoforge.driver.serial.OperatingMode;
import dev.demoforge.driver.serial.Register;
import dev.demoforge.driver.serial.ServoArmConfig;
import dev.demoforge.driver.serial.ServoBus;
import dev.demoforge.driver.serial.ServoBusException;
import dev.demoforge.driver.serial.ServoFamily;
import dev.demoforge.driver.serial.ServoModel;

/** The commands of {@link dev.demoforge.driver.serial.ServoArm} as jobs for the bus thread. */
public final class ArmCommands {

    private final ServoFamily family;
    private final ServoArmConfig config;

    public ArmCommands(ServoFamily family, ServoArmConfig config) {
        this.family = family;
        this.config = config;
    }

    public BusWorker.Job<Void> torque(boolean on) {
        return (bus, models) -> {
            writeAll(bus, models, Register.TORQUE_ENABLE, id -> on ? 1 : 0);
            return null;
        };
    }

    public BusWorker.Job<Void> mode(OperatingMode mode) {
        return (bus, models) -> {
            for (int id : config.ids()) {
                ServoModel m = models.get(id);
                if (!m.modes().containsKey(mode)) {
                    throw new IllegalArgumentException(m.name() + " (id " + id + ") has no " + mode + " mode; it has "
                            + m.modes().keySet());
                }
            }
            writeAll(bus, models, Register.TORQUE_ENABLE, id -> 0);
            for (int id : config.ids()) {
                ServoModel m = models.get(id);
                Field f = m.require(Register.OPERATING_MODE);
                writeAcknowledged(bus, id, f.address(), f.encode(m.modes().get(mode)));
            }
            return null;
        };
    }

    public BusWorker.Job<Void> goalPositions(double[] radians, BusWorker worker) {
        checkWidth(radians, "goal positions");
        return (bus, models) -> {
            Calibration cal = worker.calibration();
            writeAll(bus, models, Register.GOAL_POSITION,
                    id -> cal.toRaw(id, radians[config.ids().indexOf(id)], models.get(id).resolution()));
            return null;
        };
    }

    public BusWorker.Job<Void> goalCurrents(double[] milliamps) {
        checkWidth(milliamps, "goal currents");
        return (bus, models) -> {
            for (int id : config.ids()) {
                ServoModel m = models.get(id);
                m.require(Register.GOAL_CURRENT);
                if (m.currentUnitMilliamps() <= 0) {
                    throw new IllegalArgumentException(m.name() + " (id " + id + ") has no current control");
                }
            }
            writeAll(bus, models, Register.GOAL_CURRENT, id -> (int) Math.round(
                    milliamps[config.ids().indexOf(id)] / models.get(id).currentUnitMilliamps()));
            return null;
        };
    }

    public BusWorker.Job<Calibration> calibrateHoming(BusWorker worker) {
        return (bus, models) -> {
            ServoFamily.PollBlock block = family.pollBlock();
            Map<Integer, byte[]> data = bus.syncRead(config.ids(), block.address(), block.length());
            if (data.size() < config.ids().size()) {
                throw new IOException("cannot calibrate: ids " + config.ids().stream()
                        .filter(id -> !data.containsKey(id)).toList() + " did not answer");
            }
            Map<Integer, Integer> raw = new HashMap<>();
            int resolution = 0;
            for (int id : config.ids()) {
                ServoModel m = models.get(id);
                Field pos = m.require(Register.PRESENT_POSITION);
                raw.put(id, pos.decode(data.get(id), pos.address() - block.address()));
                resolution = m.resolution();
            }
            Calibration cal = worker.calibration().zeroedAt(raw, resolution);
            if (config.calibrationFile() != null) {
                cal.save(config.calibrationFile());
            }
            worker.calibration(cal);
            return cal;
        };
    }

    private void checkWidth(double[] values, String what) {
        if (values.length != config.ids().size()) {
            throw new IllegalArgumentException(config.deviceId() + ": " + values.length + " " + what + " for "
                    + config.ids().size() + " joints");
        }
    }

    /** Writes one register of every servo: one sync write when all share its address and size, else one by one. */
    private void writeAll(ServoBus bus, Map<Integer, ServoModel> models, Register register, IntUnaryOperator value)
            throws IOException {
        List<Integer> ids = config.ids();
        Set<Field> fields = new HashSet<>();
        for (int id : ids) {
            fields.add(models.get(id).require(register));
        }
        if (fields.size() == 1) {
            Field f = fields.iterator().next();
            Map<Integer, byte[]> values = new HashMap<>();
            for (int id : ids) {
                values.put(id, f.encode(value.applyAsInt(id)));
            }
            bus.syncWrite(f.address(), f.size(), values);
        } else {
            for (int id : ids) {
                Field f = models.get(id).require(register);
                writeAcknowledged(bus, id, f.address(), f.encode(value.applyAsInt(id)));
            }
        }
    }

    /** A write whose acknowledgement may be lost once (noise, a late reply): tried twice before it fails. */
    private static void writeAcknowledged(ServoBus bus, int id, int address, byte[] data) throws IOException {
        try {
            bus.write(id, address, data);
        } catch (ServoBusException e) {
            if (e.kind() != ServoBusException.Kind.TIMEOUT) {
                throw e;
            }
            bus.write(id, address, data);
        }
    }
}
