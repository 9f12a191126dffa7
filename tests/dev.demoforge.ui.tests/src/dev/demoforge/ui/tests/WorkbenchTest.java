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
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.eclipse.nebula.widgets.nattable.NatTable;
import org.eclipse.nebula.widgets.nattable.selection.command.SelectRowsCommand;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import dev.demoforge.catalog.api.Catalog;
import dev.demoforge.catalog.api.EpisodeQuery;
import dev.demoforge.catalog.api.EpisodeRecord;
import dev.demoforge.catalog.api.ReviewState;
import dev.demoforge.catalog.api.dataset.DatasetDefinition;
import dev.demoforge.catalog.api.dataset.DatasetQuery;
import dev.demoforge.catalog.api.dataset.DatasetStore;
import dev.demoforge.catalog.api.dataset.SplitRule;
import dev.demoforge.device.api.DeviceConfig;
import dev.demoforge.device.api.StationConfig;
import dev.demoforge.device.api.StationManager;
import dev.demoforge.episode.api.EpisodeStatus;
import dev.demoforge.export.api.DatasetExporter;

/**
 * The workbench as an operator meets it, inside the real e4 application with the real services (station manager,
 * simulated drivers, recorder, catalog): it opens into the Capture perspective with the simulated station connected
 * and its devices ONLINE at live rates; Space records an episode into the catalog; Ctrl+2 shows it in Review, where
 * it is accepted; Ctrl+3 opens Dataset, which exports it through a registered exporter; Ctrl+1 comes back. The tests build on each other, in order.
 */
@TestMethodOrder(OrderAnnotation.class)
class WorkbenchTest {

    static final String CAPTURE = "dev.demoforge.ui.perspective.capture";
    static final String REVIEW = "dev.demoforge.ui.perspective.review";
    static final String DATASET = "dev.demoforge.ui.perspective.dataset";
    static final String DEVICES_PART = "dev.demoforge.capture.ui.part.devices";
    static final String CAMERA_PART = "dev.demoforge.capture.ui.part.camera";
    static final String RECORD_PART = "dev.demoforge.capture.ui.part.record";
    static final String EPISODES_PART = "dev.demoforge.review.ui.part.episodes";
    static final String EXPORT_PART = "dev.demoforge.dataset.ui.part.export";
    static final String SAVED_PART = "dev.demoforge.dataset.ui.part.saved";
    static final String COLUMN_KEY = "dev.demoforge.column";
    static final String TASK = "pick the red cube (UI test " + System.currentTimeMillis() + ")";

