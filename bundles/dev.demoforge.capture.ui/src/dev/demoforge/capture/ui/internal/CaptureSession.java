package dev.demoforge.capture.ui.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Optional;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.services.events.IEventBroker;

import dev.demoforge.catalog.api.Catalog;
import dev.demoforge.device.api.ConnectedStation;
import dev.demoforge.device.api.StationConfig;
import dev.demoforge.device.api.StationManager;
import dev.demoforge.episode.api.EpisodeStore;
import dev.demoforge.episode.api.EpisodeSummary;
import dev.demoforge.episode.api.Recorder;
import dev.demoforge.episode.api.Recording;
import dev.demoforge.episode.api.RecordingRequest;
import dev.demoforge.quality.api.QualityService;
import dev.demoforge.quality.api.Verdict;
import dev.demoforge.teleop.TeleopService;
import dev.demoforge.ui.UiEvents;

/**
 * The station the Capture perspective works with and the episode being recorded on it.
 * <p>
 * Threading: every blocking call (connecting the station, starting and stopping a recording, writing the catalog)
 * runs in a {@link Job} of family {@link #JOB_FAMILY}; the UI reads {@link #state()} (an immutable snapshot) from
 * its refresh timers and never blocks. Services arrive through the setters whenever OSGi provides them.
 */
public final class CaptureSession {

    /** Family of every job this session schedules (tests join it). */
    public static final Object JOB_FAMILY = CaptureSession.class;

    /** How long the connect job waits between looks for the station manager and the station. */
    private static final long POLL_MILLIS = 250;

    /** Life cycle of the session. */
    public enum Phase { WAITING, READY, STARTING, RECORDING, STOPPING, CLOSED }

    /**
     * What the UI shows.
     *
     * @param phase     where the session is
     * @param station   the connected station, null before it is connected
     * @param recording the episode being recorded, or null
     * @param episodes  episodes recorded since the workbench started
     * @param last      the last recorded episode, or null
     * @param message   the latest message for the operator (problems included), never null
     */
    public record State(Phase phase, ConnectedStation station, Recording recording, int episodes,
            EpisodeSummary last, String message) {

        State with(Phase newPhase, Recording newRecording, String newMessage) {
            return new State(newPhase, station, newRecording, episodes, last, newMessage);
        }
    }

    private final String stationId;
    private final Path episodesRoot;
    private final IEventBroker events;
    private final Messages messages;
    private final Object lock = new Object();
    private volatile State state;
    private volatile StationManager stationManager;
    private volatile Recorder recorder;
    private final EpisodeCataloguer cataloguer = new EpisodeCataloguer();
    private final StationTeleop teleop;
    private volatile String task = "";
    private volatile String operator = System.getProperty("user.name", "");
    private Job connectJob;
    /** A station given up by {@link #reconnect()} that its job has not closed yet (guarded by the lock). */
    private ConnectedStation retiring;
    private Take take;

    /** The recording in progress with what the catalog needs to know about it. */
    private record Take(Recording recording, String sessionId, String task, String operator) {
    }

    public CaptureSession(String stationId, Path episodesRoot, IEventBroker events, Messages messages) {
        this.stationId = stationId;
        this.episodesRoot = episodesRoot;
        this.events = events;
        this.messages = messages;
        this.teleop = new StationTeleop(messages);
        this.state = new State(Phase.WAITING, null, null, 0, null,
                MessageFormat.format(messages.sessionWaiting, stationId));
    }

    public State state() {
        return state;
    }

    public String stationId() {
        return stationId;
    }

    public void setStationManager(StationManager manager) {
        this.stationManager = manager;
    }

    public void setRecorder(Recorder recorder) {
        this.recorder = recorder;
    }

    public void setCatalog(Catalog catalog) {
        cataloguer.setCatalog(catalog);
    }

    public void setQuality(QualityService quality) {
        cataloguer.setQuality(quality);
    }

    /** The teleoperation service that runs the station's leader–follower pairings while it is connected. */
    public void setTeleop(TeleopService service) {
        teleop.setService(service);
    }

    public void setEpisodeStore(EpisodeStore store) {
        cataloguer.setStore(store);
    }

    public String task() {
        return task;
    }

    public void setTask(String task) {
        this.task = task == null ? "" : task.strip();
    }

    public String operator() {
        return operator;
    }

    public void setOperator(String operator) {
        this.operator = operator == null ? "" : operator.strip();
    }

    /** Starts looking for the station and connects it once the station manager knows it. Returns at once. */
    public void connect() {
        synchronized (lock) {
            if (connectJob != null || state.phase() == Phase.CLOSED) {
                return;
            }
            connectJob = new SessionJob(MessageFormat.format(messages.jobConnect, stationId), this::runConnect);
            connectJob.schedule();
            events.post(UiEvents.STATUS, state.message());
        }
    }

