package dev.demoforge.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import dev.demoforge.device.api.DeviceConfig;
import dev.demoforge.device.api.StationConfig;
import dev.demoforge.device.api.StationManager;

/**
 * The workbench as an operator meets it: it opens into the Capture perspective with the simulated station connected,
 * its devices ONLINE with live rates, and the other perspectives open. Runs inside the real e4 application with the
 * real services (station manager, simulated drivers, recorder, catalog).
 */
@TestMethodOrder(OrderAnnotation.class)
class WorkbenchTest {

    static final String CAPTURE = "dev.demoforge.ui.perspective.capture";
    static final String REVIEW = "dev.demoforge.ui.perspective.review";
    static final String DATASET = "dev.demoforge.ui.perspective.dataset";
    static final String DEVICES_PART = "dev.demoforge.capture.ui.part.devices";
    static final String CAMERA_PART = "dev.demoforge.capture.ui.part.camera";
    static final String RECORD_PART = "dev.demoforge.capture.ui.part.record";
    static final String COLUMN_KEY = "dev.demoforge.column";

    static Workbench workbench;

    @BeforeAll
    static void findWorkbench() {
        workbench = Workbench.find();
    }

    @Test
    @Order(1)
    void opensIntoTheCapturePerspective() {
        assertEquals(CAPTURE, workbench.activePerspective().getElementId());
        assertNotNull(workbench.part(CAMERA_PART));
        assertNotNull(workbench.part(RECORD_PART));
    }

    @Test
    @Order(2)
    void deviceListShowsTheSimStationOnlineWithLiveRates() {
        StationManager stations = Workbench.service(StationManager.class, Duration.ofSeconds(10));
        StationConfig sim = workbench.spinUntil(() -> stations.station("sim").orElse(null), Duration.ofSeconds(10));
        assertNotNull(sim, "no station 'sim'; stations: " + stations.stations());
        Set<String> expected = sim.devices().stream().map(DeviceConfig::deviceId).collect(Collectors.toSet());
        assertFalse(expected.isEmpty(), "the sim station has no devices");
        Table table = onlyTable(workbench.part(DEVICES_PART).getWidget());

        List<Map<String, String>> live = workbench.spinUntil(() -> {
            List<Map<String, String>> rows = rows(table);
            return allOnlineWithRates(rows, expected) ? rows : null;
        }, Duration.ofSeconds(15));

        List<Map<String, String>> shown = rows(table);
        assertFalse(shown.isEmpty(), "the device list is empty");
        if (live == null) {
            fail("devices " + expected + " did not all show ONLINE with a rate > 0 Hz; the list shows " + shown);
        }
        Set<String> listed = live.stream().map(r -> r.get("device")).collect(Collectors.toSet());
        assertEquals(expected, listed, "devices listed");
    }

    @Test
    @Order(3)
    void savesAScreenshotOfTheCapturePerspective() throws IOException {
        workbench.spin(Duration.ofSeconds(1));
        Path file = screenshot("capture.png");
        assertTrue(Files.size(file) > 10_000, file + " is only " + Files.size(file) + " bytes");
    }

    @Test
    @Order(10)
    void opensTheReviewAndDatasetPerspectivesAndComesBack() {
        workbench.show(REVIEW);
        assertEquals(REVIEW, workbench.activePerspective().getElementId());
        workbench.show(DATASET);
        assertEquals(DATASET, workbench.activePerspective().getElementId());
        workbench.show(CAPTURE);
        assertEquals(CAPTURE, workbench.activePerspective().getElementId());
    }

    /** Saves the window as a PNG under target/screenshots and checks it is not blank. */
    static Path screenshot(String name) throws IOException {
        Path dir = Path.of(System.getProperty("demoforge.screenshots", "target/screenshots"));
        Files.createDirectories(dir);
        Path file = dir.resolve(name);
        var shell = workbench.shell();
        shell.forceActive();
        workbench.spin(Duration.ofMillis(200));
        Rectangle bounds = shell.getBounds();
        Image image = new Image(workbench.display, bounds.width, bounds.height);
        GC gc = new GC(workbench.display);
        try {
            gc.copyArea(image, bounds.x, bounds.y);
            ImageData data = image.getImageData();
            assertTrue(distinctColours(data) > 16, "screenshot " + name + " is (nearly) blank");
            ImageLoader loader = new ImageLoader();
            loader.data = new ImageData[] { data };
            loader.save(file.toString(), SWT.IMAGE_PNG);
        } finally {
            gc.dispose();
            image.dispose();
        }
        return file;
    }

    private static int distinctColours(ImageData data) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < data.height; y += 4) {
            for (int x = 0; x < data.width; x += 4) {
                colours.add(data.getPixel(x, y));
            }
        }
        return colours.size();
    }

    static Table onlyTable(Object widget) {
        List<Table> tables = Workbench.descendants((Control) widget, Table.class);
        assertEquals(1, tables.size(), "tables in the part");
        return tables.get(0);
    }

    /** The table's rows keyed by the columns' ids ({@code TableColumn.getData(COLUMN_KEY)}). */
    static List<Map<String, String>> rows(Table table) {
        TableColumn[] columns = table.getColumns();
        List<Map<String, String>> rows = new ArrayList<>();
        for (TableItem item : table.getItems()) {
            Map<String, String> row = new LinkedHashMap<>();
            for (int c = 0; c < columns.length; c++) {
                row.put(String.valueOf(columns[c].getData(COLUMN_KEY)), item.getText(c));
            }
            rows.add(row);
        }
        return rows;
    }

    private static boolean allOnlineWithRates(List<Map<String, String>> rows, Set<String> devices) {
        for (String device : devices) {
            List<Map<String, String>> ofDevice = rows.stream().filter(r -> device.equals(r.get("device"))).toList();
            if (ofDevice.isEmpty() || !ofDevice.stream().allMatch(r -> r.get("status").startsWith("ONLINE"))
                    || ofDevice.stream().noneMatch(r -> rate(r) > 0)) {
                return false;
            }
        }
        return true;
    }

    private static double rate(Map<String, String> row) {
        try {
            return Double.parseDouble(row.get("rate"));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
