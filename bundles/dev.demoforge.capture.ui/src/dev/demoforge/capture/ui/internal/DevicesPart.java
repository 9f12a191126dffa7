package dev.demoforge.capture.ui.internal;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.core.services.nls.Translation;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;

import dev.demoforge.catalog.api.Catalog;
import dev.demoforge.device.api.ConnectedStation;
import dev.demoforge.device.api.DeviceHandle;
import dev.demoforge.device.api.DeviceStatus;
import dev.demoforge.device.api.StreamSpec;
import dev.demoforge.device.api.StreamStats;
import dev.demoforge.device.api.settings.DriverSettingsService;
import dev.demoforge.episode.api.EpisodeSummary;
import dev.demoforge.episode.api.RecordedStream;
import dev.demoforge.episode.api.Recording;
import dev.demoforge.episode.api.StreamSummary;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * The devices of the connected station, one row per stream: device, driver, status with its reason, stream, achieved
 * rate, samples and drops. Repainted at {@value #REFRESH_MILLIS} ms intervals from the handles' live figures (a
 * snapshot per tick, never one UI update per sample). Drops come from the recorder's queues: the running recording's,
 * else the last episode's. Devices the {@link StationEditor} adds are listed as not connected and devices it removes are
 * marked, until the station is saved and applied. Below the list (a sash; the editor scrolls), the editor.
 */
public final class DevicesPart {

    /** Refresh interval, ms (5 Hz). */
    static final int REFRESH_MILLIS = 200;

    /** Widget data key naming a column ({@code TableColumn.getData(COLUMN_KEY)}), for tests and tools. */
    public static final String COLUMN_KEY = "dev.demoforge.column";
    /** Widget data key of the table: the connected station it shows (a new object after each reconnection). */
    public static final String STATION_KEY = "dev.demoforge.connectedStation";

    /** Column ids, in order. */
    public static final List<String> COLUMNS = List.of("device", "driver", "status", "stream", "rate", "samples",
            "drops");

    @Inject
    @Translation
    Messages messages;

    @Inject
    CaptureSession session;

    private Table table;
    private StationEditor editor;
    private DriverSettingsService settings;
    private Catalog catalog;
    private final Runnable refresh = this::refresh;

    @Inject
    void settings(@org.eclipse.e4.core.di.annotations.Optional @Service DriverSettingsService service) {
        settings = service;
        if (editor != null) {
            editor.setSettingsService(service);
        }
    }

    @Inject
    void catalog(@org.eclipse.e4.core.di.annotations.Optional @Service Catalog service) {
        catalog = service;
        if (editor != null) {
            editor.setCatalog(service);
        }
    }

