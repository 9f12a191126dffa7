package dev.demoforge.device.api;

/**
 * Connection state of a device with a human-readable reason ("port /dev/ttyUSB0 not found").
 *
 * @since 0.1
 */
public record DeviceStatus(State state, String reason) {

    public enum State { OFFLINE, CONNECTING, ONLINE, FAILED }

    public static DeviceStatus online() {
        return new DeviceStatus(State.ONLINE, "");
    }

    public static DeviceStatus offline(String reason) {
        return new DeviceStatus(State.OFFLINE, reason);
    }

    public static DeviceStatus failed(String reason) {
        return new DeviceStatus(State.FAILED, reason);
    }
}
