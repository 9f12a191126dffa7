package dev.demoforge.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.eclipse.e4.ui.model.application.ui.MUIElement;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.IPresentationEngine;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.demoforge.catalog.api.Catalog;
import dev.demoforge.device.api.DeviceConfig;
import dev.demoforge.device.api.StationConfig;

/**
 * The station's structure edited in the real workbench: a second simulated camera is added through the Add device
 * dialog (its id checked as typed), given a leader and a joint mapping that the teleoperation parsers check as typed
 * (a bad value shows their error and disables saving), saved and applied, after which the catalog holds the new
 * structure and the reconnected station runs the new camera ONLINE; removing it and saving again takes it out of
 * both. At the end the built-in "sim" station is restored (saved copy deleted, station reconnected), so the other UI
 * tests find it whatever the order.
 */
class StationStructureTest {

    private static final String NEW_CAMERA = "cam_extra";
    private static Workbench workbench;
    private static Catalog catalog;

    @BeforeAll
    static void findWorkbench() {
        workbench = Workbench.find();
        workbench.show(WorkbenchTest.CAPTURE);
        catalog = Workbench.service(Catalog.class, Duration.ofSeconds(10));
    }

    @AfterAll
    static void restoreTheBuiltInStation() {
        StationEditorTest.restoreBuiltInSim(workbench, catalog);
    }

    @Test
    void aFollowersMappingIsCheckedAgainstTheConnectedWidths() {
        Object part = workbench.part(WorkbenchTest.DEVICES_PART).getWidget();
        Table table = WorkbenchTest.onlyTable(part);
        StationEditorTest.select(workbench, table, "arm");
        Combo leader = workbench.spinUntil(() -> StationEditorTest.find(part, Combo.class, "teleop:teleop.leader"),
                Duration.ofSeconds(10));
        assertNotNull(leader, "no teleop section for the arm");
        choose(leader, "leader");
        Label widths = Workbench.control(part, Label.class, "teleop-widths");
        Label status = Workbench.control(part, Label.class, "station-status");
        workbench.spin(Duration.ofMillis(300));
        assertTrue(widths.getText().contains("7 elements") && widths.getText().contains("7 commands"),
                widths.getText());
        Text map = Workbench.control(part, Text.class, "teleop:teleop.map");
        map.setText("0,1,2,3,4,5,9");
        workbench.spin(Duration.ofMillis(300));
        assertTrue(status.getText().contains("teleop.map[6] = 9 is not a leader element (0..6)"), status.getText());
        assertFalse(Workbench.control(part, Button.class, "save-apply").isEnabled());
        map.setText("");
        choose(leader, "(none)");
        workbench.spin(Duration.ofMillis(300));
        assertEquals("", status.getText(), "the arm is back as it was");
        assertTrue(Workbench.control(part, Button.class, "save-apply").isEnabled());
    }

