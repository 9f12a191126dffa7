package dev.demoforge.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.eclipse.nebula.widgets.nattable.NatTable;
import org.eclipse.nebula.widgets.nattable.selection.command.SelectRowsCommand;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.google.gson.Gson;
import com.google.gson.JsonParser;

import dev.demoforge.catalog.api.Catalog;
import dev.demoforge.catalog.api.CheckRecord;
import dev.demoforge.catalog.api.DecisionRecord;
import dev.demoforge.catalog.api.EpisodeRecord;
import dev.demoforge.catalog.api.RejectReason;
import dev.demoforge.catalog.api.ReviewLog;
import dev.demoforge.catalog.api.ReviewState;
import dev.demoforge.device.api.StationConfig;
import dev.demoforge.device.api.StationManager;
import dev.demoforge.episode.api.EpisodeStore;
import dev.demoforge.episode.api.EpisodeSummary;
import dev.demoforge.episode.api.Recorder;
import dev.demoforge.episode.api.RecordingRequest;
import dev.demoforge.export.api.DatasetExporter;
import dev.demoforge.quality.api.QualityService;
import dev.demoforge.quality.validation.SimTrials;

/**
 * The episode editor driven by the keyboard in the real workbench: two simulated trials are recorded and checked
 * into the catalog; the queue (filtered to them) opens the first with Enter; arrow keys step frames (the frame
 * index, time and picture change); A accepts; Page Down opens the next; R 3 rejects it as jerky, Ctrl+Z undoes
 * that, R 2 rejects it as unsafe; [ trims; the catalog holds every decision with the reviewer. The queue's Accept
 * goes to the same review log (Ctrl+Z in the editor undoes it, the editor's header follows) and its Reject asks for
 * a reason. The Dataset perspective's ee_pose box adds the end-effector pose to the export.
 */
@TestMethodOrder(OrderAnnotation.class)
class ReviewEditorTest {

    static final String REVIEW = "dev.demoforge.ui.perspective.review";
    static final String CAPTURE = "dev.demoforge.ui.perspective.capture";
    static final String DATASET = "dev.demoforge.ui.perspective.dataset";
    static final String EXPORT_PART = "dev.demoforge.dataset.ui.part.export";
    static final String EPISODES_PART = "dev.demoforge.review.ui.part.episodes";
    static final String EDITOR_PART = "dev.demoforge.review.ui.part.editor";
    static final String FRAME_KEY = "dev.demoforge.frameIndex";
    static final String IMAGE_KEY = "dev.demoforge.imageData";
    static final String REVIEWER = "ui-test-reviewer";
    static final String TASK = "review editor test " + System.currentTimeMillis();

    static Workbench workbench;
    static List<String> episodes;
    static Catalog catalog;
    static ReviewLog log;

    @BeforeAll
    static void recordTwoCheckedEpisodes() throws Exception {
        System.setProperty("demoforge.reviewer", REVIEWER);
        workbench = Workbench.find();
        catalog = Workbench.service(Catalog.class, Duration.ofSeconds(10));
        log = Workbench.service(ReviewLog.class, Duration.ofSeconds(10));
        StationManager stations = Workbench.service(StationManager.class, Duration.ofSeconds(10));
        Recorder recorder = Workbench.service(Recorder.class, Duration.ofSeconds(10));
        EpisodeStore store = Workbench.service(EpisodeStore.class, Duration.ofSeconds(10));
        QualityService quality = Workbench.service(QualityService.class, Duration.ofSeconds(10));
        StationConfig sim = workbench.spinUntil(() -> stations.station("sim").orElse(null), Duration.ofSeconds(10));
        assertNotNull(sim, "no station 'sim'");
        Path root = Path.of(System.getProperty("demoforge.workspace"), "episodes");
        CompletableFuture<List<String>> recorded = CompletableFuture.supplyAsync(() -> {
            try {
                List<EpisodeSummary> summaries = SimTrials.record(stations, recorder, sim,
                        new RecordingRequest(root, TASK, "ui-operator", null, null), List.of(11L, 12L), 2,
                        (seed, s) -> {
                        });
                List<String> ids = new ArrayList<>();
                for (EpisodeSummary s : summaries) {
                    catalog.putEpisode(new EpisodeRecord(s.episodeId(), null, sim.id(), TASK, "ui-operator",
                            s.startedAt(), s.durationSeconds(), s.cameraFrames(), s.drops(), s.status(),
                            ReviewState.PENDING, s.directory().toString(), s.problem()));
                    catalog.putChecks(s.episodeId(), quality.evaluate(store.open(s.directory())).stream()
                            .map(r -> new CheckRecord(r.checkId(), r.verdict().name(), r.score(),
                                    new Gson().toJson(r.reasons())))
                            .toList());
                    ids.add(s.episodeId());
                }
                return ids;
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException("recording the test episodes failed: " + e, e);
            }
        });
        episodes = workbench.spinUntil(() -> recorded.isDone() ? recorded.join() : null, Duration.ofSeconds(120));
        assertNotNull(episodes, "the two trials were not recorded within 120 s");
    }

