package dev.demoforge.capture.ui.internal;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

import dev.demoforge.device.api.ConnectedStation;
import dev.demoforge.device.api.DeviceConfig;
import dev.demoforge.device.api.DeviceHandle;
import dev.demoforge.device.api.JointCommandable;
import dev.demoforge.device.api.StreamKind;
import dev.demoforge.device.api.StreamSpec;
import dev.demoforge.teleop.TeleopConfig;
import dev.demoforge.teleop.TeleopMapping;

/**
 * The teleoperation pairing of one device as a follower: its leader (another device of the station, or none), mode,
 * command rate, leader stream and the joint mapping ({@code teleop.map}, {@code teleop.scale}, {@code teleop.offset},
 * {@code teleop.min}, {@code teleop.max}, {@code teleop.gripper}), written into the device's pending properties
 * (blank removes a property). Values are checked by the teleoperation bundle's own parsers ({@link TeleopConfig#of},
 * {@link TeleopMapping#parse}) and, when both devices are connected and the follower takes joint commands, against
 * their widths ({@link TeleopMapping#check}), as {@code TeleopService.start} will. UI thread only. Each field's
 * {@code dev.demoforge.control} data is {@code teleop:<property>}.
 */
final class TeleopSection {

    /** Prefix of the properties this section edits (the settings form leaves them to it). */
    static final String PREFIX = "teleop.";

    private static final List<String> MODES = List.of("follow", "kinesthetic");
    private static final List<String> MAPPING_KEYS = List.of("teleop.map", "teleop.scale", "teleop.offset",
            "teleop.min", "teleop.max");

    private final Composite body;
    private final Map<String, String> values;
    private final Runnable onChange;
    private final Label widths;

