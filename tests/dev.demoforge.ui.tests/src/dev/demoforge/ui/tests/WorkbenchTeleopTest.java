package dev.demoforge.ui.tests;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.junit.jupiter.api.Test;

import dev.demoforge.catalog.api.Catalog;
import dev.demoforge.device.api.DeviceConfig;
import dev.demoforge.device.api.StationConfig;

/**
 * A station saved with a leader–follower pairing runs it in the workbench once connected: the simulated arm follows
 * the simulated leader, its action stream (the goals it is sent) shows a live rate in the Devices part, and the
 * status names the pairing. The built-in station, which declares none, is restored afterwards.
 */
class WorkbenchTeleopTest {

    @Test
    void aSavedPairingRunsWhileTheStationIsConnected() {
        Workbench workbench = Workbench.find();
        workbench.show(WorkbenchTest.CAPTURE);
        Catalog catalog = Workbench.service(Catalog.class, Duration.ofSeconds(10));
        StationConfig builtIn = StationEditorTest.builtInSim(workbench);
        Map<String, String> arm = new HashMap<>(builtIn.device("arm").orElseThrow().properties());
        arm.put("teleop.leader", "leader");
        arm.put("teleop.rate_hz", "100");
        List<DeviceConfig> devices = builtIn.devices().stream().map(d -> d.deviceId().equals("arm")
                ? new DeviceConfig("arm", d.driverId(), arm) : d).toList();
        catalog.putStation(new StationConfig("sim", builtIn.robotType(), devices));
        try {
            StationEditorTest.reconnectAndAwait(workbench, devices.stream().map(DeviceConfig::deviceId)
                    .collect(Collectors.toSet()));
            Table table = WorkbenchTest.onlyTable(workbench.part(WorkbenchTest.DEVICES_PART).getWidget());
            Map<String, String> action = workbench.spinUntil(() -> WorkbenchTest.rows(table).stream()
                    .filter(r -> r.get("device").equals("arm") && r.get("stream").equals("action")
                            && WorkbenchTest.rate(r) > 50).findFirst().orElse(null), Duration.ofSeconds(15));
            assertNotNull(action, "the arm's action stream shows no live rate: " + WorkbenchTest.rows(table));
            assertTrue(WorkbenchTest.rate(action) < 150, "goals at the saved 100 Hz: " + action);
            Object record = workbench.part(WorkbenchTest.RECORD_PART).getWidget();
            String status = Workbench.control(record, Label.class, "last").getText();
            assertTrue(status.contains("teleop leader → arm: follow at 100 Hz"), status);
        } finally {
            StationEditorTest.restoreBuiltInSim(workbench, catalog);
        }
        Table table = WorkbenchTest.onlyTable(workbench.part(WorkbenchTest.DEVICES_PART).getWidget());
        assertTrue(WorkbenchTest.rows(table).stream().noneMatch(r -> r.get("stream").equals("action")
                && r.get("device").equals("arm")), "the built-in arm declares no action stream");
        assertTrue(Set.of("arm", "leader", "cam_scene", "cam_wrist", "ft").containsAll(WorkbenchTest.rows(table)
                .stream().map(r -> r.get("device")).toList()));
    }
}
