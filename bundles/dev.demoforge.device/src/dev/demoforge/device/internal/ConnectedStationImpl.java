package dev.demoforge.device.internal;

import java.util.List;
import java.util.Optional;

import dev.demoforge.device.api.ConnectedStation;
import dev.demoforge.device.api.DeviceHandle;
import dev.demoforge.device.api.SampleSink;
import dev.demoforge.device.api.StationConfig;

/** A running station; closing stops every driver through the guard, then the guard itself. */
final class ConnectedStationImpl implements ConnectedStation {

    private final StationConfig config;
    private final List<GuardedDevice> devices;
    private final SinkFanOut sinks;
    private final DriverGuard guard;
    private boolean closed;

    ConnectedStationImpl(StationConfig config, List<GuardedDevice> devices, SinkFanOut sinks, DriverGuard guard) {
        this.config = config;
        this.devices = List.copyOf(devices);
        this.sinks = sinks;
        this.guard = guard;
    }

    @Override
    public StationConfig config() {
        return config;
    }

    @Override
    public List<DeviceHandle> devices() {
        return List.copyOf(devices);
    }

    @Override
    public Optional<DeviceHandle> device(String deviceId) {
        return devices.stream().filter(d -> d.config().deviceId().equals(deviceId)).map(d -> (DeviceHandle) d)
                .findFirst();
    }

    @Override
    public void addSink(SampleSink sink) {
        sinks.add(sink);
    }

    @Override
    public void removeSink(SampleSink sink) {
        sinks.remove(sink);
    }

    @Override
    public void disconnect(String deviceId) {
        GuardedDevice device = find(deviceId);
        synchronized (this) {
            if (!closed) {
                device.stop(guard);
            }
        }
    }

    @Override
    public void reconnect(String deviceId) {
        GuardedDevice device = find(deviceId);
        synchronized (this) {
            if (!closed && !device.isRunning()) {
                device.start(guard);
            }
        }
    }

    private GuardedDevice find(String deviceId) {
        return devices.stream().filter(d -> d.config().deviceId().equals(deviceId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Station " + config.id() + " has no device '"
                        + deviceId + "'; devices: " + devices.stream().map(d -> d.config().deviceId()).toList()));
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        devices.forEach(d -> d.stop(guard));
        guard.close();
    }
}