    /**
     * @param values   the device's pending properties, edited in place
     * @param leaders  the ids of the devices that may lead it (the station's others)
     * @param onChange told after every edit
     */
    TeleopSection(Composite parent, Messages messages, Map<String, String> values, List<String> leaders,
            Runnable onChange) {
        this.values = values;
        this.onChange = onChange;
        body = new Composite(parent, SWT.NONE);
        body.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, false));
        body.setLayout(new GridLayout(4, false));
        Label heading = new Label(body, SWT.NONE);
        heading.setText(messages.teleopHeading);
        heading.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 4, 1));

        List<String> leaderItems = new ArrayList<>();
        leaderItems.add(messages.teleopNoLeader);
        leaderItems.addAll(leaders);
        String leader = values.getOrDefault(JointCommandable.LEADER_PROPERTY, "");
        if (!leader.isEmpty() && !leaders.contains(leader)) {
            leaderItems.add(leader);
        }
        Combo leaderCombo = combo(messages.teleopLeader, JointCommandable.LEADER_PROPERTY, leaderItems,
                leader.isEmpty() ? messages.teleopNoLeader : leader);
        leaderCombo.addListener(SWT.Selection,
                e -> set(JointCommandable.LEADER_PROPERTY, leaderCombo.getSelectionIndex() == 0 ? ""
                        : leaderCombo.getText()));
        Combo mode = combo(messages.teleopMode, "teleop.mode", MODES, values.getOrDefault("teleop.mode", "follow"));
        mode.addListener(SWT.Selection, e -> set("teleop.mode", mode.getText()));
        text(messages.teleopRate, "teleop.rate_hz", Double.toString(TeleopConfig.DEFAULT_RATE_HZ));
        text(messages.teleopLeaderStream, "teleop.leader_stream", "");
        text(messages.teleopMap, "teleop.map", "0,1,2,\u2026");
        text(messages.teleopScale, "teleop.scale", "1");
        text(messages.teleopOffset, "teleop.offset", "0");
        text(messages.teleopGripper, "teleop.gripper", "i:lc:lo:fc:fo");
        text(messages.teleopMin, "teleop.min", "");
        text(messages.teleopMax, "teleop.max", "");
        widths = new Label(body, SWT.WRAP);
        widths.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 4, 1));
        widths.setData(StationEditor.CONTROL_KEY, "teleop-widths");
    }

    private Combo combo(String label, String key, List<String> items, String current) {
        new Label(body, SWT.NONE).setText(label);
        Combo combo = new Combo(body, SWT.READ_ONLY | SWT.DROP_DOWN);
        combo.setItems(items.toArray(String[]::new));
        combo.select(Math.max(0, items.indexOf(current)));
        decorate(combo, key);
        return combo;
    }

    private void text(String label, String key, String hint) {
        new Label(body, SWT.NONE).setText(label);
        Text text = new Text(body, SWT.BORDER | SWT.SINGLE);
        text.setText(values.getOrDefault(key, ""));
        text.setMessage(hint);
        text.addListener(SWT.Modify, e -> set(key, text.getText()));
        decorate(text, key);
    }

    private static void decorate(Control control, String key) {
        GridData layout = new GridData(SWT.FILL, SWT.CENTER, true, false);
        layout.widthHint = 140;
        control.setLayoutData(layout);
        control.setToolTipText(key);
        control.setData(StationEditor.CONTROL_KEY, "teleop:" + key);
    }

    private void set(String key, String value) {
        if (value == null || value.isBlank()) {
            values.remove(key);
        } else {
            values.put(key, value.strip());
        }
        onChange.run();
    }

    /** Shows which widths the mapping was checked against (UI thread). */
    void showWidths(String text) {
        if (!widths.isDisposed() && !text.equals(widths.getText())) {
            widths.setText(text);
        }
    }

    void dispose() {
        body.dispose();
    }

    /**
     * The problems of a device's teleoperation properties, checked as the teleoperation service will: the pairing
     * ({@link TeleopConfig#of}), the mapping ({@link TeleopMapping#parse}), a leader that is another device of the
     * station, and, when the connected station shows both widths, {@link TeleopMapping#check}. Any thread.
     *
     * @param device    the device (follower) with its pending properties
     * @param deviceIds the devices of the pending station
     * @param connected the connected station (its devices' streams and capabilities give the widths), or null
     * @param messages  for the problems the parsers do not phrase
     * @return the problems (empty: fine) and the text saying what the widths were checked against
     */
    static Check check(DeviceConfig device, List<String> deviceIds, ConnectedStation connected, Messages messages) {
        String who = "Device " + device.deviceId();
        Map<String, String> properties = device.properties();
        if (properties.keySet().stream().noneMatch(k -> k.startsWith(PREFIX))) {
            return new Check(List.of(), messages.teleopUnchecked);
        }
        try {
            Optional<TeleopConfig> pairing = TeleopConfig.of(device);
            OptionalInt followerWidth = followerWidth(connected, device.deviceId());
            Map<String, String> withoutGripper = new HashMap<>(properties);
            withoutGripper.remove("teleop.gripper");
            int width = followerWidth.orElse(declaredWidth(properties));
            TeleopMapping.parse(withoutGripper, who, width).check(Integer.MAX_VALUE, width);
            TeleopMapping mapping = TeleopMapping.parse(properties, who, width);
            if (pairing.isEmpty()) {
                return new Check(List.of(), messages.teleopUnchecked);
            }
            String leader = pairing.get().leaderId();
            if (leader.equals(device.deviceId())) {
                return new Check(List.of(MessageFormat.format(messages.teleopLeaderSelf, device.deviceId())),
                        messages.teleopUnchecked);
            }
            if (!deviceIds.contains(leader)) {
                return new Check(List.of(MessageFormat.format(messages.teleopLeaderMissing, device.deviceId(),
                        leader)), messages.teleopUnchecked);
            }
            Optional<StreamSpec> stream = leaderStream(connected, leader, pairing.get().leaderStream());
            if (stream.isEmpty() || followerWidth.isEmpty()) {
                return new Check(List.of(), messages.teleopUnchecked);
            }
            try {
                mapping.check(stream.get().width(), followerWidth.getAsInt());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(who + ": " + e.getMessage(), e);
            }
            return new Check(List.of(), MessageFormat.format(messages.teleopChecked, leader, stream.get().name(),
                    stream.get().width(), followerWidth.getAsInt()));
        } catch (IllegalArgumentException e) {
            return new Check(List.of(e.getMessage()), messages.teleopUnchecked);
        }
    }

    /** The problems found and what the widths were checked against. */
    record Check(List<String> problems, String widths) {
    }

    /** The follower's command width when it is connected and takes joint commands. */
    private static OptionalInt followerWidth(ConnectedStation connected, String deviceId) {
        if (connected == null) {
            return OptionalInt.empty();
        }
        return connected.device(deviceId).flatMap(d -> d.capability(JointCommandable.class))
                .map(c -> OptionalInt.of(c.commandNames().size())).orElse(OptionalInt.empty());
    }

    /** Without a connected follower: the widest list given, or one past the gripper's element. */
    private static int declaredWidth(Map<String, String> properties) {
        int width = 1;
        for (String key : MAPPING_KEYS) {
            String v = properties.getOrDefault(key, "").strip();
            if (!v.isEmpty()) {
                width = Math.max(width, v.split(",").length);
            }
        }
        String gripper = properties.getOrDefault("teleop.gripper", "").strip();
        try {
            width = Math.max(width, Integer.parseInt(gripper.split(":")[0].strip()) + 1);
        } catch (NumberFormatException e) {
            // not a gripper declaration: TeleopMapping.parse names the problem
        }
        return width;
    }

    /** The leader's stream the service would follow (named, else its first joint-state or action vector). */
    private static Optional<StreamSpec> leaderStream(ConnectedStation connected, String leader, String name) {
        if (connected == null) {
            return Optional.empty();
        }
        Optional<DeviceHandle> device = connected.device(leader);
        if (device.isEmpty()) {
            return Optional.empty();
        }
        for (StreamSpec s : device.get().streams()) {
            boolean vector = s.kind() == StreamKind.JOINT_STATE || s.kind() == StreamKind.ACTION;
            if (name == null ? vector : s.name().equals(name)) {
                return s.width() > 0 ? Optional.of(s) : Optional.empty();
            }
        }
        if (device.get().streams().isEmpty()) {
            return Optional.empty();
        }
        throw new IllegalArgumentException("Device " + leader + " has no " + (name == null
                ? "joint-state or action stream to lead with" : "stream '" + name + "'") + "; its streams: "
                + device.get().streams().stream().map(StreamSpec::name).toList());
    }
}