    static Workbench workbench;
    static String recordedEpisode;

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
        assertEquals(expected, live.stream().map(r -> r.get("device")).collect(Collectors.toSet()), "devices listed");
    }

    @Test
    @Order(3)
    void savesAScreenshotOfTheCapturePerspective() throws IOException {
        workbench.spin(Duration.ofSeconds(1));
        Screenshots.save(workbench, "capture.png");
    }

    @Test
    @Order(4)
    void spaceStartsAndStopsARecordingThatLandsInTheCatalog() {
        Catalog catalog = Workbench.service(Catalog.class, Duration.ofSeconds(10));
        Object record = workbench.part(RECORD_PART).getWidget();
        Workbench.control(record, Text.class, "task").setText(TASK);
        Button stop = Workbench.control(record, Button.class, "stop");
        Label counter = Workbench.control(record, Label.class, "counter");
        String countBefore = counter.getText();
        workbench.parts.activate(workbench.part(CAMERA_PART));

        workbench.press(0, ' ');
        assertNotNull(workbench.spinUntil(() -> stop.isEnabled() ? stop : null, Duration.ofSeconds(10)),
                "Space did not start a recording: " + Workbench.control(record, Label.class, "last").getText());
        workbench.spin(Duration.ofSeconds(2));
        workbench.parts.activate(workbench.part(CAMERA_PART));
        workbench.press(0, ' ');
        assertNotNull(workbench.spinUntil(() -> counter.getText().equals(countBefore) ? null : counter,
                Duration.ofSeconds(30)), "Space did not stop the recording");

        EpisodeRecord episode = workbench.spinUntil(() -> catalog.episodes(EpisodeQuery.all()).stream()
                .filter(e -> TASK.equals(e.task()) && e.status() != EpisodeStatus.RECORDING).findFirst()
                .orElse(null), Duration.ofSeconds(30));
        assertNotNull(episode, "the episode is not in the catalog: " + catalog.episodes(EpisodeQuery.all()));
        assertEquals(EpisodeStatus.FINISHED, episode.status(), episode.problem());
        assertEquals(ReviewState.PENDING, episode.review());
        assertEquals("sim", episode.stationId());
        assertTrue(episode.durationSeconds() > 1.0, "duration " + episode.durationSeconds());
        assertTrue(episode.frames() > 0, "frames " + episode.frames());
        recordedEpisode = episode.id();
    }

    @Test
    @Order(5)
    void ctrl2ShowsTheEpisodeInReviewWhereItIsAccepted() throws IOException {
        assertNotNull(recordedEpisode, "needs the episode recorded by the previous test");
        workbench.press(SWT.MOD1, '2');
        assertEquals(REVIEW, workbench.activePerspective().getElementId(), "Ctrl+2");
        Object part = workbench.part(EPISODES_PART).getWidget();
        NatTable table = Workbench.control(part, NatTable.class, "episodes");
        Catalog catalog = Workbench.service(Catalog.class, Duration.ofSeconds(10));
        int expectedRows = catalog.episodes(EpisodeQuery.all()).size();
        List<String> ids = workbench.spinUntil(() -> {
            List<String> shown = episodeIds(table);
            return shown.size() == expectedRows && shown.contains(recordedEpisode) ? shown : null;
        }, Duration.ofSeconds(10));
        assertNotNull(ids, "the review table shows " + episodeIds(table) + ", the catalog has " + expectedRows);

        int row = ids.indexOf(recordedEpisode) + 1;
        table.doCommand(new SelectRowsCommand(table, 1, row, false, false));
        Workbench.click(Workbench.control(part, Button.class, "accept"));
        EpisodeRecord accepted = workbench.spinUntil(() -> catalog.episode(recordedEpisode)
                .filter(e -> e.review() == ReviewState.ACCEPTED).orElse(null), Duration.ofSeconds(10));
        assertNotNull(accepted, "Accept did not reach the catalog: " + catalog.episode(recordedEpisode));
        workbench.spin(Duration.ofMillis(500));
        Screenshots.save(workbench, "review.png");
    }

    @Test
    @Order(6)
    void ctrl3OpensDatasetWhichExportsTheAcceptedEpisode() throws IOException {
        assertNotNull(recordedEpisode, "needs the episode accepted by the previous test");
        workbench.press(SWT.MOD1, '3');
        assertEquals(DATASET, workbench.activePerspective().getElementId(), "Ctrl+3");
        Object part = workbench.part(EXPORT_PART).getWidget();

        Combo format = Workbench.control(part, Combo.class, "format");
        List<String> labels = Workbench.services(DatasetExporter.class).stream().map(DatasetExporter::label).sorted()
                .toList();
        assertFalse(labels.isEmpty(), "no DatasetExporter service is registered");
        assertEquals(labels, List.of(format.getItems()), "formats offered");
        format.select(Arrays.asList(format.getItems()).indexOf(labels.stream()
                .filter(l -> l.toLowerCase(java.util.Locale.ROOT).contains("lerobot")).findFirst().orElse(labels.get(0))));
        format.notifyListeners(SWT.Selection, new Event());

        Path out = Path.of(System.getProperty("java.io.tmpdir"), "export-" + System.currentTimeMillis());
        exportOnly(workbench, part, recordedEpisode, out);
        Label status = Workbench.control(part, Label.class, "status");
        try (var files = Files.list(out)) {
            assertTrue(files.findAny().isPresent(), out + " is empty; status: " + status.getText());
        }
        Screenshots.save(workbench, "dataset.png");
    }

    @Test
    @Order(7)
    void ctrl1ComesBackToCaptureAndPerspectivesSwitchProgrammatically() {
        workbench.press(SWT.MOD1, '1');
        assertEquals(CAPTURE, workbench.activePerspective().getElementId(), "Ctrl+1");
        for (String id : List.of(REVIEW, DATASET, CAPTURE)) {
            workbench.show(id);
            assertEquals(id, workbench.activePerspective().getElementId());
        }
    }

    @Test
    @Order(100)
    void savedDatasetsPartBuildsASavedDatasetInAJob() throws IOException {
        assertNotNull(recordedEpisode, "needs the episode accepted by the recording and review tests");
        DatasetStore store = Workbench.service(DatasetStore.class, Duration.ofSeconds(10));
        String name = "ui-saved-" + System.currentTimeMillis();
        store.create(new DatasetDefinition(name, new DatasetQuery(List.of(TASK), null, null, null, null, null,
                List.of(ReviewState.ACCEPTED), null, null), SplitRule.none(), "lerobot", Map.of(), null));
        workbench.show(DATASET);
        workbench.parts.showPart(SAVED_PART, org.eclipse.e4.ui.workbench.modeling.EPartService.PartState.ACTIVATE);
        Object part = workbench.part(SAVED_PART).getWidget();
        Workbench.click(Workbench.control(part, Button.class, "refresh"));
        Table datasets = Workbench.control(part, Table.class, "datasets");
        TableItem item = workbench.spinUntil(() -> Arrays.stream(datasets.getItems())
                .filter(i -> name.equals(i.getText(0))).findFirst().orElse(null), Duration.ofSeconds(20));
        assertNotNull(item, "the saved dataset is not listed");
        assertEquals("1", item.getText(2), "episodes the query selects now");
        datasets.setSelection(item);
        datasets.notifyListeners(SWT.Selection, new Event());
        Path out = Path.of(System.getProperty("java.io.tmpdir"), name);
        Workbench.control(part, Text.class, "output").setText(out.toString());
        Button build = Workbench.control(part, Button.class, "build");
        Workbench.click(build);
        Label status = Workbench.control(part, Label.class, "status");
        assertNotNull(workbench.spinUntil(() -> build.isEnabled() ? build : null, Duration.ofSeconds(120)),
                "the build did not finish: " + status.getText());
        assertTrue(Files.isRegularFile(out.resolve("meta/demoforge_manifest.json")), "no manifest in " + out
                + "; status: " + status.getText());
        assertTrue(status.getText().startsWith("Built version 1"), status.getText());
        assertEquals(1, store.builds(name).size(), "the build is recorded in the catalog");
    }

    /** The episode ids the NatTable shows, top to bottom (column 1: column 0 is the row header). */
    /** Exports just {@code episode} through the Dataset perspective's Export part into {@code out}; waits 120 s. */
    static void exportOnly(Workbench workbench, Object part, String episode, Path out) {
        Table episodes = Workbench.control(part, Table.class, "episodes");
        TableItem item = workbench.spinUntil(() -> Arrays.stream(episodes.getItems())
                .filter(i -> episode.equals(i.getText(0))).findFirst().orElse(null), Duration.ofSeconds(10));
        assertNotNull(item, episode + " is not offered for export");
        for (TableItem other : episodes.getItems()) {
            other.setChecked(other == item);
        }
        Workbench.control(part, Text.class, "output").setText(out.toString());
        Workbench.click(Workbench.control(part, Button.class, "export"));
        Label status = Workbench.control(part, Label.class, "status");
        Button export = Workbench.control(part, Button.class, "export");
        assertNotNull(workbench.spinUntil(() -> export.isEnabled() ? export : null, Duration.ofSeconds(120)),
                "the export did not finish: " + status.getText());
        assertTrue(Files.isDirectory(out), "no dataset at " + out + "; status: " + status.getText());
    }

    static List<String> episodeIds(NatTable table) {
        List<String> ids = new ArrayList<>();
        for (int row = 1; row < table.getRowCount(); row++) {
            ids.add(String.valueOf(table.getDataValueByPosition(1, row)));
        }
        return ids;
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

    static double rate(Map<String, String> row) {
        try {
            return Double.parseDouble(row.get("rate"));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
