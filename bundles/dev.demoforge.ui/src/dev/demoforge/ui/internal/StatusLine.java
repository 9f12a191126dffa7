package dev.demoforge.ui.internal;

import java.text.MessageFormat;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.services.nls.Translation;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;

import dev.demoforge.episode.api.RecordingEvents;
import dev.demoforge.ui.UiEvents;
import dev.demoforge.ui.Workspace;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * The window's bottom trim: the latest status message, the recording state (from the recorder's EventAdmin events)
 * and the workspace directory. Event handlers run on the UI thread ({@link UIEventTopic}).
 */
public final class StatusLine {

    /** Width of the message, px: long messages are cut, their full text is the tooltip. */
    private static final int MESSAGE_WIDTH = 560;

    @Inject
    @Translation
    Messages messages;

    private Label message;
    private Label recording;

    @PostConstruct
    public void create(Composite parent) {
        Composite bar = new Composite(parent, SWT.NONE);
        GridLayout layout = new GridLayout(3, false);
        layout.marginHeight = 2;
        layout.horizontalSpacing = 16;
        bar.setLayout(layout);
        message = new Label(bar, SWT.NONE);
        GridData messageData = new GridData(SWT.FILL, SWT.CENTER, true, false);
        messageData.widthHint = MESSAGE_WIDTH;
        message.setLayoutData(messageData);
        message.setText(messages.statusReady);
        recording = new Label(bar, SWT.NONE);
        recording.setText(messages.statusIdle);
        Label workspace = new Label(bar, SWT.NONE);
        workspace.setText(MessageFormat.format(messages.statusWorkspace, Workspace.root()));
    }

    @Inject
    @Optional
    void status(@UIEventTopic(UiEvents.STATUS) String text) {
        if (message != null && !message.isDisposed()) {
            message.setText(text == null ? "" : text);
            message.setToolTipText(message.getText());
        }
    }

    @Inject
    @Optional
    void recordingStarted(@UIEventTopic(RecordingEvents.TOPIC_STARTED) org.osgi.service.event.Event event) {
        showRecording(MessageFormat.format(messages.statusRecording, event.getProperty(RecordingEvents.PROP_EPISODE_ID)));
    }

    @Inject
    @Optional
    void recordingStopped(@UIEventTopic(RecordingEvents.TOPIC_STOPPED) org.osgi.service.event.Event event) {
        showRecording(messages.statusIdle);
    }

    private void showRecording(String text) {
        if (recording != null && !recording.isDisposed()) {
            recording.setText(text);
            recording.getShell().layout(new Control[] { recording });
        }
    }
}
