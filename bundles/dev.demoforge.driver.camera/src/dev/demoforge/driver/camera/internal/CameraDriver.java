package dev.demoforge.driver.camera.internal;

import java.util.List;

import dev.demoforge.device.api.DeviceConfig;
import dev.demoforge.device.api.DeviceContext;
import dev.demoforge.device.api.DeviceDriver;
import dev.demoforge.device.api.StreamSpec;
import dev.demoforge.driver.camera.CameraSettings;

/**
 * A camera read through FFmpeg (driver id "camera"): one stream "image" of BGR24 frames in the configured size at
 * the configured rate (see {@link CameraSettings} for the properties). {@link #start} returns at once: connecting,
 * grabbing and reconnecting happen on the run's own threads ({@link CameraRun}).
 */
final class CameraDriver implements DeviceDriver {

    static final String STREAM = "image";

    private final DeviceConfig config;
    private final CameraSettings settings;
    private final List<StreamSpec> streams;
    private CameraRun run;
    private CameraStats lastStats;

    CameraDriver(DeviceConfig config) {
        this.config = config;
        this.settings = CameraSettings.from(config);
        this.streams = List.of(StreamSpec.camera(STREAM, settings.width(), settings.height(), settings.fps()));
    }

    CameraSettings settings() {
        return settings;
    }

    @Override
    public List<StreamSpec> streams() {
        return streams;
    }

    @Override
    public synchronized void start(DeviceContext context) {
        if (run != null) {
            return;
        }
        run = new CameraRun(config.deviceId(), settings, context);
        run.start();
    }

    @Override
    public synchronized void stop() throws InterruptedException {
        if (run == null) {
            return;
        }
        CameraRun r = run;
        run = null;
        r.stop();
        lastStats = r.stats();
    }

    /** Counters of the current run, or of the last one after stop; null if never started. */
    synchronized CameraStats stats() {
        return run != null ? run.stats() : lastStats;
    }
}
