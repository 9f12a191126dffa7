package dev.demoforge.capture.ui.internal;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

import dev.demoforge.catalog.api.Catalog;
import dev.demoforge.device.api.ConnectedStation;
import dev.demoforge.device.api.DeviceConfig;
import dev.demoforge.device.api.StationConfig;
import dev.demoforge.device.api.settings.DriverSettings;
import dev.demoforge.device.api.settings.DriverSettingsService;

/**
 * Below the device list: Disconnect / Reconnect and Remove of the selected device, Add device…, the selected device's
 * settings form generated from its driver's Metatype schema ({@link SettingsForm}) and its teleoperation pairing
 * ({@link TeleopSection}); Save station stores the pending station ({@link StationDraft}) in the catalog, Save &amp;
 * apply also reconnects the station so the saved copy runs, Reconnect station reconnects it as saved (dropping
 * pending edits). Edits stay pending until saved; a new connection of the station starts a new draft. Driver calls,
 * schema reads and catalog writes run in jobs; widgets are touched on the UI thread only.
 */
final class StationEditor {

    /** Widget data key of the controls, as the UI tests find them. */
    static final String CONTROL_KEY = "dev.demoforge.control";

    private final Composite root;
    private final Messages messages;
    private final CaptureSession session;
    private final Runnable relayout;
    private final Map<String, DriverSettings> schemas = new ConcurrentHashMap<>();
    private final Button disconnect;
    private final Button reconnect;
    private final Button remove;
    private final Button add;
    private final Button save;
    private final Button saveApply;
    private final Button reconnectStation;
    private final Label heading;
    private final Label pending;
    private final Composite formHolder;
    private final Label status;
    private volatile DriverSettingsService settings;
    private volatile Catalog catalog;
    private ConnectedStation editing;
    private StationDraft draft;
    private String deviceId;
    private SettingsForm form;
    private TeleopSection teleop;
    private List<String> problems = List.of();

