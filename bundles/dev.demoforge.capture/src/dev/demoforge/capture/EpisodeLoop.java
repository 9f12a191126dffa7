package dev.demoforge.capture;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import dev.demoforge.catalog.api.tasks.EpisodeMark;
import dev.demoforge.catalog.api.tasks.SessionEntry;
import dev.demoforge.catalog.api.tasks.SessionEpisode;
import dev.demoforge.catalog.api.tasks.SessionLog;
import dev.demoforge.catalog.api.tasks.TaskSpec;

/**
 * The operator's episode loop as a state machine: warm-up, then per episode prompt → countdown → recording (until
 * START_STOP, a mark key or the task's time limit) → mark (success / failure / discard) → reset → next, until the
 * task's target of kept episodes is reached. Scenes come from a {@link ScenePlanner}; the scene and the mark of
 * every episode go to the {@link SessionLog} as they happen, so a session interrupted by a crash resumes where it
 * was: {@link #start()} marks an unmarked episode INTERRUPTED and records its number again with the same scene.
 * <p>
 * Threading: the loop owns one thread ("capture-loop"); {@link #press} and {@link #start} queue work on it and
 * return at once; the {@link EpisodeTaker} and the session log are called on it (blocking there is fine).
 * {@link #snapshot()} is safe from any thread and never blocks. Key presses queue behind a blocking stop in order.
 *
 * @since 0.1
 */
public final class EpisodeLoop implements AutoCloseable {

    /** Durations the task does not define. */
    public record Timing(Duration warmUp, Duration countdown) {
        /** 3 s warm-up, 3 s countdown. */
        public static final Timing DEFAULT = new Timing(Duration.ofSeconds(3), Duration.ofSeconds(3));
    }

    private final TaskSpec task;
    private final SessionEntry session;
    private final SessionLog log;
    private final EpisodeTaker taker;
    private final Timing timing;
    private final ScenePlanner planner;
    private final ScheduledExecutorService thread;

    // loop thread only
    private LoopPhase phase = LoopPhase.WARM_UP;
    private LoopPhase pausedFrom;
    private int index = 1;
    private int attempt = 1;
    private Scene scene;
    private Scene previous;
    private String episodeId;
    private long phaseStarted = System.nanoTime();
    private long deadline;
    private ScheduledFuture<?> timer;
    private ScheduledFuture<?> watchdog;
    private final Map<Scene, Integer> done = new HashMap<>();
    private int successes;
    private int failures;
    private int discards;
    private String message = "";
    private volatile LoopSnapshot snapshot;

