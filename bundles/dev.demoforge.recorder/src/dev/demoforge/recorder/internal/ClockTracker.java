package dev.demoforge.recorder.internal;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.demoforge.device.api.ConnectedStation;
import dev.demoforge.device.api.DeviceConfig;
import dev.demoforge.device.api.DeviceHandle;
import dev.demoforge.device.api.Sample;
import dev.demoforge.device.api.StreamKind;
import dev.demoforge.device.api.StreamSpec;
import dev.demoforge.timesync.ClockEstimator;
import dev.demoforge.timesync.ClockModel;
import dev.demoforge.timesync.DeviceClocks;
import dev.demoforge.timesync.TimeSyncService;

/**
 * Follows every device clock while an episode is recorded: each data sample (not events) that carries device time
 * feeds its device's {@link TimeSyncService#recordingEstimator} (bounded memory, cheap, on the driver's thread); at
 * the end the fitted models are written as {@link DeviceClocks#FILE}. One clock per device, as export assumes, named
 * {@code <device>.clock} as the raw episode names it when read back. The
 * fixed latency is the device's {@link TimeSyncService#LATENCY_PROPERTY} at recording time.
 * <p>
 * Thread-safe: {@link #onSample} may run on several driver threads at once.
 */
final class ClockTracker {

    private final TimeSyncService sync;
    private final Map<String, DeviceConfig> devices = new LinkedHashMap<>();
    private final Map<String, ClockEstimator> estimators = new ConcurrentHashMap<>();

    /** @param sync the time sync, or null: nothing is tracked and no file is written */
    ClockTracker(TimeSyncService sync, ConnectedStation station) {
        this.sync = sync;
        for (DeviceHandle d : station.devices()) {
            devices.put(d.config().deviceId(), d.config());
        }
    }

    void onSample(String deviceId, StreamSpec stream, Sample sample) {
        if (sync == null || stream.kind() == StreamKind.EVENT || !sample.hasDeviceTime()) {
            return;
        }
        ClockEstimator e = estimators.get(deviceId);
        if (e == null) {
            e = estimators.computeIfAbsent(deviceId, id -> sync.recordingEstimator(id + ".clock", latency(id)));
        }
        e.add(sample.deviceNanos(), sample.hostNanos());
    }

    private long latency(String deviceId) {
        DeviceConfig config = devices.get(deviceId);
        try {
            return config == null ? 0 : TimeSyncService.fixedLatencyNs(config);
        } catch (IllegalArgumentException e) {
            return 0;
        }
    }

    /** Finishes every estimator; the models in station order. */
    DeviceClocks finish() {
        Map<String, ClockModel> models = new LinkedHashMap<>();
        for (String device : devices.keySet()) {
            ClockEstimator e = estimators.get(device);
            if (e != null) {
                e.finish().ifPresent(m -> models.put(device, m));
            }
        }
        return new DeviceClocks(models);
    }

    /** Writes the models into the episode directory (temporary file, then moved); returns the file name. */
    static String write(Path directory, DeviceClocks clocks) throws IOException {
        Path tmp = directory.resolve(DeviceClocks.FILE + ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            w.write(clocks.toJson());
        }
        try {
            Files.move(tmp, directory.resolve(DeviceClocks.FILE), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, directory.resolve(DeviceClocks.FILE), StandardCopyOption.REPLACE_EXISTING);
        }
        return DeviceClocks.FILE;
    }
}
