package dev.demoforge.driver.ur.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import dev.demoforge.driver.ur.ControllerVersion;

/**
 * RTDE packets (Universal Robots' "Real-Time Data Exchange" guide, protocol version 2): every packet is a header of
 * {@code uint16 size} (header included) and {@code uint8 type}, then the payload, all big-endian. Encoders return
 * whole packets; decoders take the payload of a reply and throw {@link RtdeException} naming what is wrong.
 * Stateless and thread-safe.
 */
final class Rtde {

    static final int REQUEST_PROTOCOL_VERSION = 'V';
    static final int GET_URCONTROL_VERSION = 'v';
    static final int TEXT_MESSAGE = 'M';
    static final int DATA_PACKAGE = 'U';
    static final int SETUP_OUTPUTS = 'O';
    static final int SETUP_INPUTS = 'I';
    static final int START = 'S';
    static final int PAUSE = 'P';
    static final int HEADER_BYTES = 3;
    static final int PROTOCOL_VERSION = 2;

    /** Text message levels of protocol version 2. */
    static final List<String> LEVELS = List.of("EXCEPTION", "ERROR", "WARNING", "INFO");

    /** A text message from the controller (or to it). */
    record TextMessage(String message, String source, int level) {

        String levelName() {
            return level >= 0 && level < LEVELS.size() ? LEVELS.get(level) : "LEVEL_" + level;
        }
    }

    /** A setup reply: the recipe id the controller gave and the type of each variable, in request order. */
    record RecipeReply(int id, List<RtdeType> types) {
    }

    private Rtde() {
    }

    static byte[] packet(int type, byte[] payload) {
        int size = HEADER_BYTES + payload.length;
        if (size > 0xFFFF) {
            throw new IllegalArgumentException("RTDE packet of " + size + " bytes exceeds 65535");
        }
        return ByteBuffer.allocate(size).putShort((short) size).put((byte) type).put(payload).array();
    }

    static byte[] requestProtocolVersion(int version) {
        return packet(REQUEST_PROTOCOL_VERSION, ByteBuffer.allocate(2).putShort((short) version).array());
    }

    static byte[] getControllerVersion() {
        return packet(GET_URCONTROL_VERSION, new byte[0]);
    }

    static byte[] setupOutputs(double frequencyHz, List<String> variables) {
        byte[] names = String.join(",", variables).getBytes(StandardCharsets.UTF_8);
        return packet(SETUP_OUTPUTS, ByteBuffer.allocate(8 + names.length).putDouble(frequencyHz).put(names).array());
    }

    static byte[] setupInputs(List<String> variables) {
        return packet(SETUP_INPUTS, String.join(",", variables).getBytes(StandardCharsets.UTF_8));
    }

    static byte[] start() {
        return packet(START, new byte[0]);
    }

    static byte[] pause() {
        return packet(PAUSE, new byte[0]);
    }

    /** A text message to the controller's log: {@code uint8 length, message, uint8 length, source, uint8 level}. */
    static byte[] textMessage(TextMessage m) {
        byte[] msg = cut(m.message().getBytes(StandardCharsets.UTF_8));
        byte[] src = cut(m.source().getBytes(StandardCharsets.UTF_8));
        ByteBuffer b = ByteBuffer.allocate(3 + msg.length + src.length);
        b.put((byte) msg.length).put(msg).put((byte) src.length).put(src).put((byte) m.level());
        return packet(TEXT_MESSAGE, b.array());
    }

    /** An input data package: recipe id, then each variable's values by its type ({@code values} flattened). */
    static byte[] inputPackage(int recipeId, List<RtdeType> types, double[] values) {
        int bytes = 1;
        int n = 0;
        for (RtdeType t : types) {
            bytes += t.bytes();
            n += t.count();
        }
        if (values.length != n) {
            throw new IllegalArgumentException("input recipe " + recipeId + " takes " + n + " values, got "
                    + values.length);
        }
        ByteBuffer b = ByteBuffer.allocate(bytes).put((byte) recipeId);
        int at = 0;
        for (RtdeType t : types) {
            t.write(b, values, at);
            at += t.count();
        }
        return packet(DATA_PACKAGE, b.array());
    }

