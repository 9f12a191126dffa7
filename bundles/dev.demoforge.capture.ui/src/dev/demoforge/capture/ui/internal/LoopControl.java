package dev.demoforge.capture.ui.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.eclipse.e4.core.services.events.IEventBroker;

import com.google.gson.Gson;

import dev.demoforge.capture.EpisodeLoop;
import dev.demoforge.capture.LoopAction;
import dev.demoforge.capture.LoopKeys;
import dev.demoforge.capture.LoopPhase;
import dev.demoforge.capture.LoopSnapshot;
import dev.demoforge.capture.SerialButtons;
import dev.demoforge.catalog.api.Catalog;
import dev.demoforge.catalog.api.EpisodeRecord;
import dev.demoforge.catalog.api.tasks.SessionEntry;
import dev.demoforge.catalog.api.tasks.SessionLog;
import dev.demoforge.catalog.api.tasks.TaskCatalog;
import dev.demoforge.catalog.api.tasks.TaskSpec;
import dev.demoforge.device.api.ConnectedStation;
import dev.demoforge.episode.api.EpisodeStore;
import dev.demoforge.episode.api.EpisodeSummary;
import dev.demoforge.ui.UiEvents;

/**
 * The capture session loop of the Capture perspective: the chosen task, and the {@link EpisodeLoop} running it on
 * the {@link CaptureSession}'s station. Beginning a session recovers episodes a crash left unfinished and resumes the
 * task's unfinished session on this station, or opens a new one. Threading: blocking work runs in session jobs;
 * the parts read {@link #snapshot()} from their timers. Services arrive through the setters.
 */
public final class LoopControl {

    private static final Gson GSON = new Gson();

    private final CaptureSession capture;
    private final Path episodesRoot;
    private final IEventBroker events;
    private final Messages messages;
    private final EpisodeLoop.Timing timing;
    private volatile TaskCatalog tasks;
    private volatile SessionLog log;
    private volatile EpisodeStore store;
    private volatile Catalog catalog;
    private volatile List<TaskSpec> known = List.of();
    private volatile TaskSpec selected;
    private volatile EpisodeLoop loop;
    private volatile boolean beginning;
    private volatile LoopKeys keys = LoopKeys.DEFAULTS;
    private SerialButtons serial;

    public LoopControl(CaptureSession capture, Path episodesRoot, IEventBroker events, Messages messages,
            EpisodeLoop.Timing timing) {
        this.capture = capture;
        this.episodesRoot = episodesRoot;
        this.events = events;
        this.messages = messages;
        this.timing = timing;
    }

    /** The keys bound to the loop's actions. */
    public LoopKeys keys() {
        return keys;
    }

    void setKeys(LoopKeys keys) {
        this.keys = keys;
    }

    void setTasks(TaskCatalog tasks) {
        this.tasks = tasks;
        reloadTasks();
    }

    void setLog(SessionLog log) {
        this.log = log;
    }

    void setStore(EpisodeStore store) {
        this.store = store;
    }

    void setCatalog(Catalog catalog) {
        this.catalog = catalog;
    }

    /** Tasks in the catalog (as last read). */
    public List<TaskSpec> tasks() {
        return known;
    }

    /** Reads the task list again in a job; posts {@link UiEvents#CATALOG_CHANGED} when done. */
    public void reloadTasks() {
        TaskCatalog catalogOfTasks = tasks;
        if (catalogOfTasks == null) {
            return;
        }
        new SessionJob(messages.jobTasks, monitor -> {
            try {
                known = catalogOfTasks.tasks();
                events.post(UiEvents.CATALOG_CHANGED, "tasks");
            } catch (RuntimeException e) {
                events.post(UiEvents.STATUS, MessageFormat.format(messages.loopFailed, e.getMessage()));
            }
        }).schedule();
    }

    /**
     * Stores a task (new or edited) in a job, then reloads the list and selects it. The future completes (on the
     * job's thread) with the stored task, or exceptionally with the catalog's reason (also posted to the status line).
     */
    public CompletableFuture<TaskSpec> saveTask(TaskSpec task) {
        TaskCatalog catalogOfTasks = tasks;
        CompletableFuture<TaskSpec> stored = new CompletableFuture<>();
        if (catalogOfTasks == null) {
            stored.completeExceptionally(new IllegalStateException(messages.loopNoCatalog));
            return stored;
        }
        new SessionJob(messages.jobTasks, monitor -> {
            try {
                TaskSpec saved = catalogOfTasks.putTask(task);
                selected = saved;
                known = catalogOfTasks.tasks();
                events.post(UiEvents.CATALOG_CHANGED, "tasks");
                stored.complete(saved);
            } catch (RuntimeException e) {
                events.post(UiEvents.STATUS, MessageFormat.format(messages.loopFailed, e.getMessage()));
                stored.completeExceptionally(e);
            }
        }).schedule();
        return stored;
    }

