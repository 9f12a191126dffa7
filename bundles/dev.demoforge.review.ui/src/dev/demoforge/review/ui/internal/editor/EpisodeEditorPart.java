package dev.demoforge.review.ui.internal.editor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.services.EContextService;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.PaletteData;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

import dev.demoforge.catalog.api.Catalog;
import dev.demoforge.catalog.api.EpisodeRecord;
import dev.demoforge.catalog.api.ReviewLog;
import dev.demoforge.episode.api.EpisodeStore;
import dev.demoforge.review.ui.internal.ReviewQueue;
import dev.demoforge.ui.UiEvents;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * The episode editor: every camera of one episode, frame-synchronized at a cursor in episode seconds (host time
 * base), the timeline with check reasons, trims and annotations, SWTChart plots under the video, and the review
 * keys (binding context {@value #KEYS_CONTEXT}, active while this part is). One editor is reused for every episode
 * (next / previous walk the queue). Loading runs in a job, decoding on the {@link FramePipeline}'s thread; SWT
 * images are made here on the UI thread.
 */
public final class EpisodeEditorPart {

    /** Widget data key naming a control ("frame", "time", "status", "video.N", "timeline", "history"). */
    public static final String CONTROL_KEY = "dev.demoforge.control";
    /** Widget data key of a video canvas holding the index of the frame it shows. */
    public static final String FRAME_KEY = "dev.demoforge.frameIndex";
    /** Widget data key of a video canvas holding the {@link ImageData} it shows. */
    public static final String IMAGE_KEY = "dev.demoforge.imageData";
    public static final String KEYS_CONTEXT = "dev.demoforge.review.ui.context.editor";
    static final double[] SPEEDS = { 0.5, 1, 2, 4 };
    private static final int PLAY_TICK_MS = 15;

    @Inject
    UISynchronize sync;
    @Inject
    IEventBroker events;
    @Inject
    @Optional
    @Service
    volatile Catalog catalog;
    @Inject
    @Optional
    @Service
    volatile ReviewLog reviewLog;
    @Inject
    @Optional
    @Service
    volatile EpisodeStore store;
    @Inject
    @Optional
    ReviewQueue queue;

    private MPart part;
    private DecisionStack stack;
    private Composite videos;
    private final List<Canvas> canvases = new ArrayList<>();
    private final List<Image> images = new ArrayList<>();
    private Label title;
    private Label frameLabel;
    private Label timeLabel;
    private Label status;
    private TimelineCanvas timeline;
    private SignalPlots plots;
    private org.eclipse.swt.widgets.List history;
    private EpisodeView view;
    private FramePipeline pipeline;
    private final ReviewActions actions = new ReviewActions(this);
    private double cursor;
    private int speedIndex = 1;
    private boolean playing;
    private long playClock;

    @PostConstruct
    public void create(Composite parent, MPart thePart, MApplication application) {
        part = thePart;
        stack = DecisionStack.in(application.getContext());
        parent.setLayout(new GridLayout(1, false));
        Composite header = new Composite(parent, SWT.NONE);
        header.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        header.setLayout(new GridLayout(4, false));
        title = label(header, "title", SWT.FILL);
        title.setText("Open an episode from the queue (Enter or double-click).");
        frameLabel = label(header, "frame", SWT.RIGHT);
        timeLabel = label(header, "time", SWT.RIGHT);
        status = label(header, "status", SWT.RIGHT);

        SashForm sash = new SashForm(parent, SWT.VERTICAL);
        sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        videos = new Composite(sash, SWT.NONE);
        videos.setLayout(new GridLayout(1, true));
        plots = new SignalPlots(sash);
        sash.setWeights(62, 38);

        timeline = new TimelineCanvas(parent, this::seek);
        timeline.setLayoutData(new GridData(SWT.FILL, SWT.BOTTOM, true, false));
        timeline.setData(CONTROL_KEY, "timeline");
        history = new org.eclipse.swt.widgets.List(parent, SWT.V_SCROLL | SWT.SINGLE);
        GridData historyData = new GridData(SWT.FILL, SWT.BOTTOM, true, false);
        historyData.heightHint = 60;
        history.setLayoutData(historyData);
        history.setData(CONTROL_KEY, "history");
        part.getContext().get(EContextService.class).activateContext(KEYS_CONTEXT);
    }

    @Focus
    public void focus() {
        timeline.setFocus();
    }

    @PreDestroy
    public void dispose() {
        playing = false;
        if (pipeline != null) {
            pipeline.close();
        }
        images.forEach(i -> {
            if (i != null) {
                i.dispose();
            }
        });
    }

    /** Loads an episode (job) and shows it at its start. UI thread. */
    public void open(String episodeId) {
        Catalog theCatalog = catalog;
        EpisodeStore theStore = store;
        if (theCatalog == null || theStore == null) {
            status("No catalog or episode store service is installed.");
            return;
        }
        status("Loading " + episodeId + "…");
        Job job = Job.create("Opening episode " + episodeId, monitor -> {
            try {
                EpisodeRecord record = theCatalog.episode(episodeId)
                        .orElseThrow(() -> new java.io.IOException("no episode " + episodeId + " in the catalog"));
                EpisodeView loaded = EpisodeLoader.load(theStore, theCatalog, record);
                sync.asyncExec(() -> show(loaded));
            } catch (java.io.IOException | RuntimeException e) {
                sync.asyncExec(() -> status("Cannot open " + episodeId + ": " + e.getMessage()));
            }
        });
        job.schedule();
    }

    private void show(EpisodeView loaded) {
        if (videos.isDisposed()) {
            return;
        }
        playing = false;
        if (pipeline != null) {
            pipeline.close();
        }
        view = loaded;
        part.setLabel(loaded.record().id());
        showTitle(loaded.record());
        canvases.forEach(Canvas::dispose);
        canvases.clear();
        images.forEach(i -> {
            if (i != null) {
                i.dispose();
            }
        });
        images.clear();
        videos.setLayout(new GridLayout(Math.max(1, loaded.cameras().size()), true));
        for (int c = 0; c < loaded.cameras().size(); c++) {
            canvases.add(videoCanvas(c, loaded.cameras().get(c).topic()));
            images.add(null);
        }
        videos.layout(true, true);
        plots.show(loaded.plots(), loaded.duration());
        timeline.show(loaded.duration(), loaded.regions());
        timeline.mark(Double.NaN);
        history.removeAll();
        pipeline = new FramePipeline(loaded.cameras(), frames -> sync.asyncExec(() -> showFrames(frames)));
        actions.refresh();
        seek(0);
        status("");
        timeline.setFocus();
    }

    private void showTitle(EpisodeRecord record) {
        title.setText(record.id() + " · " + record.task() + " · " + record.operator() + " · " + record.review());
        title.getParent().layout();
    }

    /**
     * Follows review decisions made anywhere (here, the queue, undo): re-reads the shown episode's record in a job
     * and shows its review state in the header.
     */
    @Inject
    @Optional
    void catalogChanged(@UIEventTopic(UiEvents.CATALOG_CHANGED) String episodeId) {
        Catalog theCatalog = catalog;
        EpisodeView shown = view;
        if (shown == null || theCatalog == null || title == null || title.isDisposed()) {
            return;
        }
        String id = shown.record().id();
        Job job = Job.create("Reading the review state of " + id, monitor -> {
            try {
                theCatalog.episode(id).ifPresent(record -> sync.asyncExec(() -> {
                    if (!title.isDisposed() && view != null && id.equals(view.record().id())) {
                        showTitle(record);
                    }
                }));
            } catch (RuntimeException e) {
                sync.asyncExec(() -> status("Cannot read the review state of " + id + ": " + e.getMessage()));
            }
        });
        job.setSystem(true);
        job.schedule();
    }

    private Canvas videoCanvas(int camera, String topic) {
        Canvas canvas = new Canvas(videos, SWT.DOUBLE_BUFFERED);
        canvas.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        canvas.setData(CONTROL_KEY, "video." + camera);
        canvas.setToolTipText(topic);
        canvas.addListener(SWT.Paint, e -> paintFrame(canvas, camera, e.gc));
        canvas.addListener(SWT.MouseDown, e -> canvas.setFocus());
        return canvas;
    }

    private void paintFrame(Canvas canvas, int camera, GC gc) {
        Image image = camera < images.size() ? images.get(camera) : null;
        Rectangle area = canvas.getClientArea();
        if (image == null || area.width <= 0 || area.height <= 0) {
            return;
        }
        Rectangle size = image.getBounds();
        double scale = Math.min(area.width / (double) size.width, area.height / (double) size.height);
        int w = (int) (size.width * scale);
        int h = (int) (size.height * scale);
        gc.drawImage(image, 0, 0, size.width, size.height, (area.width - w) / 2, (area.height - h) / 2, w, h);
        gc.drawText(canvas.getToolTipText() + " #" + canvas.getData(FRAME_KEY), 4, 4, false);
    }

    private void showFrames(FramePipeline.Frames frames) {
        if (videos.isDisposed() || view == null) {
            return;
        }
        for (FramePipeline.Frame f : frames.frames()) {
            if (f.camera() >= canvases.size()) {
                continue;
            }
            ImageData data = new ImageData(f.width(), f.height(), 24, new PaletteData(0xFF, 0xFF00, 0xFF0000),
                    1, f.bgr());
            Image old = images.set(f.camera(), new Image(videos.getDisplay(), data));
            if (old != null) {
                old.dispose();
            }
            Canvas canvas = canvases.get(f.camera());
            canvas.setData(FRAME_KEY, f.index());
            canvas.setData(IMAGE_KEY, data);
            canvas.redraw();
        }
        EpisodeView.Camera reference = view.reference();
        if (reference != null) {
            frameLabel.setText("frame " + reference.frameAt(frames.seconds()) + " / "
                    + (reference.frameSeconds().length - 1));
        }
        if (frames.problem() != null) {
            status(frames.problem());
        }
        frameLabel.getParent().layout();
    }

    /** Moves the cursor (clamped to the episode) and asks for its frames. UI thread. */
    void seek(double seconds) {
        if (view == null) {
            return;
        }
        cursor = Math.max(0, Math.min(view.duration(), seconds));
        timeLabel.setText(String.format(Locale.ROOT, "%.3f s · ×%s", cursor, speedText()));
        timeline.cursor(cursor);
        plots.cursor(cursor);
        pipeline.request(cursor);
        timeLabel.getParent().layout();
    }

    /** Steps the reference camera by whole frames (other cameras follow by time). */
    void step(int frames) {
        EpisodeView.Camera reference = view == null ? null : view.reference();
        if (reference == null) {
            return;
        }
        playing = false;
        int index = Math.max(0, Math.min(reference.frameSeconds().length - 1, reference.frameAt(cursor) + frames));
        seek(reference.frameSeconds()[index]);
    }

    void togglePlay() {
        if (view == null) {
            return;
        }
        playing = !playing;
        pipeline.playing(playing);
        if (playing) {
            if (cursor >= view.duration()) {
                seek(0);
            }
            playClock = System.nanoTime();
            videos.getDisplay().timerExec(PLAY_TICK_MS, this::tick);
        }
    }

    private void tick() {
        if (!playing || videos.isDisposed()) {
            return;
        }
        long now = System.nanoTime();
        double next = cursor + (now - playClock) / 1e9 * SPEEDS[speedIndex];
        playClock = now;
        seek(next);
        if (cursor >= view.duration()) {
            playing = false;
            pipeline.playing(false);
            return;
        }
        videos.getDisplay().timerExec(PLAY_TICK_MS, this::tick);
    }

    void speed(int delta) {
        speedIndex = Math.max(0, Math.min(SPEEDS.length - 1, speedIndex + delta));
        seek(cursor);
    }

    private String speedText() {
        double s = SPEEDS[speedIndex];
        return s == Math.rint(s) ? String.valueOf((int) s) : String.valueOf(s);
    }

    /** Runs one editor action by name (see the key table in docs/review.md). UI thread. */
    public void perform(String action) {
        switch (action) {
        case "play" -> togglePlay();
        case "stepForward" -> step(1);
        case "stepBack" -> step(-1);
        case "secondForward" -> seek(cursor + 1);
        case "secondBack" -> seek(cursor - 1);
        case "home" -> seek(0);
        case "end" -> seek(view == null ? 0 : view.duration());
        case "faster" -> speed(1);
        case "slower" -> speed(-1);
        case "next" -> neighbour(1);
        case "previous" -> neighbour(-1);
        default -> actions.perform(action);
        }
    }

    private void neighbour(int step) {
        String next = view == null || queue == null ? null : queue.neighbour(view.record().id(), step);
        if (next == null) {
            status(step > 0 ? "Last episode of the queue" : "First episode of the queue");
        } else {
            open(next);
        }
    }

    EpisodeView view() {
        return view;
    }

    double cursor() {
        return cursor;
    }

    DecisionStack stack() {
        return stack;
    }

    ReviewLog reviewLog() {
        return reviewLog;
    }

    Composite control() {
        return videos;
    }

    UISynchronize sync() {
        return sync;
    }

    TimelineCanvas timeline() {
        return timeline;
    }

    /** Shows a line in the editor's history list (newest first). UI thread. */
    void history(String line) {
        if (!history.isDisposed()) {
            history.add(line, 0);
        }
    }

    /** Reports a change of an episode's review state to the queue and the status line. UI thread. */
    void changed(String episodeId, String message) {
        status(message);
        events.post(UiEvents.CATALOG_CHANGED, episodeId);
        events.post(UiEvents.STATUS, message);
    }

    void status(String text) {
        if (!status.isDisposed()) {
            status.setText(text);
            status.getParent().layout();
        }
    }

    private static Label label(Composite parent, String key, int align) {
        Label label = new Label(parent, SWT.NONE);
        label.setData(CONTROL_KEY, key);
        label.setLayoutData(new GridData(align == SWT.FILL ? SWT.FILL : SWT.RIGHT, SWT.CENTER, align == SWT.FILL,
                false));
        return label;
    }
}
