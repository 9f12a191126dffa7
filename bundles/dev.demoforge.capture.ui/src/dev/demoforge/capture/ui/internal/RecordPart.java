package dev.demoforge.capture.ui.internal;

import java.text.MessageFormat;
import java.util.Locale;

import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.core.services.nls.Translation;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.model.application.ui.advanced.MPerspective;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.services.EContextService;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.swt.SWT;
import org.eclipse.swt.events.FocusEvent;
import org.eclipse.swt.events.FocusListener;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

import dev.demoforge.episode.api.EpisodeSummary;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * Recording controls: task and operator fields, Record and Stop buttons, the episode counter and the session's state.
 * Space toggles recording through the key binding context {@value #KEYS_CONTEXT}, which is active in the Capture
 * perspective except while a text field has the focus (so typing a space stays typing). Buttons only ask the
 * {@link CaptureSession}, whose jobs do the blocking work; the part repaints from its state at 5 Hz.
 */
public final class RecordPart {

    /** Binding context holding the Space binding. */
    public static final String KEYS_CONTEXT = "dev.demoforge.capture.ui.context.keys";

    /** Widget data key naming a control ("task", "operator", "record", "stop", "counter", "state"). */
    public static final String CONTROL_KEY = "dev.demoforge.control";

    static final int REFRESH_MILLIS = 200;

    @Inject
    @Translation
    Messages messages;

    @Inject
    CaptureSession session;

    private final Runnable refresh = this::refresh;
    private EContextService keys;
    private Text task;
    private Button record;
    private Button stop;
    private Label state;
    private Label counter;
    private Label last;
    private Font bold;

    @PostConstruct
    public void create(Composite parent, MPart part, EModelService models) {
        parent.setLayout(new GridLayout(2, false));
        task = field(parent, messages.recordTask, session.task(), "task");
        task.addModifyListener(e -> session.setTask(task.getText()));
        Text operator = field(parent, messages.recordOperator, session.operator(), "operator");
        operator.addModifyListener(e -> session.setOperator(operator.getText()));

        Composite buttons = new Composite(parent, SWT.NONE);
        buttons.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1));
        buttons.setLayout(new GridLayout(2, true));
        record = button(buttons, messages.recordStart, "record");
        record.addListener(SWT.Selection, e -> session.start());
        stop = button(buttons, messages.recordStop, "stop");
        stop.addListener(SWT.Selection, e -> session.stop());

        state = label(parent, "state");
        FontData[] data = state.getFont().getFontData();
        for (FontData d : data) {
            d.setStyle(SWT.BOLD);
        }
        bold = new Font(parent.getDisplay(), data);
        state.setFont(bold);
        counter = label(parent, "counter");
        last = label(parent, "last");
        Label hint = label(parent, "hint");
        hint.setText(messages.recordHint);

        activateSpaceKey(part, models, operator);
        refresh();
    }

    @Focus
    public void focus() {
        record.setFocus();
    }

    @PreDestroy
    public void dispose() {
        if (bold != null) {
            bold.dispose();
        }
    }

    /** Activates the Space binding in the perspective's context, and suspends it while a text field has the focus. */
    private void activateSpaceKey(MPart part, EModelService models, Text operator) {
        MPerspective perspective = models.getPerspectiveFor(part);
        IEclipseContext context = perspective != null && perspective.getContext() != null ? perspective.getContext()
                : part.getContext();
        keys = context.get(EContextService.class);
        keys.activateContext(KEYS_CONTEXT);
        FocusListener suspend = new FocusListener() {
            @Override
            public void focusGained(FocusEvent e) {
                keys.deactivateContext(KEYS_CONTEXT);
            }

            @Override
            public void focusLost(FocusEvent e) {
                keys.activateContext(KEYS_CONTEXT);
            }
        };
        task.addFocusListener(suspend);
        operator.addFocusListener(suspend);
    }

    private void refresh() {
        if (state == null || state.isDisposed()) {
            return;
        }
        CaptureSession.State s = session.state();
        if (s.phase() == CaptureSession.Phase.RECORDING && s.recording().failed()) {
            session.stop();
        }
        record.setEnabled(s.phase() == CaptureSession.Phase.READY);
        stop.setEnabled(s.phase() == CaptureSession.Phase.RECORDING);
        setText(state, switch (s.phase()) {
            case WAITING -> messages.phaseWaiting;
            case READY -> messages.phaseReady;
            case STARTING -> messages.phaseStarting;
            case RECORDING -> MessageFormat.format(messages.phaseRecording, s.recording().episodeId());
            case STOPPING -> messages.phaseStopping;
            case CLOSED -> messages.phaseClosed;
        });
        setText(counter, MessageFormat.format(messages.recordCounter, s.episodes()));
        EpisodeSummary summary = s.last();
        String lastText = summary == null ? s.message()
                : s.message() + "\n" + MessageFormat.format(messages.recordLast, summary.episodeId(),
                        String.format(Locale.ROOT, "%.1f", summary.durationSeconds()), summary.cameraFrames(),
                        summary.drops());
        setText(last, lastText);
        state.getDisplay().timerExec(REFRESH_MILLIS, refresh);
    }

    private static void setText(Label label, String text) {
        if (!text.equals(label.getText())) {
            label.setText(text);
            label.getParent().layout();
        }
    }

    private static Text field(Composite parent, String title, String value, String key) {
        new Label(parent, SWT.NONE).setText(title);
        Text text = new Text(parent, SWT.BORDER | SWT.SINGLE);
        text.setText(value);
        text.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        text.setData(CONTROL_KEY, key);
        return text;
    }

    private static Button button(Composite parent, String title, String key) {
        Button button = new Button(parent, SWT.PUSH);
        button.setText(title);
        button.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        button.setData(CONTROL_KEY, key);
        return button;
    }

    private static Label label(Composite parent, String key) {
        Label label = new Label(parent, SWT.WRAP);
        label.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1));
        label.setData(CONTROL_KEY, key);
        return label;
    }
}