    /**
     * Closes the connected station and connects it again as the station manager describes it now (a station saved in
     * the catalog wins over the built-in one), so saved edits take effect. Returns at once; the work runs in a job
     * (phase {@link Phase#WAITING} until the station is connected again). Refused, with a message saying why, while
     * an episode is being started, recorded or stopped, and after {@link #close()}.
     *
     * @return whether the reconnection was scheduled (or a connection is already under way)
     */
    public boolean reconnect() {
        synchronized (lock) {
            Phase phase = state.phase();
            if (phase == Phase.STARTING || phase == Phase.RECORDING || phase == Phase.STOPPING) {
                update(state.with(phase, state.recording(),
                        MessageFormat.format(messages.sessionReconnectRefused, stationId)));
                return false;
            }
            if (phase == Phase.CLOSED) {
                return false;
            }
            if (connectJob != null && connectJob.getState() != Job.NONE) {
                return true;
            }
            retiring = state.station();
            update(new State(Phase.WAITING, null, null, state.episodes(), state.last(),
                    MessageFormat.format(messages.sessionReconnecting, stationId)));
            connectJob = new SessionJob(MessageFormat.format(messages.jobConnect, stationId), monitor -> {
                closeRetiring();
                runConnect(monitor);
            });
            connectJob.schedule();
            return true;
        }
    }

    /** Posts the latest message to the status line again (for a status line created after it was posted). */
    public void repostMessage() {
        events.post(UiEvents.STATUS, state.message());
    }

    /** Whether {@link #toggle()} would start or stop a recording now. */
    public boolean canToggle() {
        Phase phase = state.phase();
        return phase == Phase.READY || phase == Phase.RECORDING;
    }

    /** Starts a recording when ready, stops it when recording; otherwise does nothing. Returns at once. */
    public void toggle() {
        Phase phase = state.phase();
        if (phase == Phase.READY) {
            start();
        } else if (phase == Phase.RECORDING) {
            stop();
        }
    }

    /** Starts recording an episode in the background; ignored unless {@link Phase#READY}. */
    public void start() {
        String episodeTask = task;
        String episodeOperator = operator;
        synchronized (lock) {
            if (state.phase() != Phase.READY) {
                return;
            }
            if (recorder == null) {
                update(state.with(Phase.READY, null, messages.sessionNoRecorder));
                return;
            }
            update(state.with(Phase.STARTING, null, messages.sessionStarting));
        }
        ConnectedStation station = state.station();
        new SessionJob(messages.jobStart, monitor -> {
            try {
                record(episodeTask, episodeOperator, catalogSession(station, episodeOperator, episodeTask));
            } catch (IOException | RuntimeException e) {
                // record() has told the operator
            }
        }).schedule();
    }

    /**
     * Starts recording an episode of a capture session and returns its id once it records; blocking, for the
     * episode loop's thread.
     *
     * @throws IOException when the station is not ready or the recorder cannot start
     */
    String startEpisode(String episodeTask, String sessionId) throws IOException {
        synchronized (lock) {
            if (state.phase() != Phase.READY) {
                throw new IOException(MessageFormat.format(messages.sessionNotReady, state.phase()));
            }
            if (recorder == null) {
                throw new IOException(messages.sessionNoRecorder);
            }
            update(state.with(Phase.STARTING, null, messages.sessionStarting));
        }
        return record(episodeTask, operator, sessionId);
    }

    /** Stops the recording and catalogues the episode; blocking, for the episode loop's thread. */
    void stopEpisode() {
        Take stopping;
        synchronized (lock) {
            if (state.phase() != Phase.RECORDING) {
                return;
            }
            stopping = take;
            update(state.with(Phase.STOPPING, state.recording(), messages.sessionStopping));
        }
        finish(stopping);
    }

    /** Whether the running recording stopped by itself. */
    boolean recordingFailed() {
        synchronized (lock) {
            return take != null && take.recording().failed();
        }
    }

    /** Keeps a discarded episode out of datasets (review REJECTED, with the operator as reviewer). */
    void discardEpisode(String episodeId) {
        cataloguer.discarded(episodeId, operator);
    }

    /** Starts the recorder (phase STARTING) and returns the episode id; on failure goes back to READY and throws. */
    private String record(String episodeTask, String episodeOperator, String sessionId) throws IOException {
        ConnectedStation station = state.station();
        try {
            Recording recording = recorder.start(station,
                    new RecordingRequest(episodesRoot, episodeTask, episodeOperator, sessionId, null));
            Take started = new Take(recording, sessionId, episodeTask, episodeOperator);
            try {
                cataloguer.started(recording, sessionId, station.config(), episodeOperator, episodeTask);
            } catch (RuntimeException e) {
                events.post(UiEvents.STATUS, MessageFormat.format(messages.sessionCatalogFailed,
                        recording.episodeId(), text(e)));
            }
            synchronized (lock) {
                if (state.phase() != Phase.CLOSED) {
                    take = started;
                    update(state.with(Phase.RECORDING, recording,
                            MessageFormat.format(messages.sessionRecording, recording.episodeId())));
                    return recording.episodeId();
                }
            }
            finish(started);
            throw new IOException(messages.sessionClosed);
        } catch (IOException | RuntimeException e) {
            synchronized (lock) {
                if (state.phase() != Phase.CLOSED) {
                    update(state.with(Phase.READY, null, MessageFormat.format(messages.sessionStartFailed, text(e))));
                }
            }
            throw e;
        }
    }