    /** @param relayout lays the editor out again after its content changed (its scrolled container) */
    StationEditor(Composite parent, Messages messages, CaptureSession session, Runnable relayout) {
        this.messages = messages;
        this.session = session;
        this.relayout = relayout;
        root = new Composite(parent, SWT.NONE);
        root.setLayout(new GridLayout(1, false));
        Composite buttons = new Composite(root, SWT.NONE);
        buttons.setLayout(new RowLayout(SWT.HORIZONTAL));
        disconnect = button(buttons, messages.stationDisconnect, "disconnect");
        reconnect = button(buttons, messages.stationReconnect, "reconnect");
        remove = button(buttons, messages.stationRemove, "remove-device");
        add = button(buttons, messages.stationAdd, "add-device");
        save = button(buttons, messages.stationSave, "save-station");
        saveApply = button(buttons, messages.stationSaveApply, "save-apply");
        reconnectStation = button(buttons, messages.stationReconnectStation, "reconnect-station");
        heading = label(SWT.NONE, "station-heading");
        heading.setText(messages.stationPickDevice);
        pending = label(SWT.WRAP, "station-pending");
        formHolder = new Composite(root, SWT.NONE);
        formHolder.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, false));
        formHolder.setLayout(new GridLayout(1, false));
        status = label(SWT.WRAP, "station-status");
        disconnect.addListener(SWT.Selection, e -> onDevice(true));
        reconnect.addListener(SWT.Selection, e -> onDevice(false));
        remove.addListener(SWT.Selection, e -> removeDevice());
        add.addListener(SWT.Selection, e -> openAddDialog());
        save.addListener(SWT.Selection, e -> save(false));
        saveApply.addListener(SWT.Selection, e -> save(true));
        reconnectStation.addListener(SWT.Selection, e -> {
            if (!session.reconnect()) {
                status.setText(session.state().message());
            }
        });
        enable();
    }

    Composite control() {
        return root;
    }

    void setSettingsService(DriverSettingsService service) {
        this.settings = service;
    }

    void setCatalog(Catalog catalog) {
        this.catalog = catalog;
    }

    /** The selected device, or null. */
    String selectedDevice() {
        return deviceId;
    }

    /** The pending station, or empty while no station is connected (UI thread). */
    Optional<StationDraft> draft() {
        return Optional.ofNullable(draft);
    }

    /** Shows the device's settings and pairing (UI thread); the schema is read in a job. */
    void select(String selected) {
        sync(session.state().station());
        if (draft == null || selected == null || selected.equals(deviceId)) {
            enable();
            return;
        }
        deviceId = selected;
        showDevice();
    }

    /**
     * Takes the connected station (the one the device list shows) and re-reads what the buttons may do (UI thread; the
     * device list calls it on every repaint).
     */
    void refresh(ConnectedStation current) {
        sync(current);
        enable();
    }

    /** A new connection of the station (or none) starts a new draft from it. */
    private void sync(ConnectedStation current) {
        if (current == editing) {
            return;
        }
        editing = current;
        draft = current == null ? null : new StationDraft(current.config());
        showDevice();
    }

    private void showDevice() {
        disposeForms();
        String device = deviceId;
        Optional<String> driverId = draft == null || device == null ? Optional.empty() : draft.driverId(device);
        if (driverId.isEmpty()) {
            heading.setText(messages.stationPickDevice);
            if (draft != null) {
                deviceId = null;
            }
            updateProblems();
            relayout.run();
            return;
        }
        heading.setText(MessageFormat.format(draft.isAdded(device) ? messages.stationSettingsOfNew
                : messages.stationSettingsOf, device, driverId.get()));
        DriverSettingsService service = settings;
        new SessionJob(driverId.get(), monitor -> {
            Optional<DriverSettings> schema = service == null ? Optional.empty() : service.settings(driverId.get());
            schema.ifPresent(s -> schemas.put(s.driverId(), s));
            root.getDisplay().asyncExec(() -> showForms(device, driverId.get(), schema));
        }).schedule();
        updateProblems();
    }

    private void showForms(String device, String driverId, Optional<DriverSettings> schema) {
        if (root.isDisposed() || !device.equals(deviceId) || draft == null || !draft.contains(device)) {
            return;
        }
        disposeForms();
        Map<String, String> values = draft.properties(device);
        if (schema.isPresent()) {
            form = new SettingsForm(formHolder, schema.get(), values, p -> updateProblems());
        }
        List<String> leaders = draft.deviceIds().stream().filter(id -> !id.equals(device)).toList();
        teleop = new TeleopSection(formHolder, messages, values, leaders, this::updateProblems);
        updateProblems();
        if (schema.isEmpty()) {
            status.setText(MessageFormat.format(messages.stationNoSchema, driverId));
        }
        relayout.run();
    }

    private void disposeForms() {
        if (form != null) {
            form.dispose();
            form = null;
        }
        if (teleop != null) {
            teleop.dispose();
            teleop = null;
        }
    }

    /** Checks every pending device (settings against its schema once read, teleoperation) and shows the problems. */
    private void updateProblems() {
        List<String> found = new ArrayList<>();
        if (draft != null) {
            StationConfig config = draft.toConfig();
            List<String> ids = draft.deviceIds();
            for (DeviceConfig device : config.devices()) {
                DriverSettings schema = schemas.get(device.driverId());
                if (schema != null) {
                    schema.problems(device.properties()).forEach(p -> found.add(device.deviceId() + ": " + p));
                }
                TeleopSection.Check check = TeleopSection.check(device, ids, editing, messages);
                found.addAll(check.problems());
                if (teleop != null && device.deviceId().equals(deviceId)) {
                    teleop.showWidths(check.widths());
                }
            }
            List<String> added = ids.stream().filter(draft::isAdded).toList();
            List<String> removed = draft.removed();
            pending.setText(added.isEmpty() && removed.isEmpty() ? ""
                    : MessageFormat.format(messages.stationPending, added.isEmpty() ? "\u2014" : String.join(", ", added),
                            removed.isEmpty() ? "\u2014" : String.join(", ", removed)));
        } else {
            pending.setText("");
        }
        problems = List.copyOf(found);
        status.setText(String.join("; ", problems));
        enable();
    }

    private void openAddDialog() {
        StationDraft target = draft;
        DriverSettingsService service = settings;
        if (target == null || service == null) {
            return;
        }
        AddDeviceDialog.open(root.getShell(), messages, target.base().id(), service.driverIds(),
                id -> target.problemWithNewId(id, messages), (id, driverId) -> addDevice(target, id, driverId));
    }

    /** Adds the device with its driver's defaults (the schema is read in a job) and selects it. */
    private void addDevice(StationDraft target, String id, String driverId) {
        DriverSettingsService service = settings;
        new SessionJob(driverId, monitor -> {
            Optional<DriverSettings> schema = service == null ? Optional.empty() : service.settings(driverId);
            schema.ifPresent(s -> schemas.put(s.driverId(), s));
            Map<String, String> defaults = schema.map(DriverSettings::defaults).orElse(Map.of());
            root.getDisplay().asyncExec(() -> {
                if (root.isDisposed() || target != draft || target.contains(id)) {
                    return;
                }
                target.add(id, driverId, defaults);
                deviceId = id;
                showDevice();
            });
        }).schedule();
    }

    private void removeDevice() {
        if (draft == null || deviceId == null || recording()) {
            return;
        }
        draft.remove(deviceId);
        deviceId = null;
        showDevice();
    }

    private void onDevice(boolean disconnecting) {
        ConnectedStation current = editing;
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

    /** Stores the pending station in the catalog (a job); with {@code apply}, then reconnects the station. */
    private void save(boolean apply) {
        Catalog target = catalog;
        if (draft == null || target == null) {
            return;
        }
        StationConfig saved = draft.toConfig();
        new SessionJob(MessageFormat.format(messages.jobSaveStation, saved.id()), monitor -> {
            String message;
            try {
                target.putStation(saved);
                if (!apply) {
                    message = MessageFormat.format(messages.stationSaved, saved.id());
                } else if (session.reconnect()) {
                    message = MessageFormat.format(messages.stationSavedApplying, saved.id());
                } else {
                    message = MessageFormat.format(messages.stationSavedNotApplied, saved.id(),
                            session.state().message());
                }
            } catch (RuntimeException e) {
                message = MessageFormat.format(messages.stationSaveFailed, saved.id(), e.getMessage());
            }
            String text = message;
            root.getDisplay().asyncExec(() -> {
                if (!status.isDisposed()) {
                    status.setText(text);
                    relayout.run();
                }
            });
        }).schedule();
    }

    private boolean recording() {
        CaptureSession.Phase phase = session.state().phase();
        return phase == CaptureSession.Phase.STARTING || phase == CaptureSession.Phase.RECORDING
                || phase == CaptureSession.Phase.STOPPING;
    }

    private void enable() {
        boolean drafting = draft != null;
        boolean busy = recording();
        boolean selected = drafting && deviceId != null && draft.contains(deviceId);
        boolean connectedDevice = selected && editing.device(deviceId).isPresent();
        set(disconnect, connectedDevice);
        set(reconnect, connectedDevice);
        set(remove, selected && !busy);
        set(add, drafting && settings != null);
        set(save, drafting && catalog != null && problems.isEmpty());
        set(saveApply, drafting && catalog != null && problems.isEmpty() && !busy);
        set(reconnectStation, drafting && !busy);
    }

    private static void set(Button button, boolean enabled) {
        if (button.getEnabled() != enabled) {
            button.setEnabled(enabled);
        }
    }

    private Button button(Composite parent, String text, String key) {
        Button b = new Button(parent, SWT.PUSH);
        b.setText(text);
        b.setData(CONTROL_KEY, key);
        return b;
    }

    private Label label(int style, String key) {
        Label label = new Label(root, style);
        label.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        label.setData(CONTROL_KEY, key);
        return label;
    }
}
