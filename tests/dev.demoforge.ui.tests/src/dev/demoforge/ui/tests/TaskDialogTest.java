package dev.demoforge.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.workbench.modeling.EPartService.PartState;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.demoforge.catalog.api.Catalog;
import dev.demoforge.catalog.api.EpisodeQuery;
import dev.demoforge.catalog.api.tasks.SceneFactor;
import dev.demoforge.catalog.api.tasks.SessionLog;
import dev.demoforge.catalog.api.tasks.TaskCatalog;
import dev.demoforge.catalog.api.tasks.TaskSpec;

/**
 * The task specification editor of the Session part, in the real workbench: opened with New task…, every field is
 * typed through the OS key queue; bad entries (no name, a name taken, a non-number time limit, a prompt that hides
 * the level, a factor without levels) are named in the dialog and OK refuses them, as it refuses a name the catalog
 * rejects on save; the task then stored must be exactly the one typed, and the Session part offers and shows it.
 * Edit task… reopens it filled in; a changed target is saved in place, a cancelled edit is not. A session of the task
 * then prompts a scene drawn from the typed factor levels and counts towards the edited target; it is ended at once.
 * Typing into the dialog must not reach the Capture keys (Space records). The task chosen before is chosen again.
 */
class TaskDialogTest {

    private static final String KEY = "dev.demoforge.control";
    /** Characters typed with Shift on the US layout of Xvfb. */
    private static final String SHIFTED = "~!@#$%^&*()_+{}|:\"<>?";

    private static Workbench workbench;
    private Object session;
    private Combo taskChoice;
    private String choiceBefore;

    @BeforeAll
    static void findWorkbench() {
        workbench = Workbench.find();
        workbench.show(WorkbenchTest.CAPTURE);
    }

    @BeforeEach
    void showSessionPart() {
        workbench.parts.showPart(CaptureLoopTest.SESSION_PART, PartState.VISIBLE);
        session = workbench.part(CaptureLoopTest.SESSION_PART).getWidget();
        taskChoice = Workbench.control(session, Combo.class, "task");
        choiceBefore = taskChoice.getText();
    }

    @AfterEach
    void closeDialogAndRestoreTheChosenTask() {
        for (Shell shell : workbench.display.getShells()) {
            if (!shell.isDisposed() && "task-dialog".equals(shell.getData(KEY))) {
                shell.close();
            }
        }
        int index = Arrays.asList(taskChoice.getItems()).indexOf(choiceBefore);
        taskChoice.select(Math.max(index, 0));
        taskChoice.notifyListeners(SWT.Selection, new Event());
        workbench.spin(Duration.ofMillis(200));
    }

