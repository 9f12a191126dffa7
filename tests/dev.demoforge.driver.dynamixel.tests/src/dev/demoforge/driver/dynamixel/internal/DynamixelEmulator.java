package dev.demoforge.driver.dynamixel.internal;

import java.util.List;
import java.util.Map;

import dev.demoforge.driver.serial.BusCounters;
import dev.demoforge.driver.serial.BusPacket;
import dev.demoforge.driver.serial.ServoModel;
import dev.demoforge.test.support.serial.EmulatedServo;
import dev.demoforge.test.support.serial.ServoBankEmulator;

/**
 * A bank of Dynamixel X servos answering Protocol 2.0 on a serial port: ping (also broadcast), read, write, sync
 * read, sync write, bulk read; an unknown instruction gets Instruction Error, an address outside the table Access
 * Error. Uses the driver's own decoder and encoder, which the packet tests check against the e-Manual's examples.
 */
final class DynamixelEmulator extends ServoBankEmulator {

    static final EmulatedServo.Layout LAYOUT = new EmulatedServo.Layout(700, 64, 116, 132, 4, 120);
    static final int FIRMWARE = 46;

    private final Protocol2Decoder decoder = new Protocol2Decoder(new BusCounters());
    private volatile int alert;

    private DynamixelEmulator(String port, List<EmulatedServo> servos) {
        super(port, servos);
    }

    /** Starts a bank on {@code port}: one servo per id of the given model, resting at 2048 + 100 * id counts. */
    static DynamixelEmulator start(String port, Map<Integer, ServoModel> bank) {
        DynamixelEmulator e = new DynamixelEmulator(port, EmulatedServo.bank(LAYOUT, bank, (s, model) -> {
            s.set(0, 2, model.number());
            s.set(6, 1, FIRMWARE);
            s.set(7, 1, s.id());
            s.set(11, 1, 3);
            s.set(48, 4, 4095);
        }));
        e.start();
        return e;
    }

    /** Sets or clears the alert bit (hardware error) in every status from now on. */
    void alert(boolean on) {
        alert = on ? 0x80 : 0;
    }

    @Override
    protected void received(byte[] data, int length) {
        decoder.feed(data, 0, length);
        BusPacket p;
        while ((p = decoder.next()) != null) {
            if (p.instruction() != Protocol2.STATUS) {
                countRequest();
                handle(p);
            }
        }
    }

    private void handle(BusPacket p) {
        int id = p.id();
        boolean broadcast = id == Protocol2.BROADCAST_ID;
        EmulatedServo s = servo(id);
        switch (p.instruction()) {
            case Protocol2.PING -> {
                for (EmulatedServo t : broadcast ? servos() : s == null ? List.<EmulatedServo>of() : List.of(s)) {
                    reply(Protocol2.status(t.id(), alert, new byte[] {(byte) t.get(0, 1), (byte) t.get(1, 1),
                        (byte) t.get(6, 1)}));
                }
            }
            case Protocol2.READ -> {
                if (s != null && p.params().length == 4) {
                    answerRead(s, u16(p, 0), u16(p, 2));
                }
            }
            case Protocol2.WRITE -> {
                if (s != null && p.params().length >= 2) {
                    byte[] bytes = java.util.Arrays.copyOfRange(p.params(), 2, p.params().length);
                    reply(Protocol2.status(id, s.write(u16(p, 0), bytes) ? alert : 0x07 | alert, new byte[0]));
                }
            }
            case Protocol2.SYNC_READ -> {
                for (int i = 4; i < p.params().length; i++) {
                    EmulatedServo t = servo(p.param(i));
                    if (t != null) {
                        answerRead(t, u16(p, 0), u16(p, 2));
                    }
                }
            }
            case Protocol2.SYNC_WRITE -> {
                int address = u16(p, 0);
                int len = u16(p, 2);
                for (int i = 4; i + 1 + len <= p.params().length; i += 1 + len) {
                    EmulatedServo t = servo(p.param(i));
                    if (t != null) {
                        t.write(address, java.util.Arrays.copyOfRange(p.params(), i + 1, i + 1 + len));
                    }
                }
            }
            case Protocol2.BULK_READ -> {
                for (int i = 0; i + 5 <= p.params().length; i += 5) {
                    EmulatedServo t = servo(p.param(i));
                    if (t != null) {
                        answerRead(t, u16(p, i + 1), u16(p, i + 3));
                    }
                }
            }
            default -> {
                if (s != null) {
                    reply(Protocol2.status(id, 0x02 | alert, new byte[0]));
                }
            }
        }
    }

    private void answerRead(EmulatedServo s, int address, int length) {
        byte[] data = s.read(address, length);
        reply(data == null ? Protocol2.status(s.id(), 0x07 | alert, new byte[0]) : Protocol2.status(s.id(), alert, data));
    }

    private static int u16(BusPacket p, int i) {
        return p.param(i) | p.param(i + 1) << 8;
    }
}