    @Test
    void aCameraAddedWithATeleopMappingIsSavedAppliedAndRemovedAgain() throws IOException {
        Object part = workbench.part(WorkbenchTest.DEVICES_PART).getWidget();
        Table table = WorkbenchTest.onlyTable(part);
        StationEditorTest.select(workbench, table, "cam_wrist");

        Shell dialog = openAddDialog(part);
        Text id = Workbench.control(dialog, Text.class, "new-device-id");
        Combo driver = Workbench.control(dialog, Combo.class, "new-device-driver");
        Button add = Workbench.control(dialog, Button.class, "new-device-add");
        Label problem = Workbench.control(dialog, Label.class, "new-device-problem");
        assertTrue(Arrays.asList(driver.getItems()).contains("sim.camera"), "drivers offered: "
                + Arrays.toString(driver.getItems()));
        choose(driver, "sim.camera");
        id.setText("cam_wrist");
        assertFalse(add.isEnabled(), "an id already in the station must be refused");
        assertTrue(problem.getText().contains("cam_wrist"), problem.getText());
        id.setText("Cam 2");
        assertFalse(add.isEnabled(), "upper case and spaces must be refused");
        id.setText(NEW_CAMERA);
        assertTrue(add.isEnabled(), "a fresh id with a driver is accepted: " + problem.getText());
        Workbench.click(add);
        assertTrue(dialog.isDisposed(), "Add closes the dialog");

        assertNotNull(workbench.spinUntil(() -> StationEditorTest.status(table, NEW_CAMERA).startsWith("not connected")
                ? "" : null, Duration.ofSeconds(10)), "the list shows the pending camera: " + WorkbenchTest.rows(table));
        Text fps = workbench.spinUntil(() -> StationEditorTest.find(part, Text.class, "setting:fps"),
                Duration.ofSeconds(10));
        assertNotNull(fps, "the new camera's settings form");
        assertEquals("30", fps.getText(), "the new device starts from its schema's defaults");
        assertTrue(Workbench.control(part, Label.class, "station-pending").getText().contains(NEW_CAMERA));

        Combo leader = Workbench.control(part, Combo.class, "teleop:teleop.leader");
        assertFalse(Arrays.asList(leader.getItems()).contains(NEW_CAMERA), "a device cannot lead itself");
        choose(leader, "leader");
        Workbench.control(part, Text.class, "teleop:teleop.map").setText("0,1,2");
        Text scale = Workbench.control(part, Text.class, "teleop:teleop.scale");
        scale.setText("1,x,1");
        workbench.spin(Duration.ofMillis(300));
        Button saveApply = Workbench.control(part, Button.class, "save-apply");
        Label status = Workbench.control(part, Label.class, "station-status");
        assertFalse(saveApply.isEnabled(), "a mapping the parser refuses must not be savable");
        assertFalse(Workbench.control(part, Button.class, "save-station").isEnabled());
        assertTrue(status.getText().contains("'teleop.scale' value 2 is not a number: 'x'"), status.getText());
        scale.setText("0.5,0.5,1");
        Workbench.control(part, Text.class, "teleop:teleop.offset").setText("0.1");
        Workbench.control(part, Text.class, "teleop:teleop.max").setText("1,1");
        workbench.spin(Duration.ofMillis(300));
        assertTrue(status.getText().contains("teleop.max has 2 values for 3"), status.getText());
        Workbench.control(part, Text.class, "teleop:teleop.max").setText("1.5");
        choose(Workbench.control(part, Combo.class, "teleop:teleop.mode"), "kinesthetic");
        workbench.spin(Duration.ofMillis(300));
        assertEquals("", status.getText(), "no problem left");
        screenshotMaximized("station-editor.png");
        Workbench.click(saveApply);

        StationConfig saved = workbench.spinUntil(() -> catalog.station("sim")
                .filter(s -> has(s, NEW_CAMERA)).orElse(null), Duration.ofSeconds(10));
        assertNotNull(saved, "the catalog's sim station has no " + NEW_CAMERA + ": " + catalog.station("sim"));
        Map<String, String> p = device(saved, NEW_CAMERA).properties();
        assertEquals("sim.camera", device(saved, NEW_CAMERA).driverId());
        assertEquals("leader", p.get("teleop.leader"));
        assertEquals("0,1,2", p.get("teleop.map"));
        assertEquals("0.5,0.5,1", p.get("teleop.scale"));
        assertEquals("0.1", p.get("teleop.offset"));
        assertEquals("1.5", p.get("teleop.max"));
        assertEquals("kinesthetic", p.get("teleop.mode"));
        assertEquals("30", p.get("fps"), "schema default kept");
        assertEquals(Set.of("arm", "leader", "cam_scene", "cam_wrist", "ft", NEW_CAMERA), ids(saved));

        assertNotNull(workbench.spinUntil(() -> StationEditorTest.status(table, NEW_CAMERA).startsWith("ONLINE")
                ? "" : null, Duration.ofSeconds(30)), "after Save & apply the reconnected station runs "
                        + NEW_CAMERA + ": " + WorkbenchTest.rows(table));
        assertEquals("", Workbench.control(part, Label.class, "station-pending").getText(), "nothing pending");

        StationEditorTest.select(workbench, table, NEW_CAMERA);
        Button remove = workbench.spinUntil(() -> {
            Button b = Workbench.control(part, Button.class, "remove-device");
            return b.isEnabled() ? b : null;
        }, Duration.ofSeconds(10));
        assertNotNull(remove, "Remove device stays disabled");
        Workbench.click(remove);
        assertNotNull(workbench.spinUntil(() -> StationEditorTest.status(table, NEW_CAMERA).contains("removed on save")
                ? "" : null, Duration.ofSeconds(5)), "the list marks the pending removal: " + WorkbenchTest.rows(table)
                        + "; editor: " + Workbench.control(part, Label.class, "station-pending").getText());
        Workbench.click(Workbench.control(part, Button.class, "save-apply"));
        StationConfig without = workbench.spinUntil(() -> catalog.station("sim")
                .filter(s -> !has(s, NEW_CAMERA)).orElse(null), Duration.ofSeconds(10));
        assertNotNull(without, "the camera is still in the catalog: " + catalog.station("sim"));
        assertEquals(Set.of("arm", "leader", "cam_scene", "cam_wrist", "ft"), ids(without));
        assertNotNull(workbench.spinUntil(() -> WorkbenchTest.rows(table).stream()
                .noneMatch(r -> NEW_CAMERA.equals(r.get("device"))) && StationEditorTest.status(table, "arm")
                        .startsWith("ONLINE") ? "" : null, Duration.ofSeconds(30)),
                "the reconnected station still lists " + NEW_CAMERA + ": " + WorkbenchTest.rows(table));
    }