    @Test
    void aTaskTypedIntoTheEditorIsStoredExactlyAndEditedInPlace() throws IOException {
        TaskCatalog tasks = Workbench.service(TaskCatalog.class, Duration.ofSeconds(10));
        Catalog catalog = Workbench.service(Catalog.class, Duration.ofSeconds(10));
        long stamp = System.currentTimeMillis();
        String name = "Stack cups " + stamp;
        String taken = tasks.putTask(new TaskSpec(null, "Taken " + stamp, "Taken.", "success", "{}", 0, 0, 1,
                List.of(), 1)).name();
        workbench.application.getContext().get(IEventBroker.class).post("dev/demoforge/ui/CATALOG_CHANGED", "test");
        assertNotNull(workbench.spinUntil(() -> Arrays.asList(taskChoice.getItems()).contains(taken) ? "" : null,
                Duration.ofSeconds(10)), "the Session part does not list " + taken);
        Button record = Workbench.control(workbench.part(WorkbenchTest.RECORD_PART).getWidget(), Button.class,
                "record");
        assertNotNull(workbench.spinUntil(() -> record.isEnabled() ? "" : null, Duration.ofSeconds(30)),
                "the station did not become ready (Space would not record, so the key check below would be void)");
        int episodesBefore = catalog.episodes(EpisodeQuery.all()).size();

        Shell dialog = open("newTask");
        Label problem = control(dialog, Label.class, "task-problem");
        Button ok = control(dialog, Button.class, "task-ok");
        Text nameField = control(dialog, Text.class, "task-name");
        assertRefused(dialog, ok, problem, "Name", "needs a name");
        typeKey(dialog, nameField, SWT.CR);
        assertFalse(dialog.isDisposed(), "Enter with an empty name closed the dialog");
        type(dialog, nameField, taken);
        assertRefused(dialog, ok, problem, "Name", "exists already");
        type(dialog, nameField, name);

        String instruction = "Stack the red cup on the blue cup";
        Text instructionField = control(dialog, Text.class, "task-instruction");
        type(dialog, instructionField, instruction);
        Combo check = control(dialog, Combo.class, "task-check");
        typeKey(dialog, instructionField, SWT.TAB);
        assertEquals(check, workbench.display.getFocusControl(), "Tab leaves the instruction for the next field");
        assertTrue(Arrays.asList(check.getItems()).containsAll(List.of("success", "hesitation")),
                "the registered quality checks are offered: " + Arrays.toString(check.getItems()));
        type(dialog, check, "hesitation");
        String params = "{\"hesitation_s\": 1.5}";
        type(dialog, control(dialog, Text.class, "task-params"), params);
        Text timeLimit = control(dialog, Text.class, "task-time-limit");
        type(dialog, timeLimit, "abc");
        assertRefused(dialog, ok, problem, "Time limit", "'abc'");
        type(dialog, timeLimit, "NaN");
        assertRefused(dialog, ok, problem, "Time limit", "finite");
        type(dialog, timeLimit, "45.5");
        type(dialog, control(dialog, Text.class, "task-reset"), "7");
        type(dialog, control(dialog, Text.class, "task-target"), "6");
        type(dialog, control(dialog, Text.class, "task-seed"), "42");
        Text factors = control(dialog, Text.class, "task-factors");
        String objects = "objects | put out the {0} cups | red, green";
        type(dialog, factors, objects + "\nlighting | turn the lamp's switch {0} | on, off");
        assertRefused(dialog, ok, problem, "line 2", "{0}");
        type(dialog, factors, objects + "\nlighting | switch the lamp {0} |");
        assertRefused(dialog, ok, problem, "line 2", "'lighting' has no levels");
        Screenshots.save(workbench, dialog, "task-dialog.png");
        type(dialog, factors, objects + "\nlighting | switch the lamp {0} | on, off");
        assertEquals("", problem.getText(), "every entry is valid now");
        assertFalse(Workbench.control(workbench.part(WorkbenchTest.RECORD_PART).getWidget(), Button.class, "stop")
                .isEnabled(), "typing spaces into the dialog started a recording");

        String late = "Late " + stamp;
        tasks.putTask(new TaskSpec(null, late, "Late.", "success", "{}", 0, 0, 1, List.of(), 1));
        type(dialog, nameField, late);
        Workbench.click(ok);
        assertNotNull(workbench.spinUntil(() -> problem.getText().startsWith("The catalog did not store") ? "" : null,
                Duration.ofSeconds(10)), "a name the catalog refuses is reported in the dialog: " + problem.getText());
        assertFalse(dialog.isDisposed(), "the dialog stays open when the catalog refuses the task");
        type(dialog, nameField, name);
        Workbench.click(ok);
        assertNotNull(workbench.spinUntil(() -> dialog.isDisposed() ? "" : null, Duration.ofSeconds(10)),
                "OK did not close the dialog: " + (dialog.isDisposed() ? "" : problem.getText()));

        TaskSpec stored = tasks.taskNamed(name).orElseThrow(() -> new AssertionError("no task " + name));
        List<SceneFactor> expectedFactors = List.of(
                new SceneFactor("objects", "put out the {0} cups", List.of("red", "green")),
                new SceneFactor("lighting", "switch the lamp {0}", List.of("on", "off")));
        assertEquals(new TaskSpec(stored.id(), name, instruction, "hesitation", params, 45.5, 7, 6, expectedFactors,
                42), stored, "the catalog holds the task as typed");
        assertNotNull(workbench.spinUntil(() -> name.equals(taskChoice.getText()) ? "" : null, Duration.ofSeconds(10)),
                "the Session part does not show the new task as chosen: " + taskChoice.getText());
        Label prompt = Workbench.control(session, Label.class, "prompt");
        assertNotNull(workbench.spinUntil(() -> prompt.getText().contains(instruction) ? "" : null,
                Duration.ofSeconds(5)), "the prompt does not show the task's instruction: " + prompt.getText());

        Shell edit = open("editTask");
        assertEquals(name, control(edit, Text.class, "task-name").getText());
        assertEquals("45.5", control(edit, Text.class, "task-time-limit").getText());
        assertEquals("hesitation", control(edit, Combo.class, "task-check").getText());
        assertEquals(objects + "\nlighting | switch the lamp {0} | on, off",
                control(edit, Text.class, "task-factors").getText());
        type(edit, control(edit, Text.class, "task-target"), "8");
        Workbench.click(control(edit, Button.class, "task-ok"));
        assertNotNull(workbench.spinUntil(() -> edit.isDisposed() ? "" : null, Duration.ofSeconds(10)),
                "OK did not close the edit dialog");
        TaskSpec edited = tasks.task(stored.id()).orElseThrow();
        assertEquals(new TaskSpec(stored.id(), name, instruction, "hesitation", params, 45.5, 7, 8, expectedFactors,
                42), edited, "the edit replaced the task in place");
        assertEquals(1, tasks.tasks().stream().filter(t -> t.name().equals(name)).count(), "no copy was made");

        Shell cancelled = open("editTask");
        type(cancelled, control(cancelled, Text.class, "task-target"), "99");
        Workbench.click(control(cancelled, Button.class, "task-cancel"));
        assertTrue(cancelled.isDisposed(), "Cancel closes the dialog");
        workbench.spin(Duration.ofMillis(500));
        assertEquals(8, tasks.task(stored.id()).orElseThrow().targetEpisodes(), "a cancelled edit is not saved");

        Label phase = Workbench.control(session, Label.class, "phase");
        Workbench.click(Workbench.control(session, Button.class, "begin"));
        awaitPhase(phase, "PROMPT");
        assertTrue(Pattern.compile("[Pp]ut out the (red|green) cups, switch the lamp (on|off)\\.").matcher(
                prompt.getText()).find(), "the first scene's prompt names a level of every factor: "
                        + prompt.getText());
        assertTrue(Workbench.control(session, Label.class, "counter").getText().contains("/ 8"),
                "the session aims for the edited target: " + Workbench.control(session, Label.class, "counter")
                        .getText());
        assertNotNull(workbench.spinUntil(() -> Workbench.control(session, Button.class, "editTask").isEnabled()
                ? null : "", Duration.ofSeconds(2)), "the task of a running session cannot be edited");
        Workbench.click(Workbench.control(session, Button.class, "end"));
        awaitPhase(phase, "DONE");
        SessionLog log = Workbench.service(SessionLog.class, Duration.ofSeconds(10));
        assertNotNull(workbench.spinUntil(() -> log.unfinished(stored.id(), "sim").isEmpty() ? "" : null,
                Duration.ofSeconds(10)), "the ended session is still open: " + log.unfinished(stored.id(), "sim"));
        assertEquals(episodesBefore, catalog.episodes(EpisodeQuery.all()).size(),
                "no recording was made (the spaces typed into the dialog must not reach the Space key binding)");
    }

