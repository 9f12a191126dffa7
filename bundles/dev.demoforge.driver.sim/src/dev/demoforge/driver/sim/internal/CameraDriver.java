package dev.demoforge.driver.sim.internal;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;

import dev.demoforge.device.api.DeviceConfig;
import dev.demoforge.device.api.DeviceContext;
import dev.demoforge.device.api.ImageSample;
import dev.demoforge.device.api.StreamSpec;

/**
 * A simulated camera ("sim.camera") on stream "image": property {@code view} = {@code scene} (640x480, fixed view
 * of the cell) or {@code wrist} (320x240, on the gripper), {@code fps} (default 30, up to 120). Frames are rendered
 * on the device thread from the world at the true exposure instant (the scene view draws the follower arm from its
 * joint state at that instant); the latency from exposure to receipt is uniform between {@code latency_min_ms}
 * (default 15) and {@code latency_max_ms} (default the minimum + 10): the ground truth a latency calibration must find is the
 * minimum. Each published frame is a fresh array.
 */
final class CameraDriver extends SimDevice {

    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private final String view;
    private final double fps;
    private Renderer renderer;
    private long frames;
    private long renderNanos;

    private CameraDriver(DeviceConfig config, SimWorld world, String view, double fps, DeviceClock.Latency latency) {
        super(config, world, DeviceClock.forDevice(config, world.id(), 200_000, latency), fps);
        this.view = view;
        this.fps = fps;
    }

    /**
     * Creates a camera from its configuration.
     *
     * @throws IllegalArgumentException naming the property when {@code view} or {@code fps} is unusable
     */
    static CameraDriver create(DeviceConfig config, SimWorld world) {
        String view = config.property("view", "scene");
        if (!view.equals("scene") && !view.equals("wrist")) {
            throw new IllegalArgumentException("Device " + config.deviceId() + ": property view must be 'scene' or"
                    + " 'wrist', was '" + view + "'");
        }
        String f = config.property("fps", "30");
        double fps;
        try {
            fps = Double.parseDouble(f.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Device " + config.deviceId() + ": property fps is not a number: '"
                    + f + "'", e);
        }
        if (!(fps > 0 && fps <= 120)) {
            throw new IllegalArgumentException("Device " + config.deviceId() + ": property fps must be in (0, 120],"
                    + " was " + f);
        }
        double min = millis(config, "latency_min_ms", 15);
        double max = millis(config, "latency_max_ms", min + 10);
        if (max < min) {
            throw new IllegalArgumentException("Device " + config.deviceId() + ": latency_max_ms " + max
                    + " is below latency_min_ms " + min);
        }
        return new CameraDriver(config, world, view, fps, DeviceClock.Latency.uniform(Math.round(min * 1e6),
                Math.round(max * 1e6)));
    }

    private static double millis(DeviceConfig config, String key, double fallback) {
        String v = config.property(key, null);
        if (v == null) {
            return fallback;
        }
        try {
            double ms = Double.parseDouble(v.trim());
            if (ms >= 0 && ms <= 1000) {
                return ms;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("Device " + config.deviceId() + ": property " + key + " must be 0..1000"
                + " ms, was '" + v + "'");
    }

    String view() {
        return view;
    }

    int width() {
        return view.equals("scene") ? SceneRenderer.WIDTH : WristRenderer.WIDTH;
    }

    int height() {
        return view.equals("scene") ? SceneRenderer.HEIGHT : WristRenderer.HEIGHT;
    }

    /** Mean CPU time of the device thread per rendered frame so far, ms (NaN before the first frame). */
    synchronized double meanRenderMillis() {
        return frames == 0 ? Double.NaN : renderNanos / 1e6 / frames;
    }

    static Renderer renderer(String view) {
        return view.equals("scene") ? new SceneRenderer() : new WristRenderer();
    }

    @Override
    protected List<StreamSpec> dataStreams() {
        return List.of(StreamSpec.camera("image", width(), height(), fps));
    }

    @Override
    protected void emit(DeviceContext context, long trueNanos, long hostNanos) {
        if (renderer == null) {
            renderer = renderer(view);
        }
        long t = CPU.getCurrentThreadCpuTime();
        byte[] bgr = renderer.renderBgr(world.state(trueNanos), world.model());
        long spent = CPU.getCurrentThreadCpuTime() - t;
        synchronized (this) {
            frames++;
            renderNanos += spent;
        }
        publish(context, "image", trueNanos, new ImageSample(hostNanos, clock.deviceNanos(trueNanos),
                clock.clockId(), renderer.width, renderer.height, bgr));
    }
}