    /** Saves a screenshot with the Devices part maximized (so the whole editor shows), then restores the layout. */
    private static void screenshotMaximized(String name) throws IOException {
        MPart devices = workbench.part(WorkbenchTest.DEVICES_PART);
        workbench.parts.activate(devices);
        MUIElement stack = devices.getParent();
        stack.getTags().add(IPresentationEngine.MAXIMIZED);
        try {
            workbench.spin(Duration.ofMillis(500));
            Screenshots.save(workbench, name);
        } finally {
            stack.getTags().remove(IPresentationEngine.MAXIMIZED);
            workbench.spin(Duration.ofMillis(300));
        }
    }

    private Shell openAddDialog(Object part) {
        Button add = workbench.spinUntil(() -> {
            Button b = Workbench.control(part, Button.class, "add-device");
            return b.isEnabled() ? b : null;
        }, Duration.ofSeconds(10));
        assertNotNull(add, "Add device stays disabled");
        Workbench.click(add);
        Shell shell = workbench.spinUntil(() -> Arrays.stream(workbench.display.getShells())
                .filter(s -> "add-device".equals(s.getData("dev.demoforge.control"))).findFirst().orElse(null),
                Duration.ofSeconds(5));
        assertNotNull(shell, "Add device opened no dialog");
        return shell;
    }

    private static void choose(Combo combo, String item) {
        int index = Arrays.asList(combo.getItems()).indexOf(item);
        assertTrue(index >= 0, item + " not offered: " + Arrays.toString(combo.getItems()));
        combo.select(index);
        combo.notifyListeners(SWT.Selection, new Event());
    }

    private static boolean has(StationConfig station, String deviceId) {
        return station.devices().stream().anyMatch(d -> d.deviceId().equals(deviceId));
    }

    private static Set<String> ids(StationConfig station) {
        return station.devices().stream().map(DeviceConfig::deviceId).collect(Collectors.toSet());
    }

    private static DeviceConfig device(StationConfig station, String id) {
        return station.devices().stream().filter(d -> d.deviceId().equals(id)).findFirst().orElseThrow();
    }
}
