package dev.demoforge.driver.ur.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.demoforge.driver.ur.ControllerVersion;

/**
 * RTDE encoders and decoders against example packets of UR's own client. The bytes below were produced by running
 * {@code rtde/rtde.py} and {@code rtde/serialize.py} of UniversalRobots/RTDE_Python_Client_Library (commit 647788c)
 * on a capturing socket: requests are what its {@code negotiate_protocol_version}, {@code get_controller_version},
 * {@code send_output_setup(names, types, 500)}, {@code send_input_setup}, {@code send_start}, {@code send_pause},
 * {@code send(setp)} and {@code send_message(b"hello", b"DemoForge", INFO)} wrote; the data package was packed with
 * the struct format its {@code DataConfig.unpack_recipe} derives from the reply types, and its
 * {@code DataConfig.unpack} gave the values asserted here.
 */
class RtdePacketTest {

    private static final List<String> OUTPUT_TYPES = List.of("DOUBLE", "VECTOR6D", "VECTOR6D", "VECTOR6D",
            "VECTOR6D", "VECTOR6D", "VECTOR6D", "INT32", "INT32", "UINT32");

    /** The data package for the output recipe (id 1) of {@link RtdeSession#OUTPUTS}, 312 bytes. */
    static final String DATA_PACKAGE = ""
            + "01 38 55 01 40 93 4A 00 00 00 00 00 3F B9 99 99 99 99 99 9A BF F3 33 33 "
            + "33 33 33 33 3F F4 CC CC CC CC CC CD BF D9 99 99 99 99 99 9A 3F F8 00 00 "
            + "00 00 00 00 3F E3 33 33 33 33 33 33 3F 84 7A E1 47 AE 14 7B 3F 94 7A E1 "
            + "47 AE 14 7B BF 9E B8 51 EB 85 1E B8 3F A4 7A E1 47 AE 14 7B 3F A9 99 99 "
            + "99 99 99 9A BF AE B8 51 EB 85 1E B8 3F F8 00 00 00 00 00 00 C0 02 00 00 "
            + "00 00 00 00 3F E8 00 00 00 00 00 00 3F C0 00 00 00 00 00 00 BF E0 00 00 "
            + "00 00 00 00 3F D0 00 00 00 00 00 00 3F D9 99 99 99 99 99 9A BF C9 99 99 "
            + "99 99 99 9A 3F D3 33 33 33 33 33 33 00 00 00 00 00 00 00 00 40 09 1E B8 "
            + "51 EB 85 1F 00 00 00 00 00 00 00 00 3F F0 00 00 00 00 00 00 C0 00 00 00 "
            + "00 00 00 00 C0 23 00 00 00 00 00 00 3F B9 99 99 99 99 99 9A BF C9 99 99 "
            + "99 99 99 9A 3F A9 99 99 99 99 99 9A 3F B9 99 99 99 99 99 9A BF F3 33 33 "
            + "33 33 33 33 3F F4 CC CC CC CC CC CD BF D9 99 99 99 99 99 9A 3F F8 00 00 "
            + "00 00 00 00 3F E3 33 33 33 33 33 33 00 00 00 07 00 00 00 01 00 00 00 02 ";

    @Test
    void requestsMatchTheOfficialClientByteForByte() {
        assertArrayEquals(hex("00 05 56 00 02"), Rtde.requestProtocolVersion(2));
        assertArrayEquals(hex("00 03 76"), Rtde.getControllerVersion());
        assertArrayEquals(cat(hex("00 85 4F 40 7F 40 00 00 00 00 00"), ascii(String.join(",", RtdeSession.OUTPUTS))),
                Rtde.setupOutputs(500, RtdeSession.OUTPUTS));
        assertArrayEquals(cat(hex("00 A7 49"), ascii("input_double_register_0,input_double_register_1,"
                + "input_double_register_2,input_double_register_3,input_double_register_4,input_double_register_5,"
                + "input_int_register_0")), Rtde.setupInputs(RtdeSession.servoInputs(0)));
        assertArrayEquals(hex("00 03 53"), Rtde.start());
        assertArrayEquals(hex("00 03 50"), Rtde.pause());
        assertArrayEquals(hex("00 14 4D 05 68 65 6C 6C 6F 09 44 65 6D 6F 46 6F 72 67 65 03"),
                Rtde.textMessage(new Rtde.TextMessage("hello", "DemoForge", 3)));
    }

    @Test
    void servoInputPackageMatchesTheOfficialClientsSetpoint() {
        List<RtdeType> types = Arrays.asList(RtdeType.DOUBLE, RtdeType.DOUBLE, RtdeType.DOUBLE, RtdeType.DOUBLE,
                RtdeType.DOUBLE, RtdeType.DOUBLE, RtdeType.INT32);
        byte[] setp = Rtde.inputPackage(2, types, new double[] {-0.12, -0.43, 0.14, 0, 3.11, 0.04, 1});
        assertArrayEquals(hex("00 38 55 02 BF BE B8 51 EB 85 1E B8 BF DB 85 1E B8 51 EB 85 3F C1 EB 85 1E B8 51 EC"
                + " 00 00 00 00 00 00 00 00 40 08 E1 47 AE 14 7A E1 3F A4 7A E1 47 AE 14 7B 00 00 00 01"), setp);
        assertThrows(IllegalArgumentException.class, () -> Rtde.inputPackage(2, types, new double[6]));
    }