    /** The uint8 "accepted" / "success" answer of REQUEST_PROTOCOL_VERSION, START and PAUSE. */
    static boolean accepted(int type, byte[] payload) throws RtdeException {
        if (payload.length != 1) {
            throw new RtdeException(name(type) + " reply has " + payload.length + " payload bytes, expected 1", false);
        }
        return payload[0] != 0;
    }

    static ControllerVersion controllerVersion(byte[] payload) throws RtdeException {
        if (payload.length != 16) {
            throw new RtdeException("RTDE_GET_URCONTROL_VERSION reply has " + payload.length
                    + " payload bytes, expected 16", false);
        }
        ByteBuffer b = ByteBuffer.wrap(payload);
        return new ControllerVersion(b.getInt() & 0xFFFF_FFFFL, b.getInt() & 0xFFFF_FFFFL, b.getInt() & 0xFFFF_FFFFL,
                b.getInt() & 0xFFFF_FFFFL);
    }

    /**
     * A setup reply: {@code uint8 recipe id} and the comma-separated types. A variable the controller does not know
     * ({@code NOT_FOUND}) or that another client or a fieldbus holds ({@code IN_USE}) is named in the exception.
     */
    static RecipeReply recipe(int type, byte[] payload, List<String> variables) throws RtdeException {
        if (payload.length < 1) {
            throw new RtdeException(name(type) + " reply is empty", false);
        }
        String[] names = new String(payload, 1, payload.length - 1, StandardCharsets.UTF_8).split(",", -1);
        if (names.length != variables.size()) {
            throw new RtdeException(name(type) + " reply lists " + names.length + " types for " + variables.size()
                    + " variables: " + String.join(",", names), false);
        }
        List<RtdeType> types = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            RtdeType t = RtdeType.byName(names[i].strip());
            if (t == null) {
                String why = switch (names[i].strip()) {
                    case "NOT_FOUND" -> "is not known to this controller (check the name and the software version)";
                    case "IN_USE" -> "is in use by another RTDE client or a fieldbus";
                    default -> "has an unknown type '" + names[i] + "'";
                };
                throw new RtdeException("RTDE variable '" + variables.get(i) + "' " + why, !"IN_USE".equals(names[i]));
            }
            types.add(t);
        }
        return new RecipeReply(payload[0] & 0xFF, List.copyOf(types));
    }

    /** A controller's text message (protocol version 2 layout). */
    static TextMessage textMessage(byte[] payload) throws RtdeException {
        try {
            ByteBuffer b = ByteBuffer.wrap(payload);
            String msg = string(b, b.get() & 0xFF);
            String src = string(b, b.get() & 0xFF);
            return new TextMessage(msg, src, b.get() & 0xFF);
        } catch (java.nio.BufferUnderflowException e) {
            throw new RtdeException("RTDE_TEXT_MESSAGE of " + payload.length + " bytes is truncated", false);
        }
    }

    /** "RTDE_DATA_PACKAGE" and so on, for messages. */
    static String name(int type) {
        return switch (type) {
            case REQUEST_PROTOCOL_VERSION -> "RTDE_REQUEST_PROTOCOL_VERSION";
            case GET_URCONTROL_VERSION -> "RTDE_GET_URCONTROL_VERSION";
            case TEXT_MESSAGE -> "RTDE_TEXT_MESSAGE";
            case DATA_PACKAGE -> "RTDE_DATA_PACKAGE";
            case SETUP_OUTPUTS -> "RTDE_CONTROL_PACKAGE_SETUP_OUTPUTS";
            case SETUP_INPUTS -> "RTDE_CONTROL_PACKAGE_SETUP_INPUTS";
            case START -> "RTDE_CONTROL_PACKAGE_START";
            case PAUSE -> "RTDE_CONTROL_PACKAGE_PAUSE";
            default -> "packet type " + type;
        };
    }

    private static String string(ByteBuffer b, int length) {
        byte[] s = new byte[length];
        b.get(s);
        return new String(s, StandardCharsets.UTF_8);
    }

    private static byte[] cut(byte[] s) {
        return s.length <= 255 ? s : java.util.Arrays.copyOf(s, 255);
    }
}
