package dev.demoforge.driver.feetech.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import dev.demoforge.driver.serial.BusCounters;
import dev.demoforge.driver.serial.BusPacket;
import dev.demoforge.driver.serial.ServoModel;
import dev.demoforge.test.support.serial.EmulatedServo;
import dev.demoforge.test.support.serial.ServoBankEmulator;

/**
 * A bank of Feetech STS servos answering the SCS protocol: ping, read, write, sync read, sync write. A read outside
 * the table gets no reply. Status error flags can be raised for every reply. Uses the driver's own decoder and
 * encoder, which the packet tests check against the manual's examples.
 */
final class FeetechEmulator extends ServoBankEmulator {

    static final EmulatedServo.Layout LAYOUT = new EmulatedServo.Layout(128, 40, 42, 56, 2, -1);
    static final int FIRMWARE_MAJOR = 3;
    static final int FIRMWARE_MINOR = 10;

    private final ScsDecoder decoder = new ScsDecoder(new BusCounters());
    private volatile int flags;

    private FeetechEmulator(String port, List<EmulatedServo> servos) {
        super(port, servos);
    }

    /** Starts a bank: one servo per id, resting at 2048 + 100 * id counts. */
    static FeetechEmulator start(String port, Map<Integer, ServoModel> bank) {
        FeetechEmulator e = new FeetechEmulator(port, EmulatedServo.bank(LAYOUT, bank, (s, model) -> {
            s.set(0, 1, FIRMWARE_MAJOR);
            s.set(1, 1, FIRMWARE_MINOR);
            s.set(3, 2, model.number());
            s.set(5, 1, s.id());
            s.set(11, 2, 4095);
        }));
        e.start();
        return e;
    }

    /** Error flags sent in every status from now on (0 for none). */
    void flags(int errorByte) {
        flags = errorByte;
    }

    @Override
    protected void received(byte[] data, int length) {
        decoder.feed(data, 0, length);
        BusPacket p;
        while ((p = decoder.next()) != null) {
            countRequest();
            handle(p);
        }
    }

    private void handle(BusPacket p) {
        EmulatedServo s = servo(p.id());
        byte[] a = p.params();
        switch (p.instruction()) {
            case Scs.PING -> {
                for (EmulatedServo t : p.id() == Scs.BROADCAST_ID ? servos() : s == null ? List.<EmulatedServo>of()
                        : List.of(s)) {
                    reply(Scs.packet(t.id(), flags, new byte[0]));
                }
            }
            case Scs.READ -> {
                if (s != null && a.length == 2) {
                    answerRead(s, a[0] & 0xFF, a[1] & 0xFF);
                }
            }
            case Scs.WRITE -> {
                if (s != null && a.length >= 2 && s.write(a[0] & 0xFF, Arrays.copyOfRange(a, 1, a.length))) {
                    reply(Scs.packet(s.id(), flags, new byte[0]));
                }
            }
            case Scs.SYNC_READ -> {
                for (int i = 2; i < a.length; i++) {
                    EmulatedServo t = servo(a[i] & 0xFF);
                    if (t != null && a.length >= 2) {
                        answerRead(t, a[0] & 0xFF, a[1] & 0xFF);
                    }
                }
            }
            case Scs.SYNC_WRITE -> {
                int len = a.length >= 2 ? a[1] & 0xFF : 0;
                for (int i = 2; len > 0 && i + 1 + len <= a.length; i += 1 + len) {
                    EmulatedServo t = servo(a[i] & 0xFF);
                    if (t != null) {
                        t.write(a[0] & 0xFF, Arrays.copyOfRange(a, i + 1, i + 1 + len));
                    }
                }
            }
            default -> {
                // unknown instructions get no answer
            }
        }
    }

    private void answerRead(EmulatedServo s, int address, int length) {
        byte[] data = s.read(address, length);
        if (data != null) {
            reply(Scs.packet(s.id(), flags, data));
        }
    }
}
