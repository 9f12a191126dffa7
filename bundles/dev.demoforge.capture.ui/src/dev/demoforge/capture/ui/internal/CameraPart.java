package dev.demoforge.capture.ui.internal;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.e4.core.services.nls.Translation;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;

import dev.demoforge.device.api.ConnectedStation;
import dev.demoforge.device.api.DeviceHandle;
import dev.demoforge.device.api.ImageSample;
import dev.demoforge.device.api.StreamKind;
import dev.demoforge.device.api.StreamSpec;
import dev.demoforge.episode.api.RecordedStream;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * Live view of every camera of the connected station. A {@link LatestFrames} sink keeps the newest frame per camera;
 * a UI timer at about 15 Hz turns each new frame into an SWT image (the previous one is disposed) and repaints,
 * scaled to fit with the aspect ratio kept.
 */
public final class CameraPart {

    /** Repaint interval, ms (about 15 Hz). */
    static final int REFRESH_MILLIS = 66;

    @Inject
    @Translation
    Messages messages;

    @Inject
    CaptureSession session;

    private final LatestFrames frames = new LatestFrames();
    private final List<CameraView> views = new ArrayList<>();
    private final Runnable refresh = this::refresh;
    private Composite grid;
    private ConnectedStation attached;

    @PostConstruct
    public void create(Composite parent) {
        grid = new Composite(parent, SWT.NONE);
        parent.setLayout(new FillLayout());
        grid.setBackground(parent.getDisplay().getSystemColor(SWT.COLOR_BLACK));
        showMessage(messages.cameraWaiting);
        refresh();
    }

    @Focus
    public void focus() {
        grid.setFocus();
    }

    @PreDestroy
    public void dispose() {
        if (attached != null) {
            attached.removeSink(frames);
        }
        views.forEach(CameraView::dispose);
        views.clear();
    }

    private void refresh() {
        if (grid == null || grid.isDisposed()) {
            return;
        }
        ConnectedStation station = session.state().station();
        if (station != attached && session.state().phase() != CaptureSession.Phase.CLOSED) {
            attach(station);
        }
        for (CameraView view : views) {
            view.update(frames.latest(view.topic));
        }
        grid.getDisplay().timerExec(REFRESH_MILLIS, refresh);
    }

    private void attach(ConnectedStation station) {
        if (attached != null) {
            attached.removeSink(frames);
        }
        attached = station;
        views.forEach(CameraView::dispose);
        views.clear();
        for (Control child : grid.getChildren()) {
            child.dispose();
        }
        List<String> topics = new ArrayList<>();
        if (station != null) {
            for (DeviceHandle device : station.devices()) {
                for (StreamSpec stream : device.streams()) {
                    if (stream.kind() == StreamKind.CAMERA) {
                        topics.add(RecordedStream.topic(device.config().deviceId(), stream.name()));
                    }
                }
            }
        }
        if (topics.isEmpty()) {
            showMessage(station == null ? messages.cameraWaiting : messages.cameraNone);
            return;
        }
        int columns = (int) Math.ceil(Math.sqrt(topics.size()));
        GridLayout layout = new GridLayout(columns, true);
        layout.marginWidth = layout.marginHeight = 2;
        layout.horizontalSpacing = layout.verticalSpacing = 2;
        grid.setLayout(layout);
        for (String topic : topics) {
            frames.track(topic);
            views.add(new CameraView(grid, topic));
        }
        station.addSink(frames);
        grid.layout(true, true);
    }

    private void showMessage(String text) {
        grid.setLayout(new GridLayout(1, false));
        Label label = new Label(grid, SWT.CENTER);
        label.setText(text);
        label.setBackground(grid.getBackground());
        label.setForeground(grid.getDisplay().getSystemColor(SWT.COLOR_GRAY));
        label.setLayoutData(new GridData(SWT.CENTER, SWT.CENTER, true, true));
        grid.layout(true, true);
    }

    /** One camera: a canvas, the frame shown and its SWT image. UI thread only. */
    private static final class CameraView {

        final String topic;
        final Canvas canvas;
        ImageSample shown;
        Image image;

        CameraView(Composite parent, String topic) {
            this.topic = topic;
            canvas = new Canvas(parent, SWT.DOUBLE_BUFFERED | SWT.NO_BACKGROUND);
            canvas.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
            canvas.addPaintListener(e -> paint(e.gc));
            canvas.addDisposeListener(e -> dispose());
        }

        void update(ImageSample frame) {
            if (frame == null || frame == shown || canvas.isDisposed()) {
                return;
            }
            shown = frame;
            Image previous = image;
            image = new Image(canvas.getDisplay(), BgrImages.toImageData(frame));
            if (previous != null) {
                previous.dispose();
            }
            canvas.redraw();
        }

        void paint(GC gc) {
            Rectangle area = canvas.getClientArea();
            gc.setBackground(canvas.getDisplay().getSystemColor(SWT.COLOR_BLACK));
            gc.fillRectangle(area);
            if (image != null && !image.isDisposed() && area.width > 0 && area.height > 0) {
                Rectangle size = image.getBounds();
                double scale = Math.min((double) area.width / size.width, (double) area.height / size.height);
                int w = Math.max(1, (int) (size.width * scale));
                int h = Math.max(1, (int) (size.height * scale));
                gc.drawImage(image, 0, 0, size.width, size.height, (area.width - w) / 2, (area.height - h) / 2, w, h);
            }
            gc.setForeground(canvas.getDisplay().getSystemColor(SWT.COLOR_WHITE));
            String caption = shown == null ? topic : topic + "  " + shown.width() + "\u00D7" + shown.height();
            gc.drawText(caption, 6, 4, true);
        }

        void dispose() {
            if (image != null) {
                image.dispose();
                image = null;
            }
        }
    }
}
