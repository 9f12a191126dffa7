package dev.demoforge.driver.dynamixel.internal;

import java.io.ByteArrayOutputStream;

/**
 * Packet encoding of Dynamixel Protocol 2.0 (ROBOTIS e-Manual, "Protocol 2.0"):
 * {@code FF FF FD 00 ID LEN_L LEN_H INST PARAM... CRC_L CRC_H}, where LEN counts the instruction, the parameters
 * and the CRC after byte stuffing (every {@code FF FF FD} in instruction and parameters gets an extra {@code FD}),
 * and the CRC ({@link Crc16}) covers everything before it. Status packets carry instruction 0x55 followed by the
 * error byte. Stateless, thread-safe.
 */
final class Protocol2 {

    static final int PING = 0x01;
    static final int READ = 0x02;
    static final int WRITE = 0x03;
    static final int REG_WRITE = 0x04;
    static final int ACTION = 0x05;
    static final int FACTORY_RESET = 0x06;
    static final int REBOOT = 0x08;
    static final int CLEAR = 0x10;
    static final int STATUS = 0x55;
    static final int SYNC_READ = 0x82;
    static final int SYNC_WRITE = 0x83;
    static final int BULK_READ = 0x92;
    static final int BULK_WRITE = 0x93;
    static final int BROADCAST_ID = 0xFE;
    /** Header plus id and length: the bytes before the instruction. */
    static final int HEAD = 7;
    /** Bytes of a status packet without parameters: head, instruction, error, CRC. */
    static final int STATUS_OVERHEAD = HEAD + 4;

    private Protocol2() {
    }

    /** An instruction packet. */
    static byte[] instruction(int id, int instruction, byte[] params) {
        byte[] body = new byte[1 + params.length];
        body[0] = (byte) instruction;
        System.arraycopy(params, 0, body, 1, params.length);
        return packet(id, body);
    }

    /** A status packet (what a servo sends). */
    static byte[] status(int id, int error, byte[] params) {
        byte[] body = new byte[2 + params.length];
        body[0] = (byte) STATUS;
        body[1] = (byte) error;
        System.arraycopy(params, 0, body, 2, params.length);
        return packet(id, body);
    }

    private static byte[] packet(int id, byte[] body) {
        byte[] stuffed = stuff(body);
        int length = stuffed.length + 2;
        byte[] p = new byte[HEAD + length];
        p[0] = (byte) 0xFF;
        p[1] = (byte) 0xFF;
        p[2] = (byte) 0xFD;
        p[3] = 0;
        p[4] = (byte) id;
        p[5] = (byte) length;
        p[6] = (byte) (length >>> 8);
        System.arraycopy(stuffed, 0, p, HEAD, stuffed.length);
        int crc = Crc16.of(p, 0, p.length - 2);
        p[p.length - 2] = (byte) crc;
        p[p.length - 1] = (byte) (crc >>> 8);
        return p;
    }

    /** Adds an 0xFD after every FF FF FD. */
    static byte[] stuff(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 4);
        for (int i = 0; i < body.length; i++) {
            out.write(body[i]);
            if (i >= 2 && body[i] == (byte) 0xFD && body[i - 1] == (byte) 0xFF && body[i - 2] == (byte) 0xFF) {
                out.write(0xFD);
            }
        }
        return out.toByteArray();
    }

    /** Removes the 0xFD that follows every FF FF FD; {@code data[from, to)}. */
    static byte[] unstuff(byte[] data, int from, int to) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(to - from);
        int i = from;
        while (i < to) {
            if (i + 3 < to && data[i] == (byte) 0xFF && data[i + 1] == (byte) 0xFF && data[i + 2] == (byte) 0xFD
                    && data[i + 3] == (byte) 0xFD) {
                out.write(0xFF);
                out.write(0xFF);
                out.write(0xFD);
                i += 4;
            } else {
                out.write(data[i++]);
            }
        }
        return out.toByteArray();
    }

    /** Little-endian 16-bit parameter bytes. */
    static byte[] u16(int v) {
        return new byte[] {(byte) v, (byte) (v >>> 8)};
    }

    /** Text of a status error byte: bit 7 is the hardware alert, bits 0-6 the error number. */
    static String describeError(int error) {
        String number = switch (error & 0x7F) {
            case 0 -> "";
            case 1 -> "Result Fail";
            case 2 -> "Instruction Error";
            case 3 -> "CRC Error";
            case 4 -> "Data Range Error";
            case 5 -> "Data Length Error";
            case 6 -> "Data Limit Error";
            case 7 -> "Access Error";
            default -> "error " + (error & 0x7F);
        };
        String alert = (error & 0x80) != 0 ? "Alert (hardware error; see Hardware Error Status)" : "";
        return number.isEmpty() ? alert : alert.isEmpty() ? number : number + ", " + alert;
    }
}