    @PostConstruct
    public void create(Composite parent) {
        parent.setLayout(new FillLayout());
        SashForm sash = new SashForm(parent, SWT.VERTICAL);
        table = new Table(sash, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        String[] titles = { messages.columnDevice, messages.columnDriver, messages.columnStatus,
                messages.columnStream, messages.columnRate, messages.columnSamples, messages.columnDrops };
        int[] widths = { 120, 110, 220, 130, 80, 90, 70 };
        for (int i = 0; i < titles.length; i++) {
            TableColumn column = new TableColumn(table, i >= 4 ? SWT.RIGHT : SWT.LEFT);
            column.setText(titles[i]);
            column.setWidth(widths[i]);
            column.setData(COLUMN_KEY, COLUMNS.get(i));
        }
        ScrolledComposite scroll = new ScrolledComposite(sash, SWT.V_SCROLL | SWT.H_SCROLL);
        scroll.setExpandHorizontal(true);
        scroll.setExpandVertical(true);
        editor = new StationEditor(scroll, messages, session, () -> fit(scroll));
        scroll.setContent(editor.control());
        scroll.addListener(SWT.Resize, e -> fit(scroll));
        sash.setWeights(2, 3);
        editor.setSettingsService(settings);
        editor.setCatalog(catalog);
        table.addListener(SWT.Selection, e -> {
            int row = table.getSelectionIndex();
            editor.select(row < 0 ? null : table.getItem(row).getText(0));
        });
        refresh();
    }

    /** Lets the editor take the width it is given and scroll vertically when taller. */
    private void fit(ScrolledComposite scroll) {
        if (scroll.isDisposed()) {
            return;
        }
        Composite content = editor.control();
        content.layout(true, true);
        int width = scroll.getClientArea().width;
        scroll.setMinSize(content.computeSize(width > 0 ? width : SWT.DEFAULT, SWT.DEFAULT));
    }

    @Focus
    public void focus() {
        table.setFocus();
    }

    private void refresh() {
        if (table == null || table.isDisposed()) {
            return;
        }
        try {
            CaptureSession.State state = session.state();
            editor.refresh(state.station());
            List<String[]> rows = rows(state);
            table.setData(STATION_KEY, state.station());
            if (table.getItemCount() != rows.size()) {
                table.setItemCount(rows.size());
            }
            Display display = table.getDisplay();
            for (int i = 0; i < rows.size(); i++) {
                TableItem item = table.getItem(i);
                String[] row = rows.get(i);
                for (int c = 0; c < row.length; c++) {
                    if (!row[c].equals(item.getText(c))) {
                        item.setText(c, row[c]);
                    }
                }
                item.setForeground(2, statusColor(display, row[2]));
            }
            revealSelected(rows);
        } finally {
            table.getDisplay().timerExec(REFRESH_MILLIS, refresh);
        }
    }

    private List<String[]> rows(CaptureSession.State state) {
        ConnectedStation station = state.station();
        if (station == null) {
            return List.of();
        }
        Map<String, Long> drops = drops(state.recording(), state.last());
        Optional<StationDraft> draft = editor.draft();
        List<String> removed = draft.map(StationDraft::removed).orElse(List.of());
        List<String[]> rows = new ArrayList<>();
        for (DeviceHandle device : station.devices()) {
            String id = device.config().deviceId();
            String driver = device.config().driverId();
            String status = status(device.status());
            if (removed.contains(id)) {
                status = MessageFormat.format(messages.deviceToBeRemoved, status);
            }
            if (device.streams().isEmpty()) {
                rows.add(new String[] { id, driver, status, "", "", "", "" });
            }
            for (StreamSpec stream : device.streams()) {
                StreamStats stats = device.stats(stream.name());
                Long dropped = drops.get(RecordedStream.topic(id, stream.name()));
                rows.add(new String[] { id, driver, status, stream.name(),
                        String.format(Locale.ROOT, "%.1f", stats.rateHz()), Long.toString(stats.samples()),
                        dropped == null ? "" : Long.toString(dropped) });
            }
        }
        draft.ifPresent(d -> d.deviceIds().stream().filter(d::isAdded).forEach(id -> rows.add(new String[] { id,
                d.driverId(id).orElse(""), messages.deviceNotConnected, "", "", "", "" })));
        return rows;
    }

    /** Selects the editor's device in the list when the editor chose it (e.g. a device just added). */
    private void revealSelected(List<String[]> rows) {
        String selected = editor.selectedDevice();
        int row = table.getSelectionIndex();
        if (selected == null || row >= 0 && selected.equals(table.getItem(row).getText(0))) {
            return;
        }
        for (int i = 0; i < rows.size(); i++) {
            if (selected.equals(rows.get(i)[0])) {
                table.setSelection(i);
                return;
            }
        }
    }

    private static Map<String, Long> drops(Recording recording, EpisodeSummary last) {
        List<StreamSummary> streams = recording != null ? recording.liveStats()
                : last != null ? last.streams() : List.of();
        Map<String, Long> drops = new HashMap<>();
        streams.forEach(s -> drops.put(s.topic(), s.drops()));
        return drops;
    }

    private static String status(DeviceStatus status) {
        String reason = status.reason() == null ? "" : status.reason();
        return reason.isEmpty() ? status.state().name() : status.state().name() + ": " + reason;
    }

    private static Color statusColor(Display display, String status) {
        String state = Arrays.stream(DeviceStatus.State.values()).map(Enum::name).filter(status::startsWith)
                .findFirst().orElse("");
        return display.getSystemColor(switch (state) {
            case "ONLINE" -> SWT.COLOR_DARK_GREEN;
            case "FAILED" -> SWT.COLOR_RED;
            case "CONNECTING" -> SWT.COLOR_DARK_YELLOW;
            default -> SWT.COLOR_DARK_GRAY;
        });
    }
}
