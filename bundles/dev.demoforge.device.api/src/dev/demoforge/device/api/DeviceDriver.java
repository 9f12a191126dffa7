package dev.demoforge.device.api;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A running connection to one device, created by a {@link DeviceDriverFactory}.
 * <p>
 * Contract (checked by the driver conformance kit): {@link #start} returns within two seconds and does its I/O on
 * threads of its own; expected failures (missing port, device silent) become a {@link DeviceStatus} reported through
 * the context, not exceptions; {@link #stop} is idempotent, returns within two seconds and releases every resource.
 * The framework calls both through a guard: a driver that throws or blocks is marked FAILED with a reason.
 *
 * @since 0.1
 */
@ConsumerType
public interface DeviceDriver {

    /** The streams this device produces; fixed for the driver's lifetime. */
    List<StreamSpec> streams();

    /** Connects and starts publishing samples through the context. */
    void start(DeviceContext context) throws Exception;

    /** Stops publishing and releases the device. */
    void stop() throws Exception;
}
