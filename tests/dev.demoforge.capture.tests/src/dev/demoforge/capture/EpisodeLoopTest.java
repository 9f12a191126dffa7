package dev.demoforge.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

import dev.demoforge.catalog.api.tasks.EpisodeMark;
import dev.demoforge.catalog.api.tasks.SceneFactor;
import dev.demoforge.catalog.api.tasks.SessionEntry;
import dev.demoforge.catalog.api.tasks.SessionEpisode;
import dev.demoforge.catalog.api.tasks.SessionLog;
import dev.demoforge.catalog.api.tasks.TaskCatalog;
import dev.demoforge.catalog.api.tasks.TaskSpec;

/** The loop against the real catalog's session log (embedded H2 in target/workspace), off any UI. */
class EpisodeLoopTest {

    static final EpisodeLoop.Timing QUICK = new EpisodeLoop.Timing(Duration.ofSeconds(30), Duration.ofMillis(100));

    static TaskCatalog tasks;
    static SessionLog log;

    /** Stands where the Capture perspective's session is: counts calls and names episodes. */
    static final class CountingTaker implements EpisodeTaker {
        final List<String> started = new ArrayList<>();
        final List<String> discarded = new ArrayList<>();
        int stops;
        private final String prefix;

        CountingTaker(String prefix) {
            this.prefix = prefix + System.nanoTime();
        }

        @Override
        public synchronized String start(String instruction, String sessionId) {
            String id = prefix + "-" + (started.size() + 1);
            started.add(id);
            return id;
        }

        @Override
        public synchronized void stop() {
            stops++;
        }

        @Override
        public boolean failed() {
            return false;
        }

        @Override
        public synchronized void discarded(String episodeId) {
            discarded.add(episodeId);
        }
    }

    @BeforeAll
    static void services() throws InterruptedException {
        tasks = service(TaskCatalog.class);
        log = service(SessionLog.class);
    }

    static <T> T service(Class<T> type) throws InterruptedException {
        ServiceTracker<T, T> tracker = new ServiceTracker<>(
                FrameworkUtil.getBundle(EpisodeLoopTest.class).getBundleContext(), type, null);
        tracker.open();
        T service = tracker.waitForService(10_000);
        assertNotNull(service, "no " + type.getSimpleName() + " service");
        return service;
    }

    static TaskSpec task(String name, int target, double timeLimit, double reset) {
        return tasks.putTask(new TaskSpec(null, name + " " + System.nanoTime(), "Put the cup in the bin.", "success",
                "{}", timeLimit, reset, target, List.of(new SceneFactor("region", "move the cup to region {0}",
                        List.of("A", "B"))), 11));
    }

