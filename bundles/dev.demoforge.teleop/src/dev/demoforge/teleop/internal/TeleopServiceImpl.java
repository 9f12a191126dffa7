package dev.demoforge.teleop.internal;

import java.util.ArrayList;
import java.util.List;

import org.osgi.service.component.annotations.Component;

import dev.demoforge.device.api.ConnectedStation;
import dev.demoforge.device.api.DeviceConfig;
import dev.demoforge.device.api.DeviceHandle;
import dev.demoforge.device.api.JointCommandable;
import dev.demoforge.device.api.StationConfig;
import dev.demoforge.device.api.StreamKind;
import dev.demoforge.device.api.StreamSpec;
import dev.demoforge.teleop.TeleopConfig;
import dev.demoforge.teleop.TeleopMapping;
import dev.demoforge.teleop.TeleopService;
import dev.demoforge.teleop.TeleopSession;

/** Finds the two devices of a pairing on a connected station and runs a {@link TeleopLoop} between them. */
@Component(service = TeleopService.class)
public final class TeleopServiceImpl implements TeleopService {

    @Override
    public List<TeleopConfig> pairings(StationConfig station) {
        List<TeleopConfig> out = new ArrayList<>();
        for (DeviceConfig d : station.devices()) {
            TeleopConfig.of(d).ifPresent(out::add);
        }
        return out;
    }

    @Override
    public TeleopSession start(ConnectedStation station, TeleopConfig config) {
        String who = "Teleop " + config.leaderId() + " -> " + config.followerId();
        DeviceHandle follower = station.device(config.followerId()).orElseThrow(() -> new IllegalArgumentException(
                who + ": the station has no device '" + config.followerId() + "'"));
        DeviceHandle leader = station.device(config.leaderId()).orElseThrow(() -> new IllegalArgumentException(
                who + ": the station has no device '" + config.leaderId() + "'"));
        JointCommandable commandable = follower.capability(JointCommandable.class).orElseThrow(
                () -> new IllegalArgumentException(who + ": device " + config.followerId() + " (driver "
                        + follower.config().driverId() + ") does not take joint position commands, or is not running"
                        + " (" + follower.status() + ")"));
        StreamSpec stream = leaderStream(leader, config.leaderStream(), who);
        int followerWidth = commandable.commandNames().size();
        TeleopMapping mapping = TeleopMapping.parse(config.properties(), who, followerWidth);
        try {
            mapping.check(stream.width(), followerWidth);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(who + ": " + e.getMessage(), e);
        }
        TeleopLoop loop = new TeleopLoop(station, config, stream, commandable, mapping, followerWidth);
        loop.start();
        return loop;
    }

    private static StreamSpec leaderStream(DeviceHandle leader, String name, String who) {
        for (StreamSpec s : leader.streams()) {
            boolean vector = s.kind() == StreamKind.JOINT_STATE || s.kind() == StreamKind.ACTION;
            if (name == null ? vector : s.name().equals(name)) {
                if (s.width() <= 0) {
                    throw new IllegalArgumentException(who + ": leader stream " + s.name() + " is not a vector");
                }
                return s;
            }
        }
        throw new IllegalArgumentException(who + ": leader " + leader.config().deviceId() + " has no "
                + (name == null ? "joint-state or action stream" : "stream '" + name + "'") + "; its streams: "
                + leader.streams().stream().map(StreamSpec::name).toList());
    }
}
