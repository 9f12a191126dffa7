package dev.demoforge.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.demoforge.catalog.api.Catalog;
import dev.demoforge.device.api.DeviceConfig;
import dev.demoforge.device.api.StationConfig;
import dev.demoforge.device.api.StationManager;

/**
 * The station editor under the device list, in the real workbench on the simulated station: a camera's frame rate
 * edited in the form generated from the driver's Metatype description is checked as typed and saved into the
 * catalog; the force-torque sensor is disconnected and reconnected from its row while the list shows its status. At
 * the end the saved copy is deleted and the station reconnected, so the built-in "sim" runs again for the other tests.
 */
class StationEditorTest {

    /** {@code DevicesPart.STATION_KEY}: the connected station the device table shows. */
    static final String STATION_KEY = "dev.demoforge.connectedStation";

    private static Workbench workbench;

    @BeforeAll
    static void findWorkbench() {
        workbench = Workbench.find();
        workbench.show(WorkbenchTest.CAPTURE);
    }

    @AfterAll
    static void restoreTheBuiltInStation() {
        restoreBuiltInSim(workbench, Workbench.service(Catalog.class, Duration.ofSeconds(10)));
    }

    @Test
    void aSettingEditedInTheGeneratedFormIsSavedInTheCatalogAndADeviceReconnects() {
        Object part = workbench.part(WorkbenchTest.DEVICES_PART).getWidget();
        Table table = WorkbenchTest.onlyTable(part);
        select(workbench, table, "cam_wrist");
        Text fps = workbench.spinUntil(() -> find(part, Text.class, "setting:fps"), Duration.ofSeconds(10));
        assertNotNull(fps, "no fps field in the settings form of cam_wrist");
        assertNotNull(find(part, Control.class, "setting:view"), "the view choice is in the form");
        Button save = Workbench.control(part, Button.class, "save-station");

        fps.setText("fast");
        workbench.spin(Duration.ofMillis(300));
        assertFalse(save.isEnabled(), "a non-number frame rate must not be savable");
        assertTrue(Workbench.control(part, Label.class, "station-status").getText().contains("fps"),
                "the form says which setting is wrong");
        fps.setText("15");
        workbench.spin(Duration.ofMillis(300));
        Workbench.click(save);

        Catalog catalog = Workbench.service(Catalog.class, Duration.ofSeconds(10));
        StationConfig saved = workbench.spinUntil(() -> catalog.station("sim")
                .filter(s -> "15".equals(device(s, "cam_wrist").properties().get("fps"))).orElse(null),
                Duration.ofSeconds(10));
        assertNotNull(saved, "station sim with cam_wrist fps=15 not in the catalog: " + catalog.station("sim"));
        assertEquals("wrist", device(saved, "cam_wrist").properties().get("view"), "other settings kept");
        assertEquals("30", device(saved, "cam_scene").properties().get("fps"), "other devices unchanged");

        select(workbench, table, "ft");
        workbench.spin(Duration.ofMillis(300));
        Workbench.click(Workbench.control(part, Button.class, "disconnect"));
        assertNotNull(workbench.spinUntil(() -> status(table, "ft").startsWith("OFFLINE") ? "" : null,
                Duration.ofSeconds(10)), "ft shows " + status(table, "ft") + " after Disconnect");
        Workbench.click(Workbench.control(part, Button.class, "reconnect"));
        assertNotNull(workbench.spinUntil(() -> status(table, "ft").startsWith("ONLINE") ? "" : null,
                Duration.ofSeconds(10)), "ft shows " + status(table, "ft") + " after Reconnect");
    }

    /** The built-in simulated station as its provider gives it (whatever copy is saved). */
    static StationConfig builtInSim(Workbench workbench) {
        StationManager stations = Workbench.service(StationManager.class, Duration.ofSeconds(10));
        StationConfig builtIn = workbench.spinUntil(() -> stations.builtIn("sim").orElse(null),
                Duration.ofSeconds(10));
        assertNotNull(builtIn, "no built-in station 'sim': " + stations.stations());
        return builtIn;
    }

    /** Deletes the saved "sim" station and reconnects, so the built-in one runs (pending edits dropped). */
    static void restoreBuiltInSim(Workbench workbench, Catalog catalog) {
        catalog.deleteStation("sim");
        reconnectAndAwait(workbench, Set.of("arm", "leader", "cam_scene", "cam_wrist", "ft"));
    }

    /** Clicks Reconnect station and waits until the Devices part lists exactly these devices, every stream ONLINE. */
    static void reconnectAndAwait(Workbench workbench, Set<String> deviceIds) {
        Object part = workbench.part(WorkbenchTest.DEVICES_PART).getWidget();
        Button reconnect = workbench.spinUntil(() -> {
            Button b = Workbench.control(part, Button.class, "reconnect-station");
            return b.isEnabled() ? b : null;
        }, Duration.ofSeconds(30));
        assertNotNull(reconnect, "Reconnect station stays disabled");
        Table table = WorkbenchTest.onlyTable(part);
        Object before = table.getData(STATION_KEY);
        Workbench.click(reconnect);
        assertNotNull(workbench.spinUntil(() -> {
            Object shown = table.getData(STATION_KEY);
            if (shown == null || shown == before) {
                return null;
            }
            List<Map<String, String>> rows = WorkbenchTest.rows(table);
            boolean online = !rows.isEmpty() && rows.stream().allMatch(r -> r.get("status").startsWith("ONLINE"));
            return online && deviceIds.equals(rows.stream().map(r -> r.get("device")).collect(Collectors.toSet()))
                    ? "" : null;
        }, Duration.ofSeconds(30)), "the station did not come back as " + deviceIds + ": "
                + WorkbenchTest.rows(table));
    }

    static void select(Workbench workbench, Table table, String deviceId) {
        Integer row = workbench.spinUntil(() -> {
            List<Map<String, String>> rows = WorkbenchTest.rows(table);
            for (int i = 0; i < rows.size(); i++) {
                if (deviceId.equals(rows.get(i).get("device"))) {
                    return i;
                }
            }
            return null;
        }, Duration.ofSeconds(15));
        assertNotNull(row, "no row for device " + deviceId + " in the device list");
        table.setSelection(row);
        table.notifyListeners(SWT.Selection, new Event());
    }

    static String status(Table table, String deviceId) {
        return WorkbenchTest.rows(table).stream().filter(r -> deviceId.equals(r.get("device")))
                .map(r -> r.get("status")).findFirst().orElse("");
    }

    private static DeviceConfig device(StationConfig station, String id) {
        return station.devices().stream().filter(d -> d.deviceId().equals(id)).findFirst().orElseThrow();
    }

    static <T extends Control> T find(Object part, Class<T> type, String key) {
        return Workbench.descendants((Control) part, type).stream()
                .filter(c -> key.equals(c.getData("dev.demoforge.control"))).findFirst().orElse(null);
    }
}
