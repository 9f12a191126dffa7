package dev.demoforge.teleop;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

import dev.demoforge.device.api.ConnectedStation;
import dev.demoforge.device.api.StationConfig;

/**
 * Leader–follower teleoperation over any drivers: the leader is any device with a vector stream of joint positions,
 * the follower any device whose driver is a {@link dev.demoforge.device.api.JointCommandable}. The follower's driver
 * records what it was sent as its action stream.
 * <p>
 * Threading: thread-safe; {@link #start} returns once the session runs (it does not wait for the first command).
 *
 * @since 0.1
 */
@ProviderType
public interface TeleopService {

    /**
     * The pairings a station declares on its devices ({@link TeleopConfig#of}).
     *
     * @throws IllegalArgumentException naming the device and property when a declaration is not understood
     */
    List<TeleopConfig> pairings(StationConfig station);

    /**
     * Starts a pairing on a connected station: checks the devices and the mapping, sets the follower's torque (on to
     * follow, off for kinesthetic teaching) and starts sending.
     *
     * @throws IllegalArgumentException naming the device, stream or property when the pairing cannot run (no such
     *                                  device, the follower takes no joint commands or is not running, the leader
     *                                  has no such stream, the mapping does not fit the widths)
     */
    TeleopSession start(ConnectedStation station, TeleopConfig config);
}
