package dev.demoforge.capture.ui.internal;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.services.nls.Translation;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.model.application.ui.advanced.MPerspective;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.services.EContextService;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

import dev.demoforge.capture.LoopAction;
import dev.demoforge.capture.LoopPhase;
import dev.demoforge.capture.LoopSnapshot;
import dev.demoforge.catalog.api.tasks.TaskSpec;
import dev.demoforge.ui.UiEvents;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * The operator's view of a capture session, readable at 2 m: the task chooser, the scene prompt in large white
 * type on a phase-coloured band (amber countdown, red recording, blue mark), the episode counter against the target,
 * the pass rate, the keys, and the coverage of the scene combinations. Repaints from the loop's snapshot at 10 Hz;
 * every action goes to the {@link LoopControl}, whose loop runs on its own thread.
 */
public final class SessionPart {

    static final int REFRESH_MILLIS = 100;

    /** Widget data key of the phase label: the loop's {@link LoopPhase} name, or "" without a session. */
    public static final String PHASE_KEY = "dev.demoforge.loopPhase";

    @Inject
    @Translation
    Messages messages;

    @Inject
    LoopControl control;

    private final Runnable refresh = this::refresh;
    private Combo task;
    private Button newTask;
    private Button editTask;
    private Label prompt;
    private Label phase;
    private Label counter;
    private Label message;
    private Label legend;
    private CoverageTable coverage;
    private Font huge;
    private Font large;
    private List<TaskSpec> shownTasks = List.of();

    @PostConstruct
    public void create(Composite parent, MPart part, EModelService models) {
        parent.setLayout(new GridLayout(1, false));
        Composite chooser = new Composite(parent, SWT.NONE);
        chooser.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        chooser.setLayout(new GridLayout(5, false));
        task = new Combo(chooser, SWT.READ_ONLY);
        task.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        task.setData(RecordPart.CONTROL_KEY, "task");
        task.addListener(SWT.FocusIn, e -> control.reloadTasks());
        task.addListener(SWT.Selection, e -> control.select(task.getSelectionIndex() <= 0 ? null
                : shownTasks.get(task.getSelectionIndex() - 1)));
        newTask = button(chooser, messages.taskNew, "newTask");
        newTask.addListener(SWT.Selection,
                e -> TaskDialog.open(parent.getShell(), messages, null, control.tasks(), control::saveTask));
        editTask = button(chooser, messages.taskEdit, "editTask");
        editTask.addListener(SWT.Selection, e -> {
            if (control.selected() != null && !control.active()) {
                TaskDialog.open(parent.getShell(), messages, control.selected(), control.tasks(), control::saveTask);
            }
        });
        button(chooser, messages.loopBegin, "begin").addListener(SWT.Selection, e -> control.begin());
        button(chooser, messages.loopEnd, "end").addListener(SWT.Selection, e -> control.end());

        huge = font(parent, 26);
        large = font(parent, 16);
        prompt = label(parent, "prompt", huge);
        prompt.setForeground(parent.getDisplay().getSystemColor(SWT.COLOR_WHITE));
        ((GridData) prompt.getLayoutData()).heightHint = 170;
        phase = label(parent, "phase", large);
        lines(phase, 1);
        counter = label(parent, "counter", large);
        lines(counter, 2);
        message = label(parent, "message", null);
        lines(message, 2);
        legend = label(parent, "keys", null);
        lines(legend, 2);
        coverage = new CoverageTable(parent, messages);
        coverage.table().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        activateKeys(part, models);
        showTasks();
        refresh();
    }

    /** Makes the Capture keys active in the perspective (also when the Recording part was never shown). */
    private static void activateKeys(MPart part, EModelService models) {
        MPerspective perspective = models.getPerspectiveFor(part);
        IEclipseContext context = perspective != null && perspective.getContext() != null ? perspective.getContext()
                : part.getContext();
        context.get(EContextService.class).activateContext(RecordPart.KEYS_CONTEXT);
    }

    @Inject
    @Optional
    void catalogChanged(@UIEventTopic(UiEvents.CATALOG_CHANGED) String what) {
        if (task == null || task.isDisposed()) {
            return;
        }
        if ("tasks".equals(what)) {
            showTasks();
        } else if (!control.active()) {
            control.reloadTasks();
        }
    }

    private void showTasks() {
        shownTasks = control.tasks();
        String[] items = new String[shownTasks.size() + 1];
        items[0] = messages.taskFree;
        for (int i = 0; i < shownTasks.size(); i++) {
            items[i + 1] = shownTasks.get(i).name();
        }
        task.setItems(items);
        TaskSpec selected = control.selected();
        int index = 0;
        for (int i = 0; i < shownTasks.size(); i++) {
            if (selected != null && Objects.equals(selected.id(), shownTasks.get(i).id())) {
                index = i + 1;
            }
        }
        task.select(index);
    }

