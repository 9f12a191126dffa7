package dev.demoforge.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.demoforge.catalog.api.Catalog;
import dev.demoforge.catalog.api.EpisodeQuery;
import dev.demoforge.catalog.api.EpisodeRecord;
import dev.demoforge.catalog.api.ReviewState;
import dev.demoforge.catalog.api.tasks.EpisodeMark;
import dev.demoforge.catalog.api.tasks.SceneFactor;
import dev.demoforge.catalog.api.tasks.SessionEpisode;
import dev.demoforge.catalog.api.tasks.SessionLog;
import dev.demoforge.catalog.api.tasks.TaskCatalog;
import dev.demoforge.catalog.api.tasks.TaskSpec;
import dev.demoforge.episode.api.EpisodeStatus;

/**
 * A whole capture session on the simulated station, driven by the keyboard alone once the task is chosen: Space
 * begins the session and records, S marks success, F (while recording) stops and marks failure, D discards and the
 * same scene is recorded again, until the target of three kept episodes closes the session. Then the catalog must
 * hold exactly those four recordings with their marks and scenes. While recording, the Plots part's UI-thread time
 * per refresh is measured and screenshots of the Capture perspective are saved.
 */
class CaptureLoopTest {

    static final String SESSION_PART = "dev.demoforge.capture.ui.part.session";
    static final String PLOTS_PART = "dev.demoforge.capture.ui.part.plots";
    static final String PHASE_KEY = "dev.demoforge.loopPhase";

    static Workbench workbench;

    @BeforeAll
    static void findWorkbench() {
        workbench = Workbench.find();
        workbench.show(WorkbenchTest.CAPTURE);
    }

    @Test
    void aKeyboardSessionOfThreeEpisodesWithAFailureAndADiscardLandsInTheCatalog() throws IOException {
        String instruction = "Put the cube in the bin (capture loop UI test " + System.currentTimeMillis() + ")";
        TaskCatalog tasks = Workbench.service(TaskCatalog.class, Duration.ofSeconds(10));
        TaskSpec task = tasks.putTask(new TaskSpec(null, "UI loop " + System.currentTimeMillis(), instruction,
                "success", "{}", 30, 1, 3, List.of(
                        new SceneFactor("region", "move the cube to region {0}", List.of("A", "B")),
                        new SceneFactor("distractors", "place {0} distractors", List.of("0", "1"))), 5));
        Object record = workbench.part(WorkbenchTest.RECORD_PART).getWidget();
        Button recordButton = Workbench.control(record, Button.class, "record");
        assertNotNull(workbench.spinUntil(() -> recordButton.isEnabled() ? recordButton : null,
                Duration.ofSeconds(30)), "the station did not become ready");

        workbench.parts.showPart(PLOTS_PART, org.eclipse.e4.ui.workbench.modeling.EPartService.PartState.VISIBLE);
        workbench.parts.showPart(SESSION_PART, org.eclipse.e4.ui.workbench.modeling.EPartService.PartState.VISIBLE);
        Object session = workbench.part(SESSION_PART).getWidget();
        chooseTask(session, task);

        Label phase = Workbench.control(session, Label.class, "phase");
        RefreshTimings idle = new RefreshTimings((Composite) workbench.part(PLOTS_PART).getWidget());
        RefreshTimings recording = new RefreshTimings((Composite) workbench.part(PLOTS_PART).getWidget());
        UiLatencyProbe idleLatency = new UiLatencyProbe(workbench.display);
        UiLatencyProbe recordingLatency = new UiLatencyProbe(workbench.display);
        workbench.spin(Duration.ofSeconds(1));
        idle.begin();
        idleLatency.start();
        workbench.spin(Duration.ofSeconds(3));
        idleLatency.stop();
        idle.end();
        press(' ');
        awaitPhase(phase, "PROMPT");

        // 1: recorded, stopped with Space, marked success
        press(' ');
        awaitPhase(phase, "RECORDING");
        recording.begin();
        recordingLatency.start();
        workbench.spin(Duration.ofSeconds(2));
        recordingLatency.stop();
        recording.end();
        press(' ');
        awaitPhase(phase, "MARK");
        press('s');
        awaitPhase(phase, "PROMPT");

        // 2: recorded, F stops it and marks failure at once
        press(' ');
        awaitPhase(phase, "RECORDING");
        workbench.spin(Duration.ofSeconds(2));
        press('f');
        awaitPhase(phase, "PROMPT");

        // 3: recorded, discarded, recorded again and marked success
        press(' ');
        awaitPhase(phase, "RECORDING");
        workbench.spin(Duration.ofSeconds(2));
        press(' ');
        awaitPhase(phase, "MARK");
        press('d');
        awaitPhase(phase, "PROMPT");
        press(' ');
        awaitPhase(phase, "RECORDING");
        recording.begin();
        workbench.spin(Duration.ofSeconds(2));
        recording.end();
        Screenshots.save(workbench, "capture-session.png");
        workbench.parts.showPart(PLOTS_PART, org.eclipse.e4.ui.workbench.modeling.EPartService.PartState.ACTIVATE);
        workbench.spin(Duration.ofSeconds(1));
        Screenshots.save(workbench, "capture-plots.png");
        workbench.parts.activate(workbench.part(WorkbenchTest.CAMERA_PART));
        press(' ');
        awaitPhase(phase, "MARK");
        press('s');
        awaitPhase(phase, "DONE");
        Screenshots.save(workbench, "capture-done.png");
        reportRefreshTimes(idle, idleLatency, recording, recordingLatency);

        checkCatalog(instruction, task);
        Table coverage = Workbench.control(session, Table.class, "coverage");
        assertEquals(4, coverage.getItemCount(), "one coverage row per scene combination");
    }

