package dev.demoforge.driver.sim.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.demoforge.device.api.DeviceConfig;
import dev.demoforge.device.api.DeviceContext;
import dev.demoforge.device.api.DeviceStatus;
import dev.demoforge.device.api.ImageSample;
import dev.demoforge.device.api.Sample;
import dev.demoforge.driver.sim.SimArmModel;

class CameraTest {

    private static final SimArmModel M = SimArmModel.DEFAULT;
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    @Test
    void framesChangeWhenTheArmMovesAndRepeatForTheSameState() {
        SimWorld world = new SimWorld("cam", M, 5);
        SimWorld.Run run = world.beginTrial(11);
        WorldState idle = world.state(run.startNanos() - 1);
        WorldState reaching = world.state(run.instant(run.trial().truth().phase("grasp")));
        for (String view : List.of("scene", "wrist")) {
            Renderer r = CameraDriver.renderer(view);
            byte[] a = r.renderBgr(idle, M);
            byte[] again = r.renderBgr(idle, M);
            byte[] b = r.renderBgr(reaching, M);
            assertArrayEquals(a, again, view + ": same state, same frame");
            double changed = changedPixels(a, b);
            assertTrue(changed > 0.02, view + ": only " + changed + " of the pixels changed while the arm moved");
        }
    }

    @Test
    void wristViewShowsTheObjectGrowingAsTheGripperDescends() {
        SimWorld world = new SimWorld("wrist", M, 5);
        SimWorld.Run run = world.beginTrial(11);
        double grasp = run.trial().truth().phase("grasp");
        Renderer r = CameraDriver.renderer("wrist");
        int far = redPixels(r.renderBgr(world.state(run.instant(grasp - 0.8)), M));
        int near = redPixels(r.renderBgr(world.state(run.instant(grasp)), M));
        assertTrue(far > 50 && near > 2 * far, "object pixels " + far + " above it, " + near + " at the grasp");
    }

    @Test
    void renderingIsCheap() {
        SimWorld world = new SimWorld("bench", M, 5);
        SimWorld.Run run = world.beginTrial(11);
        for (String view : List.of("scene", "wrist")) {
            Renderer r = CameraDriver.renderer(view);
            double t0 = run.trial().truth().phase("reach");
            for (int i = 0; i < 100; i++) {
                r.renderBgr(world.state(run.instant(t0 + i * 0.03)), M);
            }
            int n = 300;
            long start = System.nanoTime();
            long cpu = CPU.getCurrentThreadCpuTime();
            for (int i = 0; i < n; i++) {
                r.renderBgr(world.state(run.instant(t0 + i * 0.02)), M);
            }
            double ms = (CPU.getCurrentThreadCpuTime() - cpu) / 1e6 / n;
            double wall = (System.nanoTime() - start) / 1e6 / n;
            System.out.printf("Render %s: %.3f ms CPU per frame, %.3f ms wall (incl. world state and the BGR copy)%n",
                    view, ms, wall);
            assertTrue(ms < 15, view + " takes " + ms + " ms per frame");
        }
    }

    @Test
    void driverPublishesAFreshArrayPerFrameThatNobodyOverwrites() throws Exception {
        SimWorlds worlds = new SimWorlds();
        worlds.world("freshness").beginTrial(11);
        DeviceConfig cfg = new DeviceConfig("cam", "sim.camera", Map.of("view", "scene", "fps", "60",
                "world", "freshness"));
        CameraDriver driver = (CameraDriver) new SimCameraFactory(worlds).create(cfg);
        List<ImageSample> frames = new ArrayList<>();
        List<byte[]> copies = new ArrayList<>();
        DeviceContext ctx = new DeviceContext() {
            @Override
            public DeviceConfig config() {
                return cfg;
            }

            @Override
            public synchronized void publish(String stream, Sample sample) {
                if (sample instanceof ImageSample img) {
                    frames.add(img);
                    copies.add(img.bgr().clone());
                }
            }

            @Override
            public void status(DeviceStatus status) {
            }
        };
        driver.start(ctx);
        Thread.sleep(1_500);
        driver.stop();
        synchronized (ctx) {
            assertTrue(frames.size() > 60, "frames: " + frames.size());
            for (int i = 0; i < frames.size(); i++) {
                assertArrayEquals(copies.get(i), frames.get(i).bgr(), "frame " + i + " changed after publishing");
                if (i > 0) {
                    assertNotSame(frames.get(i - 1).bgr(), frames.get(i).bgr(), "frame " + i + " reuses its array");
                }
            }
            double changed = changedPixels(frames.get(0).bgr(), frames.get(frames.size() - 1).bgr());
            assertTrue(changed > 0.01, "first and last frame differ in " + changed + " of the pixels");
        }
        System.out.printf("Camera driver scene view: %.3f ms CPU per frame rendering over %d frames%n",
                driver.meanRenderMillis(), frames.size());
    }

    /** Fraction of pixels whose B, G or R differs by more than 8. */
    static double changedPixels(byte[] a, byte[] b) {
        int changed = 0;
        for (int i = 0; i < a.length; i += 3) {
            for (int c = 0; c < 3; c++) {
                if (Math.abs((a[i + c] & 0xff) - (b[i + c] & 0xff)) > 8) {
                    changed++;
                    break;
                }
            }
        }
        return changed / (a.length / 3.0);
    }

    /** Pixels of the cube's red (bytes are B, G, R). */
    static int redPixels(byte[] bgr) {
        int n = 0;
        for (int i = 0; i < bgr.length; i += 3) {
            int b = bgr[i] & 0xff;
            int g = bgr[i + 1] & 0xff;
            int r = bgr[i + 2] & 0xff;
            if (r > 90 && g < 60 && b < 60) {
                n++;
            }
        }
        return n;
    }
}