    @AfterAll
    static void backToCapture() {
        workbench.show(CAPTURE);
    }

    @Test
    @Order(1)
    void theQueueFilteredByTaskOpensTheFirstEpisodeWithEnter() {
        workbench.show(REVIEW);
        Object queue = workbench.part(EPISODES_PART).getWidget();
        Workbench.click(Workbench.control(queue, Button.class, "refresh"));
        Workbench.control(queue, Text.class, "filter").setText(TASK);
        NatTable table = Workbench.control(queue, NatTable.class, "episodes");
        List<String> shown = workbench.spinUntil(() -> {
            List<String> ids = WorkbenchTest.episodeIds(table);
            return ids.size() == 2 && ids.containsAll(episodes) ? ids : null;
        }, Duration.ofSeconds(15));
        assertNotNull(shown, "the filtered queue shows " + WorkbenchTest.episodeIds(table) + ", not " + episodes);
        episodes = shown;

        workbench.parts.activate(workbench.part(EPISODES_PART), true);
        table.doCommand(new SelectRowsCommand(table, 1, 1, false, false));
        table.setFocus();
        workbench.spin(Duration.ofMillis(200));
        Object focus = workbench.display.getFocusControl();
        List<String> seen = new ArrayList<>();
        org.eclipse.swt.widgets.Listener filter = e -> seen.add(e.widget + " code " + e.keyCode + " char "
                + (int) e.character + " doit " + e.doit + " type " + e.type);
        org.eclipse.swt.widgets.Listener atTable = e -> seen.add("at the table: code " + e.keyCode);
        workbench.display.addFilter(SWT.KeyDown, filter);
        table.addListener(SWT.KeyDown, atTable);
        Keys.type(workbench, 0, SWT.CR);
        workbench.display.removeFilter(SWT.KeyDown, filter);
        table.removeListener(SWT.KeyDown, atTable);
        Label title = editorLabel("title");
        assertNotNull(workbench.spinUntil(() -> title.getText().startsWith(episodes.get(0)) ? title : null,
                Duration.ofSeconds(20)), "Enter did not open " + episodes.get(0) + "; editor: " + title.getText()
                        + " / " + editorLabel("status").getText() + "; queue: "
                        + Workbench.control(queue, Label.class, "summary").getText() + "; focus was " + focus + "; keys seen "
                        + seen);
        assertEquals(EDITOR_PART, workbench.parts.getActivePart().getElementId(), "the editor is active");
    }

    @Test
    @Order(2)
    void arrowKeysStepFramesAndTheTimeAndPictureFollow() throws IOException {
        Canvas video = editorControl(Canvas.class, "video.0");
        Integer first = workbench.spinUntil(() -> (Integer) video.getData(FRAME_KEY), Duration.ofSeconds(10));
        assertEquals(0, first, "opens at frame 0");
        ImageData before = (ImageData) video.getData(IMAGE_KEY);
        String timeBefore = editorLabel("time").getText();
        for (int i = 0; i < 3; i++) {
            Keys.type(workbench, 0, SWT.ARROW_RIGHT);
        }
        assertNotNull(workbench.spinUntil(() -> Integer.valueOf(3).equals(video.getData(FRAME_KEY)) ? video : null,
                Duration.ofSeconds(10)), "three steps did not reach frame 3: " + video.getData(FRAME_KEY));
        ImageData after = (ImageData) video.getData(IMAGE_KEY);
        assertFalse(Arrays.equals(before.data, after.data), "the picture did not change");
        assertFalse(timeBefore.equals(editorLabel("time").getText()), "the time did not change");
        assertTrue(editorLabel("frame").getText().startsWith("frame 3 / "), editorLabel("frame").getText());
        Keys.type(workbench, 0, SWT.ARROW_LEFT);
        assertNotNull(workbench.spinUntil(() -> Integer.valueOf(2).equals(video.getData(FRAME_KEY)) ? video : null,
                Duration.ofSeconds(10)), "a step back did not reach frame 2");
        Screenshots.save(workbench, "editor.png");
    }

