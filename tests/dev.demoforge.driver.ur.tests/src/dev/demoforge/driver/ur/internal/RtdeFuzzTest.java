package dev.demoforge.driver.ur.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import dev.demoforge.device.api.DeviceStatus.State;
import dev.demoforge.test.support.CollectingDeviceContext;

/**
 * Random bytes into every RTDE decoder, and a "controller" that answers with noise: only {@link RtdeException}s
 * come out of the decoders, and the driver reports OFFLINE with a reason and keeps trying.
 */
class RtdeFuzzTest {

    @Test
    void decodersThrowOnlyRtdeExceptionsOnRandomPayloads() {
        SplittableRandom rng = new SplittableRandom(7);
        OutputRecipe recipe = new OutputRecipe(1, RtdeSession.OUTPUTS, List.of(RtdeType.DOUBLE, RtdeType.VECTOR6D,
                RtdeType.VECTOR6D, RtdeType.VECTOR6D, RtdeType.VECTOR6D, RtdeType.VECTOR6D, RtdeType.VECTOR6D,
                RtdeType.INT32, RtdeType.INT32, RtdeType.UINT32));
        byte[] valid = RtdePacketTest.payload(RtdePacketTest.hex(RtdePacketTest.DATA_PACKAGE));
        double[] row = new double[recipe.width()];
        int decoded = 0;
        for (int i = 0; i < 50_000; i++) {
            byte[] p = i % 4 == 0 ? valid.clone() : new byte[rng.nextInt(0, 400)];
            if (i % 4 == 0) {
                p[rng.nextInt(p.length)] ^= (byte) (1 << rng.nextInt(8));
            } else {
                rng.nextBytes(p);
            }
            decoded += tryDecode(() -> recipe.decode(p, row)) ? 1 : 0;
            tryDecode(() -> Rtde.textMessage(p));
            tryDecode(() -> Rtde.controllerVersion(p));
            tryDecode(() -> Rtde.recipe(Rtde.SETUP_OUTPUTS, p, RtdeSession.OUTPUTS));
            tryDecode(() -> Rtde.accepted(Rtde.START, p));
        }
        assertTrue(decoded > 10_000, "bit flips keep the size, so most still decode: " + decoded);
    }

    private interface Decode {
        void run() throws RtdeException;
    }

    private static boolean tryDecode(Decode d) {
        try {
            d.run();
            return true;
        } catch (RtdeException expected) {
            return false;
        }
    }

    @Test
    void aServerAnsweringNoiseGivesOfflineWithAReason() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Thread noise = new Thread(() -> {
                SplittableRandom rng = new SplittableRandom(3);
                while (!server.isClosed()) {
                    try (Socket s = server.accept(); OutputStream out = s.getOutputStream()) {
                        byte[] junk = new byte[64];
                        rng.nextBytes(junk);
                        junk[0] = 0;
                        junk[1] = 2;
                        out.write(junk);
                        out.flush();
                        Thread.sleep(50);
                    } catch (IOException | InterruptedException e) {
                        return;
                    }
                }
            }, "ur-emulator-noise");
            noise.setDaemon(true);
            noise.start();
            var cfg = UrBench.config(server.getLocalPort());
            UrRtdeDriver d = (UrRtdeDriver) new UrRtdeDriverFactory().create(cfg);
            CollectingDeviceContext ctx = new CollectingDeviceContext(cfg);
            d.start(ctx);
            try {
                var s = ctx.awaitState(State.OFFLINE, java.time.Duration.ofSeconds(5));
                assertTrue(s.reason().contains("out of step"), s.reason());
                assertTrue(ctx.total() == 0);
            } finally {
                d.stop();
            }
        }
    }
}