    /** Stops the recording in the background and catalogues the episode; ignored unless {@link Phase#RECORDING}. */
    public void stop() {
        Take stopping;
        synchronized (lock) {
            if (state.phase() != Phase.RECORDING) {
                return;
            }
            stopping = take;
            update(state.with(Phase.STOPPING, state.recording(), messages.sessionStopping));
        }
        new SessionJob(messages.jobStop, monitor -> finish(stopping)).schedule();
    }

    /** Stops a running recording (blocking), then disconnects the station. Idempotent; any thread. */
    public void close() {
        Take running;
        ConnectedStation station;
        synchronized (lock) {
            if (state.phase() == Phase.CLOSED) {
                return;
            }
            if (connectJob != null) {
                connectJob.cancel();
            }
            running = take;
            station = state.station();
            state = new State(Phase.CLOSED, station, null, state.episodes(), state.last(), messages.sessionClosed);
        }
        if (running != null) {
            finish(running);
        }
        try {
            cataloguer.close();
        } catch (RuntimeException e) {
            System.getLogger(getClass().getName()).log(System.Logger.Level.WARNING, "Closing the catalog session", e);
        }
        teleop.stop();
        if (station != null) {
            station.close();
        }
        closeRetiring();
    }

    private void closeRetiring() {
        ConnectedStation old;
        synchronized (lock) {
            old = retiring;
            retiring = null;
        }
        if (old != null) {
            teleop.stop();
            old.close();
        }
    }

    private void runConnect(IProgressMonitor monitor) {
        while (!monitor.isCanceled()) {
            StationManager manager = stationManager;
            ConnectedStation station = null;
            try {
                Optional<StationConfig> config = manager == null ? Optional.empty() : manager.station(stationId);
                if (config.isPresent()) {
                    station = manager.connect(config.get());
                }
            } catch (RuntimeException e) {
                synchronized (lock) {
                    if (state.phase() != Phase.CLOSED) {
                        update(state.with(Phase.WAITING, null,
                                MessageFormat.format(messages.sessionConnectFailed, stationId, text(e))));
                    }
                }
                return;
            }
            if (station != null) {
                String teleopLine = teleop.start(station);
                synchronized (lock) {
                    if (state.phase() != Phase.CLOSED) {
                        String connected = MessageFormat.format(messages.sessionConnected, stationId,
                                station.devices().size());
                        update(new State(Phase.READY, station, null, state.episodes(), state.last(),
                                teleopLine.isEmpty() ? connected : connected + "; " + teleopLine));
                        return;
                    }
                }
                teleop.stop();
                station.close();
                return;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** The catalog session for a recording, or null when there is no catalog or it fails (recording goes on). */
    private String catalogSession(ConnectedStation station, String episodeOperator, String episodeTask) {
        try {
            return cataloguer.session(station.config(), episodeOperator, episodeTask);
        } catch (RuntimeException e) {
            events.post(UiEvents.STATUS, MessageFormat.format(messages.sessionCatalogSessionFailed, text(e)));
            return null;
        }
    }

    /** Stops the recording, catalogues the episode and returns to READY (unless closed meanwhile). */
    private void finish(Take stopping) {
        EpisodeSummary summary = null;
        String message;
        try {
            summary = stopping.recording().stop();
            message = catalogue(summary, stopping);
        } catch (IOException | RuntimeException e) {
            message = MessageFormat.format(messages.sessionStopFailed, stopping.recording().episodeId(), text(e));
        }
        synchronized (lock) {
            if (take == stopping) {
                take = null;
            }
            if (state.phase() == Phase.CLOSED) {
                return;
            }
            int count = summary == null ? state.episodes() : state.episodes() + 1;
            update(new State(Phase.READY, state.station(), null, count, summary == null ? state.last() : summary,
                    message));
        }
    }

    private String catalogue(EpisodeSummary summary, Take stopping) {
        ConnectedStation station = state.station();
        if (!cataloguer.hasCatalog() || station == null) {
            return MessageFormat.format(messages.sessionNotCatalogued, summary.episodeId());
        }
        Verdict verdict;
        try {
            verdict = cataloguer.finished(summary, stopping.sessionId(), station.config(), stopping.operator(),
                    stopping.task());
        } catch (IOException | RuntimeException e) {
            return MessageFormat.format(messages.sessionCatalogFailed, summary.episodeId(), text(e));
        }
        events.post(UiEvents.CATALOG_CHANGED, summary.episodeId());
        String recorded = MessageFormat.format(messages.sessionRecorded, summary.episodeId(),
                summary.durationSeconds(), summary.cameraFrames(), summary.drops());
        return verdict == null ? recorded : recorded + " " + MessageFormat.format(messages.sessionChecks, verdict);
    }

    /** Replaces the state and tells the status line; call with the lock held. */
    private void update(State newState) {
        state = newState;
        events.post(UiEvents.STATUS, newState.message());
    }

    private static String text(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
