package dev.demoforge.test.support.serial;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * One emulated bus servo: a control table (little-endian registers) whose present position moves. With torque off
 * the joint is swung by hand: a slow sine of {@value #SWING_COUNTS} counts around its rest position. Turning torque on
 * makes it hold where it is (the goal is set to the present position); it then travels toward each new goal at
 * {@value #SPEED_COUNTS_PER_S} counts per second. A realtime tick (ms, modulo 32768) is kept where the layout has
 * one. Thread-safe: all access is synchronized.
 *
 * @since 0.1
 */
public final class EmulatedServo {

    /** Amplitude of the hand-swing with torque off, counts. */
    public static final int SWING_COUNTS = 200;
    /** Travel speed toward the goal with torque on, counts per second. */
    public static final int SPEED_COUNTS_PER_S = 4096;

    /**
     * Where the registers the motion model needs live in the control table.
     *
     * @param tableSize       bytes of control table
     * @param torqueEnable    address of the 1-byte torque enable
     * @param goalPosition    address of the goal position
     * @param presentPosition address of the present position
     * @param positionSize    size of both position registers, bytes
     * @param realtimeTick    address of a 2-byte millisecond tick, or -1
     */
    public record Layout(int tableSize, int torqueEnable, int goalPosition, int presentPosition, int positionSize,
            int realtimeTick) {
    }

    private final int id;
    private final Layout layout;
    private final byte[] table;
    private final long bornNanos = System.nanoTime();
    private int rest;
    private double position;
    private long lastNanos = bornNanos;

    /** A servo at rest at {@code restPosition} counts. */
    public EmulatedServo(int id, Layout layout, int restPosition) {
        this.id = id;
        this.layout = layout;
        this.table = new byte[layout.tableSize()];
        this.rest = restPosition;
        this.position = restPosition;
        put(layout.presentPosition(), layout.positionSize(), restPosition);
        put(layout.goalPosition(), layout.positionSize(), restPosition);
    }

    /**
     * One servo per id of {@code bank}, in the map's order, each at rest at {@code 2048 + 100 * id} counts (distinct
     * positions near the middle of a 12-bit range), with its factory values (model number, firmware, id register...)
     * written by {@code factoryValues}.
     *
     * @param <M> what the map gives per id, such as the servo model
     * @since 0.2
     */
    public static <M> List<EmulatedServo> bank(Layout layout, Map<Integer, M> bank,
            BiConsumer<EmulatedServo, M> factoryValues) {
        List<EmulatedServo> servos = new ArrayList<>();
        bank.forEach((id, model) -> {
            EmulatedServo s = new EmulatedServo(id, layout, 2048 + 100 * id);
            factoryValues.accept(s, model);
            servos.add(s);
        });
        return servos;
    }

    public int id() {
        return id;
    }

    public synchronized int tableSize() {
        return table.length;
    }

    /** Reads {@code length} bytes at {@code address} after bringing the motion up to now; null when out of range. */
    public synchronized byte[] read(int address, int length) {
        if (address < 0 || length < 0 || address + length > table.length) {
            return null;
        }
        update();
        byte[] out = new byte[length];
        System.arraycopy(table, address, out, 0, length);
        return out;
    }

    /** Writes bytes at {@code address}; false when out of range. */
    public synchronized boolean write(int address, byte[] data) {
        if (address < 0 || address + data.length > table.length) {
            return false;
        }
        update();
        boolean wasOn = table[layout.torqueEnable()] != 0;
        System.arraycopy(data, 0, table, address, data.length);
        boolean on = table[layout.torqueEnable()] != 0;
        if (on && !wasOn && !(address <= layout.goalPosition() && layout.goalPosition() < address + data.length)) {
            put(layout.goalPosition(), layout.positionSize(), (int) Math.round(position));
        } else if (!on && wasOn) {
            rest = (int) Math.round(position - SWING_COUNTS * Math.sin(swingPhase(System.nanoTime())));
        }
        return true;
    }

    /** An unsigned little-endian register value. */
    public synchronized int get(int address, int size) {
        update();
        return get0(address, size);
    }

    /** Sets a little-endian register (a factory value such as the model number). */
    public synchronized void set(int address, int size, int value) {
        put(address, size, value);
    }

    /** Present position, counts. */
    public synchronized int position() {
        update();
        return (int) Math.round(position);
    }

    private void update() {
        long now = System.nanoTime();
        double dt = (now - lastNanos) / 1e9;
        lastNanos = now;
        boolean torque = table[layout.torqueEnable()] != 0;
        if (torque) {
            double goal = get0(layout.goalPosition(), layout.positionSize());
            double step = SPEED_COUNTS_PER_S * dt;
            position = Math.abs(goal - position) <= step ? goal : position + Math.signum(goal - position) * step;
        } else {
            position = rest + SWING_COUNTS * Math.sin(swingPhase(now));
        }
        put(layout.presentPosition(), layout.positionSize(), (int) Math.round(position));
        if (layout.realtimeTick() >= 0) {
            put(layout.realtimeTick(), 2, (int) (((now - bornNanos) / 1_000_000L) % 32768));
        }
    }

    private double swingPhase(long now) {
        return 2 * Math.PI * 0.5 * (now - bornNanos) / 1e9 + id;
    }

    private int get0(int address, int size) {
        long v = 0;
        for (int i = size - 1; i >= 0; i--) {
            v = (v << 8) | (table[address + i] & 0xFF);
        }
        return (int) v;
    }

    private void put(int address, int size, int value) {
        for (int i = 0; i < size; i++) {
            table[address + i] = (byte) (value >>> (8 * i));
        }
    }
}