    @Focus
    public void focus() {
        prompt.getParent().setFocus();
    }

    @PreDestroy
    public void dispose() {
        huge.dispose();
        large.dispose();
    }

    private void refresh() {
        if (prompt == null || prompt.isDisposed()) {
            return;
        }
        LoopSnapshot s = control.snapshot();
        long now = System.nanoTime();
        if (s == null) {
            setText(prompt, control.selected() == null ? messages.loopNoTask
                    : MessageFormat.format(messages.loopChosen, control.selected().instruction()));
            setText(phase, "");
            phase.setData(PHASE_KEY, "");
            setText(counter, "");
            setText(message, "");
            colour(prompt, SWT.COLOR_DARK_GRAY);
        } else {
            setText(prompt, s.phase() == LoopPhase.DONE ? s.message() : s.prompt());
            setText(phase, phaseText(s, now));
            phase.setData(PHASE_KEY, s.phase().name());
            setText(counter, MessageFormat.format(messages.loopCounter, Math.min(s.index(), s.target()), s.target(),
                    s.attempt(), s.successes(), s.failures(), s.discards(), Double.isNaN(s.passRate()) ? "–"
                            : String.format(Locale.ROOT, "%.0f %%", 100 * s.passRate())));
            setText(message, s.message());
            colour(prompt, switch (s.phase()) {
                case COUNTDOWN -> SWT.COLOR_DARK_YELLOW;
                case RECORDING, STOPPING -> SWT.COLOR_DARK_RED;
                case MARK -> SWT.COLOR_DARK_BLUE;
                case DONE -> SWT.COLOR_DARK_GREEN;
                default -> SWT.COLOR_BLACK;
            });
            if (control.loop() != null) {
                coverage.show(control.loop().planner().coverage(s.done()), s.scene());
            }
        }
        enable(newTask, !control.active());
        enable(editTask, control.selected() != null && !control.active());
        setText(legend, LoopKeyBindings.legend(control.keys(), Map.of(LoopAction.START_STOP, messages.keyStartStop,
                LoopAction.SUCCESS, messages.keySuccess, LoopAction.FAILURE, messages.keyFailure,
                LoopAction.DISCARD, messages.keyDiscard, LoopAction.PAUSE, messages.keyPause)));
        prompt.getDisplay().timerExec(REFRESH_MILLIS, refresh);
    }

    private String phaseText(LoopSnapshot s, long now) {
        String left = Double.isNaN(s.secondsLeft(now)) ? "" : String.format(Locale.ROOT, "%.1f", s.secondsLeft(now));
        String elapsed = String.format(Locale.ROOT, "%.1f", s.elapsedSeconds(now));
        return switch (s.phase()) {
            case WARM_UP -> MessageFormat.format(messages.loopWarmUp, left);
            case PROMPT -> messages.loopPrompt;
            case COUNTDOWN -> MessageFormat.format(messages.loopCountdown, left);
            case RECORDING -> MessageFormat.format(left.isEmpty() ? messages.loopRecording
                    : messages.loopRecordingLimit, elapsed, left);
            case STOPPING -> messages.loopStopping;
            case MARK -> messages.loopMark;
            case RESET -> MessageFormat.format(messages.loopReset, left);
            case PAUSED -> messages.loopPaused;
            case DONE -> messages.loopDone;
        };
    }

    /** Tasks are created and edited between sessions (a running session keeps the task it began with). */
    private static void enable(Button button, boolean enabled) {
        if (button.getEnabled() != enabled) {
            button.setEnabled(enabled);
        }
    }

    private static void colour(Label label, int systemColour) {
        Color c = label.getDisplay().getSystemColor(systemColour);
        if (!c.equals(label.getBackground())) {
            label.setBackground(c);
        }
    }

    /** Labels have fixed heights, so a changing text (the elapsed time, 10 times a second) never relayouts. */
    private static void setText(Label label, String text) {
        if (!text.equals(label.getText())) {
            label.setText(text);
        }
    }

    private static void lines(Label label, int count) {
        ((GridData) label.getLayoutData()).heightHint = count * (label.getFont().getFontData()[0].getHeight() * 2);
    }

    private static Font font(Composite parent, int height) {
        FontData[] data = parent.getFont().getFontData();
        for (FontData d : data) {
            d.setHeight(height);
            d.setStyle(SWT.BOLD);
        }
        return new Font(parent.getDisplay(), data);
    }

    private static Label label(Composite parent, String key, Font font) {
        Label label = new Label(parent, SWT.WRAP);
        label.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        label.setData(RecordPart.CONTROL_KEY, key);
        if (font != null) {
            label.setFont(font);
        }
        return label;
    }

    private static Button button(Composite parent, String text, String key) {
        Button button = new Button(parent, SWT.PUSH);
        button.setText(text);
        button.setData(RecordPart.CONTROL_KEY, key);
        return button;
    }
}