    public EpisodeLoop(TaskSpec task, SessionEntry session, SessionLog log, EpisodeTaker taker, Timing timing) {
        this.task = task;
        this.session = session;
        this.log = log;
        this.taker = taker;
        this.timing = timing;
        this.planner = new ScenePlanner(task.factors(), task.targetEpisodes(), task.seed());
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "capture-loop " + task.name());
            t.setDaemon(true);
            return t;
        });
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        this.thread = executor;
        this.scene = planner.next(Map.of());
        publish();
    }

    public TaskSpec task() {
        return task;
    }

    public SessionEntry session() {
        return session;
    }

    public ScenePlanner planner() {
        return planner;
    }

    /** The latest state; any thread. */
    public LoopSnapshot snapshot() {
        return snapshot;
    }

    /**
     * Reads what the session log already holds (resuming an interrupted session: unmarked episodes become
     * INTERRUPTED and their number is recorded again with the same scene), then begins the warm-up. Returns at once.
     */
    public void start() {
        thread.execute(this::resume);
    }

    /** Queues an operator action; returns at once. Actions that make no sense in the current phase are ignored. */
    public void press(LoopAction action) {
        thread.execute(() -> guarded(() -> handle(action)));
    }

    /** Ends the session now: stops (and discards) a running recording, closes the session. Returns at once. */
    public void finish() {
        thread.execute(() -> guarded(() -> {
            if (phase == LoopPhase.RECORDING) {
                stopRecording();
                mark(EpisodeMark.DISCARDED);
            }
            end("Session ended by the operator.");
        }));
    }

    /**
     * Stops the loop thread, waiting up to 30 s for a running stop; a recording still running is stopped and left
     * unmarked (the next start of this session marks it INTERRUPTED). The session stays open so it can be resumed.
     */
    @Override
    public void close() {
        thread.execute(() -> {
            if (phase == LoopPhase.RECORDING) {
                try {
                    taker.stop();
                } catch (IOException | RuntimeException e) {
                    message = "Stopping " + episodeId + " on close failed: " + text(e);
                }
            }
        });
        thread.shutdown();
        try {
            thread.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void resume() {
        guarded(() -> {
            List<SessionEpisode> earlier = log.episodes(session.id());
            SessionEpisode last = null;
            for (SessionEpisode e : earlier) {
                EpisodeMark m = e.mark();
                if (m == null) {
                    log.mark(e.episodeId(), EpisodeMark.INTERRUPTED);
                    m = EpisodeMark.INTERRUPTED;
                }
                switch (m) {
                    case SUCCESS -> successes++;
                    case FAILURE -> failures++;
                    case DISCARDED, INTERRUPTED -> discards++;
                }
                if (m == EpisodeMark.SUCCESS || m == EpisodeMark.FAILURE) {
                    done.merge(new Scene(e.scene()), 1, Integer::sum);
                }
                last = new SessionEpisode(e.episodeId(), e.sessionId(), e.index(), e.attempt(), e.scene(), m,
                        e.markedAt());
            }
            index = successes + failures + 1;
            if (last != null && !last.kept() && last.index() == index) {
                scene = new Scene(last.scene());
                attempt = last.attempt() + 1;
                message = "Resumed: episode " + index + " is recorded again (" + last.mark() + ").";
            } else {
                scene = planner.next(done);
                attempt = 1;
                message = earlier.isEmpty() ? "" : "Resumed at episode " + index + ".";
            }
            previous = last == null ? null : new Scene(last.scene());
            if (successes + failures >= task.targetEpisodes()) {
                end("The target of " + task.targetEpisodes() + " episodes is reached.");
                return;
            }
            enter(LoopPhase.WARM_UP, timing.warmUp());
        });
    }

    private void handle(LoopAction action) throws IOException {
        switch (phase) {
            case WARM_UP, RESET -> {
                if (action == LoopAction.START_STOP) {
                    enter(LoopPhase.PROMPT, null);
                } else if (action == LoopAction.PAUSE) {
                    pause();
                }
            }
            case PROMPT -> {
                if (action == LoopAction.START_STOP) {
                    enter(LoopPhase.COUNTDOWN, timing.countdown());
                } else if (action == LoopAction.PAUSE) {
                    pause();
                }
            }
            case COUNTDOWN -> {
                if (action == LoopAction.START_STOP || action == LoopAction.PAUSE) {
                    enter(LoopPhase.PROMPT, null);
                }
            }
            case RECORDING -> {
                if (action == LoopAction.START_STOP) {
                    stopRecording();
                } else if (action != LoopAction.PAUSE) {
                    stopRecording();
                    mark(markOf(action));
                }
            }
            case MARK -> {
                if (action != LoopAction.START_STOP && action != LoopAction.PAUSE) {
                    mark(markOf(action));
                }
            }
            case PAUSED -> {
                if (action == LoopAction.PAUSE || action == LoopAction.START_STOP) {
                    enter(pausedFrom == LoopPhase.MARK ? LoopPhase.MARK : LoopPhase.PROMPT, null);
                }
            }
            case STOPPING, DONE -> {
                // nothing to do
            }
        }
    }

    private void pause() {
        pausedFrom = phase;
        enter(LoopPhase.PAUSED, null);
    }

    private void timeout(LoopPhase of) throws IOException {
        if (phase != of) {
            return;
        }
        switch (of) {
            case WARM_UP, RESET -> enter(LoopPhase.PROMPT, null);
            case COUNTDOWN -> startRecording();
            case RECORDING -> {
                message = "Time limit of " + task.timeLimitSeconds() + " s reached.";
                stopRecording();
            }
            default -> {
                // no deadline in other phases
            }
        }
    }

    private void startRecording() throws IOException {
        try {
            episodeId = taker.start(task.instruction(), session.id());
        } catch (IOException | RuntimeException e) {
            message = "Could not start recording: " + text(e);
            enter(LoopPhase.PROMPT, null);
            return;
        }
        log.episodeStarted(session.id(), episodeId, index, attempt, scene.levels());
        message = "";
        enter(LoopPhase.RECORDING, task.timeLimitSeconds() > 0
                ? Duration.ofNanos(Math.round(task.timeLimitSeconds() * 1e9)) : null);
        watchdog = thread.scheduleWithFixedDelay(() -> guarded(() -> {
            if (phase == LoopPhase.RECORDING && taker.failed()) {
                message = "The recording stopped by itself.";
                stopRecording();
            }
        }), 200, 200, TimeUnit.MILLISECONDS);
    }

    private void stopRecording() {
        enter(LoopPhase.STOPPING, null);
        cancelWatchdog();
        try {
            taker.stop();
        } catch (IOException | RuntimeException e) {
            message = "Episode " + episodeId + " could not be closed: " + text(e);
        }
        enter(LoopPhase.MARK, null);
    }

    private void mark(EpisodeMark mark) {
        log.mark(episodeId, mark);
        previous = scene;
        switch (mark) {
            case SUCCESS -> successes++;
            case FAILURE -> failures++;
            default -> discards++;
        }
        if (mark == EpisodeMark.DISCARDED) {
            taker.discarded(episodeId);
            attempt++;
            message = "Episode " + index + " discarded; same scene again.";
        } else {
            done.merge(scene, 1, Integer::sum);
            index++;
            attempt = 1;
            scene = planner.next(done);
            message = "Episode " + (index - 1) + " marked " + mark + ".";
        }
        episodeId = null;
        if (successes + failures >= task.targetEpisodes()) {
            end("The target of " + task.targetEpisodes() + " episodes is reached.");
        } else {
            enter(task.resetSeconds() > 0 ? LoopPhase.RESET : LoopPhase.PROMPT, task.resetSeconds() > 0
                    ? Duration.ofNanos(Math.round(task.resetSeconds() * 1e9)) : null);
        }
    }

    private void end(String why) {
        log.close(session.id());
        message = why;
        enter(LoopPhase.DONE, null);
    }

    /** Enters a phase, arming its timer (null: none), and publishes the new state. */
    private void enter(LoopPhase next, Duration timeout) {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
        phase = next;
        phaseStarted = System.nanoTime();
        deadline = 0;
        if (timeout != null) {
            deadline = phaseStarted + timeout.toNanos();
            timer = thread.schedule(() -> guarded(() -> timeout(next)), timeout.toNanos(), TimeUnit.NANOSECONDS);
        }
        publish();
    }

    private void cancelWatchdog() {
        if (watchdog != null) {
            watchdog.cancel(false);
            watchdog = null;
        }
    }

    private void publish() {
        snapshot = new LoopSnapshot(phase, index, attempt, task.targetEpisodes(), successes, failures, discards,
                scene, (attempt > 1 ? "Again: " : "") + planner.prompt(attempt > 1 ? null : previous, scene),
                episodeId, phaseStarted, deadline, done, message);
    }

    private static EpisodeMark markOf(LoopAction action) {
        return switch (action) {
            case SUCCESS -> EpisodeMark.SUCCESS;
            case FAILURE -> EpisodeMark.FAILURE;
            default -> EpisodeMark.DISCARDED;
        };
    }

    /** Work on the loop thread whose failure becomes the loop's message instead of killing the thread. */
    private interface Step {
        void run() throws IOException;
    }

    private void guarded(Step step) {
        try {
            step.run();
        } catch (IOException | RuntimeException e) {
            message = "Capture loop: " + text(e);
            publish();
        }
    }

    private static String text(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