    private void awaitPhase(Label phase, String wanted) {
        assertNotNull(workbench.spinUntil(() -> wanted.equals(phase.getData(CaptureLoopTest.PHASE_KEY)) ? "" : null,
                Duration.ofSeconds(20)), "the session did not reach " + wanted + ": " + phase.getText() + " / "
                        + Workbench.control(session, Label.class, "message").getText());
    }

    private Shell open(String buttonKey) {
        Workbench.click(Workbench.control(session, Button.class, buttonKey));
        Shell dialog = workbench.spinUntil(() -> Arrays.stream(workbench.display.getShells())
                .filter(s -> !s.isDisposed() && "task-dialog".equals(s.getData(KEY))).findFirst().orElse(null),
                Duration.ofSeconds(5));
        assertNotNull(dialog, buttonKey + " opened no task dialog");
        return dialog;
    }

    private void assertRefused(Shell dialog, Button ok, Label problem, String... said) {
        for (String part : said) {
            assertTrue(problem.getText().contains(part), "the dialog should say " + Arrays.toString(said)
                    + ", it says: " + problem.getText());
        }
        assertFalse(ok.isEnabled(), "OK is enabled while the dialog says: " + problem.getText());
        assertFalse(dialog.isDisposed());
    }

    /** Replaces a field's text by typing it (selected first, so the first key replaces it), then checks it. */
    private void type(Shell dialog, Control field, String text) {
        focus(dialog, field);
        if (field instanceof Text t) {
            t.selectAll();
        } else if (field instanceof Combo c) {
            c.setSelection(new Point(0, c.getText().length()));
        }
        for (char c : text.toCharArray()) {
            if (c == '\n') {
                post(SWT.KeyDown, SWT.CR, SWT.CR);
                post(SWT.KeyUp, SWT.CR, SWT.CR);
                continue;
            }
            boolean shift = Character.isUpperCase(c) || SHIFTED.indexOf(c) >= 0;
            if (shift) {
                post(SWT.KeyDown, SWT.SHIFT, '\0');
            }
            post(SWT.KeyDown, 0, c);
            post(SWT.KeyUp, 0, c);
            if (shift) {
                post(SWT.KeyUp, SWT.SHIFT, '\0');
            }
        }
        workbench.spin(Duration.ofMillis(200));
        String typed = field instanceof Text t ? t.getText() : ((Combo) field).getText();
        assertEquals(text, typed.replace("\r\n", "\n"), "typing into " + field.getData(KEY));
    }

    private void typeKey(Shell dialog, Control field, int keyCode) {
        focus(dialog, field);
        char character = keyCode == SWT.CR || keyCode == SWT.TAB ? (char) keyCode : '\0';
        post(SWT.KeyDown, keyCode, character);
        post(SWT.KeyUp, keyCode, character);
        workbench.spin(Duration.ofMillis(300));
    }

    private void focus(Shell dialog, Control field) {
        dialog.forceActive();
        assertTrue(field.setFocus(), "cannot focus " + field.getData(KEY));
        workbench.spin(Duration.ofMillis(100));
    }

    private void post(int type, int keyCode, char character) {
        Event event = new Event();
        event.type = type;
        event.keyCode = keyCode;
        event.character = character;
        assertTrue(workbench.display.post(event), "the display refused a posted key event");
        workbench.spin(Duration.ofMillis(8));
    }

    private static <T extends Control> T control(Shell dialog, Class<T> type, String key) {
        return Workbench.control(dialog, type, key);
    }
}