    @Test
    void repliesDecodeToTheFieldsTheOfficialClientReads() throws Exception {
        byte[] version = hex("00 13 76 00 00 00 05 00 00 00 0B 00 00 00 01 00 01 A7 1E");
        assertEquals(new ControllerVersion(5, 11, 1, 108318), Rtde.controllerVersion(payload(version)));
        byte[] outputs = cat(hex("00 53 4F 01"), ascii(String.join(",", OUTPUT_TYPES)));
        Rtde.RecipeReply out = Rtde.recipe(Rtde.SETUP_OUTPUTS, payload(outputs), RtdeSession.OUTPUTS);
        assertEquals(1, out.id());
        assertEquals(OUTPUT_TYPES, out.types().stream().map(Enum::name).toList());
        byte[] inputs = cat(hex("00 33 49 02"), ascii("DOUBLE,DOUBLE,DOUBLE,DOUBLE,DOUBLE,DOUBLE,INT32"));
        Rtde.RecipeReply in = Rtde.recipe(Rtde.SETUP_INPUTS, payload(inputs), RtdeSession.servoInputs(0));
        assertEquals(2, in.id());
        assertTrue(Rtde.accepted(Rtde.START, hex("01")));
        assertFalse(Rtde.accepted(Rtde.REQUEST_PROTOCOL_VERSION, hex("00")));
        Rtde.TextMessage m = Rtde.textMessage(payload(cat(hex("00 1F 4D 0F"), ascii("Program started"), hex("0A"),
                ascii("Controller"), hex("03"))));
        assertEquals(new Rtde.TextMessage("Program started", "Controller", 3), m);
        assertEquals("INFO", m.levelName());
    }

    @Test
    void dataPackageDecodesToTheOfficialClientsValues() throws Exception {
        byte[] packet = hex(DATA_PACKAGE);
        assertEquals(312, packet.length);
        OutputRecipe recipe = new OutputRecipe(1, RtdeSession.OUTPUTS,
                OUTPUT_TYPES.stream().map(RtdeType::valueOf).toList());
        assertEquals(309, recipe.payloadBytes());
        double[] row = new double[recipe.width()];
        recipe.decode(payload(packet), row);
        assertEquals(1234.5, row[recipe.offset("timestamp")]);
        assertArrayEquals(new double[] {0.1, -1.2, 1.3, -0.4, 1.5, 0.6}, slice(row, recipe.offset("actual_q")));
        assertArrayEquals(new double[] {1.0, -2.0, -9.5, 0.1, -0.2, 0.05},
                slice(row, recipe.offset("actual_TCP_force")));
        assertArrayEquals(new double[] {0.4, -0.2, 0.3, 0.0, 3.14, 0.0}, slice(row, recipe.offset("actual_TCP_pose")));
        assertEquals(7, row[recipe.offset("robot_mode")]);
        assertEquals(1, row[recipe.offset("safety_mode")]);
        assertEquals(2, row[recipe.offset("runtime_state")]);
    }

    @Test
    void repliesThatRefuseAVariableNameIt() {
        byte[] reply = cat(hex("01"), ascii("DOUBLE,NOT_FOUND"));
        RtdeException e = assertThrows(RtdeException.class, () -> Rtde.recipe(Rtde.SETUP_OUTPUTS, reply,
                List.of("timestamp", "actual_current")));
        assertTrue(e.getMessage().contains("'actual_current' is not known"), e.getMessage());
        assertTrue(e.permanent());
        RtdeException busy = assertThrows(RtdeException.class, () -> Rtde.recipe(Rtde.SETUP_INPUTS,
                cat(hex("02"), ascii("IN_USE")), List.of("input_double_register_0")));
        assertTrue(busy.getMessage().contains("'input_double_register_0' is in use"), busy.getMessage());
        assertFalse(busy.permanent());
    }

    @Test
    void dataPackageOfTheWrongSizeOrRecipeIsRefusedWithTheSizes() {
        OutputRecipe recipe = new OutputRecipe(1, RtdeSession.OUTPUTS,
                OUTPUT_TYPES.stream().map(RtdeType::valueOf).toList());
        byte[] p = payload(hex(DATA_PACKAGE));
        RtdeException shortOne = assertThrows(RtdeException.class,
                () -> recipe.decode(Arrays.copyOf(p, 100), new double[recipe.width()]));
        assertTrue(shortOne.getMessage().contains("100 payload bytes") && shortOne.getMessage().contains("309"));
        p[0] = 7;
        RtdeException other = assertThrows(RtdeException.class, () -> recipe.decode(p, new double[recipe.width()]));
        assertTrue(other.getMessage().contains("recipe 7"), other.getMessage());
    }

    static byte[] hex(String spaced) {
        return HexFormat.of().parseHex(spaced.replace(" ", ""));
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] cat(byte[]... parts) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            b.writeBytes(p);
        }
        return b.toByteArray();
    }

    /** The payload of a whole packet, after checking its header's size. */
    static byte[] payload(byte[] packet) {
        assertEquals(packet.length, ((packet[0] & 0xFF) << 8) | (packet[1] & 0xFF), "size field");
        return Arrays.copyOfRange(packet, 3, packet.length);
    }

    private static double[] slice(double[] row, int at) {
        return Arrays.copyOfRange(row, at, at + 6);
    }
}