    @Test
    @Order(3)
    void aAcceptsAndBracketTrimsAtTheCursor() {
        String id = episodes.get(0);
        workbench.press(0, 'a');
        DecisionRecord accepted = workbench.spinUntil(() -> log.decisions(id).stream()
                .filter(d -> d.state() == ReviewState.ACCEPTED).findFirst().orElse(null), Duration.ofSeconds(10));
        assertNotNull(accepted, "A did not accept " + id + ": " + editorLabel("status").getText());
        assertEquals(REVIEWER, accepted.reviewer());
        assertEquals(ReviewState.ACCEPTED, catalog.episode(id).orElseThrow().review());

        double cursor = Double.parseDouble(editorLabel("time").getText().split(" ")[0]);
        workbench.press(0, '[');
        var trim = workbench.spinUntil(() -> log.trim(id).orElse(null), Duration.ofSeconds(10));
        assertNotNull(trim, "[ did not trim: " + editorLabel("status").getText());
        assertEquals(cursor, trim.startSeconds(), 0.0015);
    }

    @Test
    @Order(4)
    void pageDownOpensTheNextWhichRIsRejectedUndoneAndRejectedAgain() throws IOException {
        String id = episodes.get(1);
        Label title = editorLabel("title");
        Keys.type(workbench, 0, SWT.PAGE_DOWN);
        assertNotNull(workbench.spinUntil(() -> title.getText().startsWith(id) ? title : null,
                Duration.ofSeconds(20)), "Page Down did not open " + id + ": " + title.getText());

        workbench.press(0, 'r');
        Keys.character(workbench, '3');
        assertNotNull(workbench.spinUntil(() -> catalog.episode(id).filter(e -> e.review() == ReviewState.REJECTED)
                .orElse(null), Duration.ofSeconds(10)), "R 3 did not reject: " + editorLabel("status").getText());

        workbench.press(SWT.MOD1, 'z');
        assertNotNull(workbench.spinUntil(() -> catalog.episode(id).filter(e -> e.review() == ReviewState.PENDING)
                .orElse(null), Duration.ofSeconds(10)), "Ctrl+Z did not undo: " + editorLabel("status").getText());

        workbench.press(0, 'r');
        Keys.character(workbench, '2');
        List<DecisionRecord> decisions = workbench.spinUntil(() -> {
            List<DecisionRecord> d = log.decisions(id);
            return d.size() == 2 ? d : null;
        }, Duration.ofSeconds(10));
        assertNotNull(decisions, "decisions of " + id + ": " + log.decisions(id));
        assertEquals(RejectReason.JERKY, decisions.get(0).reason());
        assertNotNull(decisions.get(0).undoneAt(), "the undone rejection stays in the history, marked undone");
        assertEquals(RejectReason.UNSAFE, decisions.get(1).reason());
        assertEquals(REVIEWER, decisions.get(1).reviewer());
        assertEquals(ReviewState.REJECTED, catalog.episode(id).orElseThrow().review());
        assertEquals(ReviewState.ACCEPTED, catalog.episode(episodes.get(0)).orElseThrow().review(),
                "the first episode keeps its acceptance");
        workbench.spin(Duration.ofMillis(500));
        Screenshots.save(workbench, "review-editor.png");
    }

    @Test
    @Order(5)
    void theQueuesAcceptIsLoggedUndoneByCtrlZInTheEditorAndTheHeaderFollows() {
        String id = episodes.get(1);
        Label title = editorLabel("title");
        assertTrue(title.getText().startsWith(id) && title.getText().endsWith("REJECTED"), title.getText());
        int before = log.decisions(id).size();

        selectInQueue(id);
        Workbench.click(Workbench.control(workbench.part(EPISODES_PART).getWidget(), Button.class, "accept"));
        DecisionRecord accepted = decisionAfter(id, before, "the queue's Accept");
        assertEquals(ReviewState.ACCEPTED, accepted.state());
        assertEquals(REVIEWER, accepted.reviewer(), "the queue decides as the editor's reviewer");
        assertNotNull(workbench.spinUntil(() -> title.getText().endsWith("ACCEPTED") ? title : null,
                Duration.ofSeconds(10)), "the editor's header did not follow the queue's decision: " + title.getText());

        workbench.parts.activate(workbench.part(EDITOR_PART), true);
        workbench.press(SWT.MOD1, 'z');
        assertNotNull(workbench.spinUntil(() -> catalog.episode(id).filter(e -> e.review() == ReviewState.REJECTED)
                .orElse(null), Duration.ofSeconds(10)), "Ctrl+Z did not undo the queue's acceptance: "
                        + editorLabel("status").getText());
        assertNotNull(log.decisions(id).get(before).undoneAt(), "the acceptance is marked undone");
        assertNotNull(workbench.spinUntil(() -> title.getText().endsWith("REJECTED") ? title : null,
                Duration.ofSeconds(10)), "the editor's header did not follow the undo: " + title.getText());
    }