    private void checkCatalog(String instruction, TaskSpec task) {
        Catalog catalog = Workbench.service(Catalog.class, Duration.ofSeconds(10));
        SessionLog log = Workbench.service(SessionLog.class, Duration.ofSeconds(10));
        List<EpisodeRecord> episodes = workbench.spinUntil(() -> {
            List<EpisodeRecord> found = catalog.episodes(new EpisodeQuery(List.of(), instruction, null, null));
            return found.size() == 4 && found.stream().allMatch(e -> e.status() != EpisodeStatus.RECORDING)
                    ? found : null;
        }, Duration.ofSeconds(30));
        assertNotNull(episodes, "expected 4 finished recordings of the task, the catalog has "
                + catalog.episodes(new EpisodeQuery(List.of(), instruction, null, null)));
        String sessionId = episodes.get(0).sessionId();
        assertTrue(episodes.stream().allMatch(e -> sessionId.equals(e.sessionId())), "one session");
        assertEquals(task.id(), log.session(sessionId).orElseThrow().taskId());
        assertNotNull(log.session(sessionId).orElseThrow().endedAt(), "the session is closed at its target");

        List<SessionEpisode> logged = log.episodes(sessionId);
        assertEquals(episodes.stream().map(EpisodeRecord::id).toList(),
                logged.stream().map(SessionEpisode::episodeId).toList(), "the same episodes, in recording order");
        assertEquals(List.of(EpisodeMark.SUCCESS, EpisodeMark.FAILURE, EpisodeMark.DISCARDED, EpisodeMark.SUCCESS),
                logged.stream().map(SessionEpisode::mark).toList());
        assertEquals(List.of(1, 2, 3, 3), logged.stream().map(SessionEpisode::index).toList());
        assertEquals(logged.get(2).scene(), logged.get(3).scene(), "the re-recording uses the discarded scene");
        for (SessionEpisode e : logged) {
            assertEquals(List.of("region", "distractors"), List.copyOf(e.scene().keySet()), e.toString());
        }
        assertEquals(3, logged.stream().filter(SessionEpisode::kept).map(SessionEpisode::scene).distinct().count(),
                "three kept episodes cover three different combinations");
        for (EpisodeRecord e : episodes) {
            assertEquals(EpisodeStatus.FINISHED, e.status(), e.problem());
            assertTrue(e.frames() > 0 && Files.isDirectory(Path.of(e.directory())), e.toString());
        }
        assertEquals(List.of(ReviewState.PENDING, ReviewState.PENDING, ReviewState.REJECTED, ReviewState.PENDING),
                episodes.stream().map(EpisodeRecord::review).toList(), "the discarded episode is kept out of datasets");
    }

    private void chooseTask(Object session, TaskSpec task) {
        Combo combo = Workbench.control(session, Combo.class, "task");
        workbench.application.getContext().get(IEventBroker.class).post("dev/demoforge/ui/CATALOG_CHANGED", "test");
        assertNotNull(workbench.spinUntil(() -> Arrays.asList(combo.getItems()).contains(task.name()) ? combo : null,
                Duration.ofSeconds(10)), "the task is not offered: " + Arrays.toString(combo.getItems()));
        combo.select(Arrays.asList(combo.getItems()).indexOf(task.name()));
        combo.notifyListeners(SWT.Selection, new Event());
    }

    /** Types a key with the focus in the Cameras part (no text field), as the operator's keyboard or pedal would. */
    private static void press(char key) {
        workbench.parts.activate(workbench.part(WorkbenchTest.CAMERA_PART));
        workbench.press(0, key);
    }

    private static void awaitPhase(Label phase, String... phases) {
        await(phase, phases);
    }

    private static void await(Label phase, String... phases) {
        List<String> wanted = List.of(phases);
        String reached = workbench.spinUntil(() -> wanted.contains(String.valueOf(phase.getData(PHASE_KEY)))
                ? String.valueOf(phase.getData(PHASE_KEY)) : null, Duration.ofSeconds(30));
        assertNotNull(reached, "the loop did not reach " + wanted + "; it shows " + phase.getData(PHASE_KEY) + ": "
                + phase.getText() + " / " + Workbench.control(phase.getParent(), Label.class, "message").getText());
    }

    /** Prints the Plots part's UI-thread time per refresh, idle (baseline) and while recording; writes it to target/. */
    private static void reportRefreshTimes(RefreshTimings idle, UiLatencyProbe idleLatency, RefreshTimings recording,
            UiLatencyProbe recordingLatency) throws IOException {
        assertTrue(idle.count() >= 10 && recording.count() >= 10, "too few plot refreshes: " + idle.count()
                + " idle, " + recording.count() + " recording");
        String line = "capture plots refresh (sim station: 2 cameras 30 fps, arm + leader 200 Hz, F/T 1 kHz; timer"
                + " 10 Hz): idle " + idle.summary() + "; " + idleLatency.summary() + " | recording "
                + recording.summary() + "; " + recordingLatency.summary() + String.format(
                        java.util.Locale.ROOT, " | recording/idle UI-thread CPU %.2fx", recording.meanCpuMillis()
                                / idle.meanCpuMillis());
        System.out.println(line);
        Files.writeString(Path.of("target", "capture-refresh.txt"), line + System.lineSeparator());
        assertTrue(recording.medianWallMillis() < 100, "the median refresh exceeds the 100 ms period: " + line);
    }
}