    /** The task the next session runs; null = free recording (Space records without the loop). */
    public TaskSpec selected() {
        return selected;
    }

    /** Chooses the task of the next session; a finished session's state is then no longer shown. */
    public void select(TaskSpec task) {
        selected = task;
        EpisodeLoop last = loop;
        if (last != null && !beginning && last.snapshot().phase() == LoopPhase.DONE) {
            loop = null;
        }
    }

    /** Whether a session loop is running (not yet done). */
    public boolean active() {
        EpisodeLoop running = loop;
        return beginning || running != null && running.snapshot().phase() != LoopPhase.DONE;
    }

    /** The running (or last) loop's state, or null before the first session. */
    public LoopSnapshot snapshot() {
        EpisodeLoop running = loop;
        return running == null ? null : running.snapshot();
    }

    /** The running (or last) loop, or null. */
    public EpisodeLoop loop() {
        return loop;
    }

    /**
     * Space: the loop's START_STOP when a session runs; else begins one for the chosen task (unless that task's
     * session just finished: choose it again for another); else a free recording.
     */
    public void startStop() {
        TaskSpec task = selected;
        EpisodeLoop last = loop;
        boolean justFinished = task != null && last != null && task.id().equals(last.task().id());
        if (active()) {
            press(LoopAction.START_STOP);
        } else if (task != null && !justFinished) {
            begin();
        } else {
            capture.toggle();
        }
    }

    public void press(LoopAction action) {
        EpisodeLoop running = loop;
        if (running != null && !beginning) {
            running.press(action);
        }
    }

    /** Ends the running session (closes it in the catalog). */
    public void end() {
        EpisodeLoop running = loop;
        if (running != null) {
            running.finish();
        }
    }

    /** Begins (or resumes) a session of the selected task in a job. */
    public void begin() {
        TaskSpec task = selected;
        SessionLog sessions = log;
        ConnectedStation station = capture.state().station();
        if (task == null || sessions == null || station == null || active()) {
            events.post(UiEvents.STATUS, messages.loopCannotBegin);
            return;
        }
        beginning = true;
        new SessionJob(messages.jobBegin, monitor -> {
            try {
                recoverUnfinishedEpisodes();
                SessionEntry session = sessions.unfinished(task.id(), station.config().id()).stream().findFirst()
                        .orElseGet(() -> sessions.open(task.id(), capture.operator(), station.config().id(),
                                GSON.toJson(station.config().devices())));
                EpisodeLoop previous = loop;
                if (previous != null) {
                    previous.close();
                }
                EpisodeLoop next = new EpisodeLoop(task, session, sessions, new SessionTaker(capture), timing);
                next.start();
                loop = next;
            } catch (RuntimeException e) {
                events.post(UiEvents.STATUS, MessageFormat.format(messages.loopFailed, e.getMessage()));
            } finally {
                beginning = false;
            }
        }).schedule();
    }

    /** Repairs episodes a crash left RECORDING and updates their catalog rows to RECOVERED. */
    private void recoverUnfinishedEpisodes() {
        EpisodeStore episodes = store;
        Catalog theCatalog = catalog;
        if (episodes == null) {
            return;
        }
        try {
            for (EpisodeSummary s : episodes.recoverUnfinished(episodesRoot)) {
                Optional<EpisodeRecord> row = theCatalog == null ? Optional.empty() : theCatalog.episode(s.episodeId());
                row.ifPresent(r -> theCatalog.putEpisode(new EpisodeRecord(r.id(), r.sessionId(), r.stationId(),
                        r.task(), r.operator(), s.startedAt(), s.durationSeconds(), s.cameraFrames(), s.drops(),
                        s.status(), r.review(), r.directory(), s.problem())));
                events.post(UiEvents.STATUS, MessageFormat.format(messages.loopRecovered, s.episodeId()));
            }
        } catch (IOException | RuntimeException e) {
            events.post(UiEvents.STATUS, MessageFormat.format(messages.loopFailed, e.getMessage()));
        }
    }

    /**
     * Listens to a serial button box on a port (see {@link SerialButtons}): START_STOP acts like Space, the other
     * actions like their keys. A port that cannot be opened is reported on the status line.
     */
    synchronized void listenToSerialButtons(String port, int baud) {
        try {
            serial = SerialButtons.open(port, baud, keys,
                    action -> {
                        if (action == LoopAction.START_STOP) {
                            startStop();
                        } else {
                            press(action);
                        }
                    }, problem -> events.post(UiEvents.STATUS, problem));
        } catch (IOException e) {
            events.post(UiEvents.STATUS, e.getMessage());
        }
    }

    /** Stops the loop thread (a running recording is stopped and left for the next start to mark). */
    void close() {
        synchronized (this) {
            if (serial != null) {
                serial.close();
                serial = null;
            }
        }
        EpisodeLoop running = loop;
        if (running != null) {
            running.close();
        }
    }
}
