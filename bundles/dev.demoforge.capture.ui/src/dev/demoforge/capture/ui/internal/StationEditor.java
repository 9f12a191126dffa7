package dev.demoforge.capture.ui.internal;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;

import dev.demoforge.catalog.api.Catalog;
import dev.demoforge.device.api.ConnectedStation;
import dev.demoforge.device.api.DeviceConfig;
import dev.demoforge.device.api.StationConfig;
import dev.demoforge.device.api.settings.DriverSettings;
import dev.demoforge.device.api.settings.DriverSettingsService;

/**
 * Below the device list: Disconnect / Reconnect of the selected device, its settings form generated from its
 * driver's Metatype schema ({@link SettingsForm}), and Save station, which stores the edited station in the catalog.
 * Edits are kept per device until saved; they apply when the station is next connected. Driver calls and catalog
 * writes run in jobs; widgets are touched on the UI thread only.
 */
final class StationEditor {

    /** Widget data key of the controls, as the UI tests find them. */
    static final String CONTROL_KEY = "dev.demoforge.control";

    private final Composite root;
    private final Messages messages;
    private final Supplier<ConnectedStation> station;
    private final Map<String, Map<String, String>> edited = new HashMap<>();
    private final Button disconnect;
    private final Button reconnect;
    private final Button save;
    private final Label heading;
    private final Composite formHolder;
    private final Label status;
    private volatile DriverSettingsService settings;
    private volatile Catalog catalog;
    private ConnectedStation editing;
    private String deviceId;
    private SettingsForm form;

    StationEditor(Composite parent, Messages messages, Supplier<ConnectedStation> station) {
        this.messages = messages;
        this.station = station;
        root = new Composite(parent, SWT.NONE);
        root.setLayout(new GridLayout(4, false));
        disconnect = button(messages.stationDisconnect, "disconnect");
        reconnect = button(messages.stationReconnect, "reconnect");
        save = button(messages.stationSave, "save-station");
        heading = new Label(root, SWT.NONE);
        heading.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        heading.setText(messages.stationPickDevice);
        formHolder = new Composite(root, SWT.NONE);
        formHolder.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, false, 4, 1));
        formHolder.setLayout(new GridLayout(1, false));
        status = new Label(root, SWT.WRAP);
        status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 4, 1));
        status.setData(CONTROL_KEY, "station-status");
        disconnect.addListener(SWT.Selection, e -> onDevice(true));
        reconnect.addListener(SWT.Selection, e -> onDevice(false));
        save.addListener(SWT.Selection, e -> save());
        enable();
    }

    Control control() {
        return root;
    }

    void setSettingsService(DriverSettingsService service) {
        this.settings = service;
    }

    void setCatalog(Catalog catalog) {
        this.catalog = catalog;
    }

    /** Shows the device's settings (UI thread); the schema is read in a job. */
    void select(String selected) {
        ConnectedStation current = station.get();
        if (current != editing) {
            edited.clear();
            editing = current;
        }
        if (current == null || selected == null || selected.equals(deviceId)) {
            enable();
            return;
        }
        deviceId = selected;
        Optional<DeviceConfig> config = current.config().devices().stream()
                .filter(d -> d.deviceId().equals(selected)).findFirst();
        if (config.isEmpty()) {
            return;
        }
        String driverId = config.get().driverId();
        heading.setText(MessageFormat.format(messages.stationSettingsOf, selected, driverId));
        DriverSettingsService service = settings;
        new SessionJob(driverId, monitor -> {
            Optional<DriverSettings> schema = service == null ? Optional.empty() : service.settings(driverId);
            root.getDisplay().asyncExec(() -> showForm(selected, config.get(), schema));
        }).schedule();
        enable();
    }

    private void showForm(String device, DeviceConfig config, Optional<DriverSettings> schema) {
        if (root.isDisposed() || !device.equals(deviceId)) {
            return;
        }
        if (form != null) {
            form.dispose();
            form = null;
        }
        if (schema.isEmpty()) {
            status.setText(MessageFormat.format(messages.stationNoSchema, config.driverId()));
        } else {
            Map<String, String> values = edited.computeIfAbsent(device, d -> new HashMap<>(config.properties()));
            form = new SettingsForm(formHolder, schema.get(), values, problems -> {
                status.setText(String.join("; ", problems));
                enable();
            });
            status.setText("");
        }
        enable();
        root.getParent().layout(true, true);
    }

    private void onDevice(boolean disconnecting) {
        ConnectedStation current = station.get();
        String device = deviceId;
        if (current == null || device == null) {
            return;
        }
        new SessionJob(MessageFormat.format(messages.jobDevice,
                disconnecting ? messages.stationDisconnect : messages.stationReconnect, device), monitor -> {
                    if (disconnecting) {
                        current.disconnect(device);
                    } else {
                        current.reconnect(device);
                    }
                }).schedule();
    }

    private void save() {
        ConnectedStation current = station.get();
        Catalog target = catalog;
        if (current == null || target == null) {
            return;
        }
        StationConfig base = current.config();
        List<DeviceConfig> devices = new ArrayList<>();
        for (DeviceConfig d : base.devices()) {
            Map<String, String> values = edited.get(d.deviceId());
            devices.add(values == null ? d : new DeviceConfig(d.deviceId(), d.driverId(), values));
        }
        StationConfig saved = new StationConfig(base.id(), base.robotType(), devices);
        new SessionJob(MessageFormat.format(messages.jobSaveStation, base.id()), monitor -> {
            String message;
            try {
                target.putStation(saved);
                message = MessageFormat.format(messages.stationSaved, base.id());
            } catch (RuntimeException e) {
                message = MessageFormat.format(messages.stationSaveFailed, base.id(), e.getMessage());
            }
            String text = message;
            root.getDisplay().asyncExec(() -> {
                if (!status.isDisposed()) {
                    status.setText(text);
                    root.layout(true, true);
                }
            });
        }).schedule();
    }

    /** Re-reads what the buttons may do (UI thread; the device list calls it on every repaint). */
    void refresh() {
        enable();
    }

    private void enable() {
        boolean device = station.get() != null && deviceId != null;
        disconnect.setEnabled(device);
        reconnect.setEnabled(device);
        save.setEnabled(station.get() != null && (form == null || form.problems().isEmpty()));
    }

    private Button button(String text, String key) {
        Button b = new Button(root, SWT.PUSH);
        b.setText(text);
        b.setData(CONTROL_KEY, key);
        return b;
    }
}