    @Test
    @Order(6)
    void theQueuesRejectAsksForAReasonAndStoresIt() {
        String id = episodes.get(0);
        int before = log.decisions(id).size();
        selectInQueue(id);
        Workbench.click(Workbench.control(workbench.part(EPISODES_PART).getWidget(), Button.class, "reject"));
        workbench.spin(Duration.ofMillis(300));
        assertEquals(before, log.decisions(id).size(), "Reject decided before a reason was chosen");
        Keys.character(workbench, '4');
        DecisionRecord rejected = decisionAfter(id, before, "Reject, 4");
        assertEquals(ReviewState.REJECTED, rejected.state());
        assertEquals(RejectReason.IDLE, rejected.reason());
        assertEquals(REVIEWER, rejected.reviewer());
        assertEquals(ReviewState.REJECTED, catalog.episode(id).orElseThrow().review());
    }

    @Test
    @Order(7)
    void theExportFormsEePoseBoxAddsTheEndEffectorPoseFeature() throws IOException {
        String id = episodes.get(0);
        selectInQueue(id);
        Workbench.click(Workbench.control(workbench.part(EPISODES_PART).getWidget(), Button.class, "accept"));
        assertNotNull(workbench.spinUntil(() -> catalog.episode(id).filter(e -> e.review() == ReviewState.ACCEPTED)
                .orElse(null), Duration.ofSeconds(10)), "the queue's Accept did not accept " + id);

        workbench.show(DATASET);
        Object part = workbench.part(EXPORT_PART).getWidget();
        Combo format = Workbench.control(part, Combo.class, "format");
        int lerobot = Arrays.asList(format.getItems()).indexOf(Workbench.services(DatasetExporter.class).stream()
                .filter(e -> e.formatId().contains("lerobot")).findFirst().orElseThrow().label());
        format.select(lerobot);
        format.notifyListeners(SWT.Selection, new Event());
        Button eePose = Workbench.control(part, Button.class, "eePose");
        assertFalse(eePose.getSelection(), "ee_pose is off by default");
        eePose.setSelection(true);
        Path out = Path.of(System.getProperty("java.io.tmpdir"), "ee-pose-" + System.currentTimeMillis());
        WorkbenchTest.exportOnly(workbench, part, id, out);
        Path info = out.resolve("meta/info.json");
        assertTrue(Files.isRegularFile(info), "no " + info);
        var features = JsonParser.parseString(Files.readString(info)).getAsJsonObject().getAsJsonObject("features");
        assertTrue(features.has("observation.ee_pose"), "features exported: " + features.keySet());
        assertEquals(7, features.getAsJsonObject("observation.ee_pose").getAsJsonArray("shape").get(0).getAsInt());
        workbench.show(REVIEW);
    }

    /** The decision logged for {@code id} after the first {@code before} ones (waits 10 s). */
    private static DecisionRecord decisionAfter(String id, int before, String what) {
        List<DecisionRecord> decisions = workbench.spinUntil(() -> {
            List<DecisionRecord> d = log.decisions(id);
            return d.size() == before + 1 ? d : null;
        }, Duration.ofSeconds(10));
        assertNotNull(decisions, what + " did not reach the review log: " + log.decisions(id));
        return decisions.get(before);
    }

    private static void selectInQueue(String id) {
        workbench.parts.activate(workbench.part(EPISODES_PART), true);
        NatTable table = Workbench.control(workbench.part(EPISODES_PART).getWidget(), NatTable.class, "episodes");
        List<String> shown = workbench.spinUntil(() -> {
            List<String> ids = WorkbenchTest.episodeIds(table);
            return ids.contains(id) ? ids : null;
        }, Duration.ofSeconds(10));
        assertNotNull(shown, "the queue does not show " + id + ": " + WorkbenchTest.episodeIds(table));
        table.doCommand(new SelectRowsCommand(table, 1, shown.indexOf(id) + 1, false, false));
        workbench.spin(Duration.ofMillis(100));
    }

    private static Label editorLabel(String key) {
        return editorControl(Label.class, key);
    }

    private static <T extends org.eclipse.swt.widgets.Control> T editorControl(Class<T> type, String key) {
        return Workbench.control(workbench.part(EDITOR_PART).getWidget(), type, key);
    }
}