    static LoopSnapshot await(EpisodeLoop loop, Predicate<LoopSnapshot> condition, String what) {
        long end = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < end) {
            LoopSnapshot s = loop.snapshot();
            if (condition.test(s)) {
                return s;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        fail("timed out waiting for " + what + "; the loop is at " + loop.snapshot());
        return null;
    }

    static LoopSnapshot in(EpisodeLoop loop, LoopPhase phase) {
        return await(loop, s -> s.phase() == phase, phase.toString());
    }

    /** Prompt → countdown → recording. */
    static void record(EpisodeLoop loop) {
        in(loop, LoopPhase.PROMPT);
        loop.press(LoopAction.START_STOP);
        in(loop, LoopPhase.RECORDING);
    }

    @Test
    void aSessionOfThreeKeptEpisodesWithAFailureAndADiscardEndsAtItsTarget() {
        TaskSpec task = task("three", 3, 0, 0.2);
        SessionEntry session = log.open(task.id(), "ana", "sim", "sim arm");
        CountingTaker taker = new CountingTaker("a");
        try (EpisodeLoop loop = new EpisodeLoop(task, session, log, taker, QUICK)) {
            loop.start();
            in(loop, LoopPhase.WARM_UP);
            loop.press(LoopAction.START_STOP);
            record(loop);
            loop.press(LoopAction.START_STOP);
            in(loop, LoopPhase.MARK);
            loop.press(LoopAction.SUCCESS);
            assertEquals(LoopPhase.RESET, await(loop, s -> s.successes() == 1, "1 success").phase());

            record(loop);
            loop.press(LoopAction.FAILURE);
            await(loop, s -> s.failures() == 1, "1 failure");

            record(loop);
            Scene third = loop.snapshot().scene();
            loop.press(LoopAction.START_STOP);
            in(loop, LoopPhase.MARK);
            loop.press(LoopAction.DISCARD);
            LoopSnapshot again = await(loop, s -> s.discards() == 1, "1 discard");
            assertEquals(3, again.index());
            assertEquals(2, again.attempt());
            assertEquals(third, again.scene(), "a discarded episode's scene comes again");
            assertTrue(again.prompt().startsWith("Again: "), again.prompt());

            record(loop);
            loop.press(LoopAction.SUCCESS);
            LoopSnapshot done = in(loop, LoopPhase.DONE);
            assertEquals(0.5 + 1.0 / 6, done.passRate(), 1e-9);
            assertEquals(3, done.kept());
        }
        assertEquals(4, taker.started.size());
        assertEquals(4, taker.stops);
        assertEquals(List.of(taker.started.get(2)), taker.discarded);
        List<SessionEpisode> episodes = log.episodes(session.id());
        assertEquals(List.of(EpisodeMark.SUCCESS, EpisodeMark.FAILURE, EpisodeMark.DISCARDED, EpisodeMark.SUCCESS),
                episodes.stream().map(SessionEpisode::mark).toList());
        assertEquals(List.of(1, 2, 3, 3), episodes.stream().map(SessionEpisode::index).toList());
        assertEquals(List.of(1, 1, 1, 2), episodes.stream().map(SessionEpisode::attempt).toList());
        assertEquals(episodes.get(2).scene(), episodes.get(3).scene());
        assertTrue(episodes.get(0).scene().containsKey("region"));
        assertNotNull(log.session(session.id()).orElseThrow().endedAt(), "the session is closed at its target");
    }

    @Test
    void theTimeLimitStopsTheRecordingAndAsksForTheMark() {
        TaskSpec task = task("limit", 1, 0.4, 0);
        SessionEntry session = log.open(task.id(), "ana", "sim", "");
        CountingTaker taker = new CountingTaker("t");
        try (EpisodeLoop loop = new EpisodeLoop(task, session, log, taker, QUICK)) {
            loop.start();
            in(loop, LoopPhase.WARM_UP);
            loop.press(LoopAction.START_STOP);
            record(loop);
            long started = System.nanoTime();
            LoopSnapshot mark = in(loop, LoopPhase.MARK);
            double seconds = (System.nanoTime() - started) / 1e9;
            assertTrue(seconds > 0.3 && seconds < 3, "stopped after " + seconds + " s");
            assertTrue(mark.message().contains("Time limit"), mark.message());
            assertEquals(1, taker.stops);
            loop.press(LoopAction.SUCCESS);
            in(loop, LoopPhase.DONE);
        }
    }

    @Test
    void pauseHoldsBetweenEpisodesButNotWhileRecording() {
        TaskSpec task = task("pause", 2, 0, 0);
        SessionEntry session = log.open(task.id(), "ana", "sim", "");
        try (EpisodeLoop loop = new EpisodeLoop(task, session, log, new CountingTaker("p"), QUICK)) {
            loop.start();
            in(loop, LoopPhase.WARM_UP);
            loop.press(LoopAction.PAUSE);
            in(loop, LoopPhase.PAUSED);
            loop.press(LoopAction.SUCCESS);
            loop.press(LoopAction.PAUSE);
            in(loop, LoopPhase.PROMPT);
            loop.press(LoopAction.START_STOP);
            in(loop, LoopPhase.RECORDING);
            loop.press(LoopAction.PAUSE);
            loop.press(LoopAction.START_STOP);
            in(loop, LoopPhase.MARK);
            assertEquals(0, loop.snapshot().successes());
        }
    }

    @Test
    void aSessionInterruptedWhileRecordingResumesAtTheSameEpisodeWithTheSameScene() {
        TaskSpec task = task("crash", 3, 0, 0);
        SessionEntry session = log.open(task.id(), "ana", "sim", "");
        CountingTaker before = new CountingTaker("c");
        Scene interruptedScene;
        EpisodeLoop first = new EpisodeLoop(task, session, log, before, QUICK);
        first.start();
        in(first, LoopPhase.WARM_UP);
        first.press(LoopAction.START_STOP);
        record(first);
        first.press(LoopAction.SUCCESS);
        await(first, s -> s.successes() == 1, "1 success");
        record(first);
        interruptedScene = first.snapshot().scene();
        first.close();
        assertEquals(2, before.stops, "closing stops the running recording");
        assertNull(log.episodes(session.id()).get(1).mark(), "the interrupted episode is left unmarked");
        assertEquals(List.of(session.id()), log.unfinished(task.id(), "sim").stream().map(SessionEntry::id).toList());

        try (EpisodeLoop resumed = new EpisodeLoop(task, session, log, new CountingTaker("r"), QUICK)) {
            resumed.start();
            LoopSnapshot s = await(resumed, x -> x.message().startsWith("Resumed"), "the resume");
            assertEquals(LoopPhase.WARM_UP, s.phase());
            assertEquals(2, s.index());
            assertEquals(2, s.attempt());
            assertEquals(1, s.successes());
            assertEquals(1, s.discards());
            assertEquals(interruptedScene, s.scene());
        }
        assertEquals(List.of(EpisodeMark.SUCCESS, EpisodeMark.INTERRUPTED),
                log.episodes(session.id()).stream().map(SessionEpisode::mark).toList());
    }
}
