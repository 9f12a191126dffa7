package dev.demoforge.capture.ui.internal;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.demoforge.device.api.ConnectedStation;
import dev.demoforge.device.api.JointCommandable;
import dev.demoforge.teleop.TeleopConfig;
import dev.demoforge.teleop.TeleopService;
import dev.demoforge.teleop.TeleopSession;

/**
 * Runs the leader–follower pairings a connected station declares (the teleop properties the station editor sets) for
 * as long as the station stays connected, as {@code ./demoforge record} does: the operator moves the leader and the
 * follower follows, or, in kinesthetic mode, the follower's torque is off and it is moved by hand.
 * <p>
 * Threading: called from the capture session's jobs; {@link #start} blocks briefly on driver calls (torque).
 * Synchronized.
 */
final class StationTeleop {

    private final Messages messages;
    private final List<TeleopSession> running = new ArrayList<>();
    private volatile TeleopService service;

    StationTeleop(Messages messages) {
        this.messages = messages;
    }

    void setService(TeleopService service) {
        this.service = service;
    }

    /**
     * Stops what runs, then starts every pairing of the station.
     *
     * @return a line for the status: the pairings started, or why they could not start (none then runs); empty when
     *         the station declares none
     */
    synchronized String start(ConnectedStation station) {
        stop();
        TeleopService teleop = service;
        if (teleop == null) {
            boolean declared = station.config().devices().stream()
                    .anyMatch(d -> !d.property(JointCommandable.LEADER_PROPERTY, "").isBlank());
            return declared ? messages.teleopUnavailable : "";
        }
        List<String> started = new ArrayList<>();
        try {
            for (TeleopConfig pairing : teleop.pairings(station.config())) {
                running.add(teleop.start(station, pairing));
                started.add(MessageFormat.format(messages.teleopRunning, pairing.leaderId(), pairing.followerId(),
                        pairing.mode().name().toLowerCase(Locale.ROOT), Math.round(pairing.rateHz())));
            }
        } catch (IllegalArgumentException e) {
            stop();
            return MessageFormat.format(messages.teleopFailed, e.getMessage());
        }
        return String.join("; ", started);
    }

    /** Stops every running pairing (the followers keep their last goal). Idempotent. */
    synchronized void stop() {
        running.forEach(TeleopSession::close);
        running.clear();
    }
}
