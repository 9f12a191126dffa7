package dev.demoforge.quality.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.demoforge.catalog.api.tasks.SessionLog;
import dev.demoforge.catalog.api.tasks.TaskCatalog;
import dev.demoforge.catalog.api.tasks.TaskSpec;
import dev.demoforge.device.api.StationConfig;
import dev.demoforge.device.api.StationManager;
import dev.demoforge.episode.api.EpisodeManifest;
import dev.demoforge.episode.api.EpisodeStore;
import dev.demoforge.episode.api.RawEpisode;
import dev.demoforge.episode.api.Recorder;
import dev.demoforge.episode.api.RecordingRequest;
import dev.demoforge.quality.api.CheckResult;
import dev.demoforge.quality.api.QualityService;
import dev.demoforge.quality.api.Reason;
import dev.demoforge.quality.api.Verdict;
import dev.demoforge.quality.validation.SimTrials;
import dev.demoforge.quality.validation.SimTruth;

/**
 * A catalog task's success parameters reach its check: one trial of the simulated station (seed 61: a successful
 * pick-and-place with a pause on the way to the cube) is recorded through the real station manager and recorder in
 * a capture session of a task in the real catalog, then evaluated by the live quality service while the task's
 * parameters change.
 */
class TaskParametersTest {

    private static final long SEED = 61;

    @TempDir
    static Path workspace;
    static RawEpisode episode;
    static SimTruth truth;
    static TaskCatalog tasks;
    static QualityService quality;
    static TaskSpec task;

    @BeforeAll
    static void recordATrialInATaskSession() throws Exception {
        tasks = OsgiServices.get(TaskCatalog.class);
        SessionLog sessions = OsgiServices.get(SessionLog.class);
        quality = OsgiServices.get(QualityService.class);
        StationManager stations = OsgiServices.get(StationManager.class);
        StationConfig sim = stations.station("sim").orElseThrow();
        StationConfig noCameras = new StationConfig(sim.id(), sim.robotType(), sim.devices().stream()
                .filter(d -> !d.driverId().equals("sim.camera")).toList());
        task = tasks.putTask(new TaskSpec(null, "pick " + UUID.randomUUID(), SimValidationTest.TASK, "hesitation",
                "{}", 0, 0, 1, List.of(), 1));
        String session = sessions.open(task.id(), "tester", sim.id(), "sim").id();
        var summary = SimTrials.record(stations, OsgiServices.get(Recorder.class), noCameras, new RecordingRequest(
                workspace.resolve("episodes"), task.instruction(), "tester", session, null), List.of(SEED), 1,
                (seed, s) -> { }).get(0);
        episode = OsgiServices.get(EpisodeStore.class).open(summary.directory());
        assertEquals(session, episode.manifest().sessionId());
        truth = SimTruth.read(episode).orElseThrow();
        assertTrue(truth.success(), "seed 61 is a successful trial");
        assertEquals(1, truth.hesitations().size(), "seed 61 pauses once");
        double[] pause = truth.hesitations().get(0);
        assertTrue(pause[1] - pause[0] >= 1.0, "a pause of at least 1 s, not " + (pause[1] - pause[0]));
    }

    @Test
    void theHesitationLimitOfTheTaskDecidesTheVerdict() {
        CheckResult strict = evaluate("hesitation", "{\"hesitation_s\": 0.5}", "hesitation");
        assertEquals(Verdict.WARN, strict.verdict(), strict.reasons().toString());
        assertTrue(strict.reasons().stream().anyMatch(r -> r.text().endsWith("(hesitation)")
                && overlapsThePause(r)), strict.reasons().toString());

        CheckResult lenient = evaluate("hesitation", "{\"hesitation_s\": 30}", "hesitation");
        assertEquals(Verdict.PASS, lenient.verdict(), lenient.reasons().toString());
        assertFalse(lenient.reasons().isEmpty(), "the pause is still reported, only not as a hesitation");
        assertTrue(lenient.reasons().stream().noneMatch(r -> r.text().endsWith("(hesitation)")),
                lenient.reasons().toString());
        assertEquals(strict.score(), lenient.score(), 1e-12, "the same idle spans");

        CheckResult blind = evaluate("hesitation", "{\"min_idle_s\": 30, \"hesitation_s\": 30}", "hesitation");
        assertEquals(Verdict.PASS, blind.verdict());
        assertEquals(1.0, blind.score(), 1e-12, "no idle span is that long");
        assertTrue(strict.score() < 0.95, "the pause costs score: " + strict.score());
    }

    @Test
    void theBinOfTheTaskDecidesSuccess() {
        CheckResult inBin = evaluate("success", "{}", "success");
        assertEquals(Verdict.PASS, inBin.verdict(), inBin.reasons().toString());
        CheckResult elsewhere = evaluate("success", "{\"bin\": {\"x\": -0.3, \"y\": -0.3}}", "success");
        assertEquals(Verdict.FAIL, elsewhere.verdict(), elsewhere.reasons().toString());
        assertEquals(Verdict.FAIL, QualityService.overall(quality.evaluate(episode)));
    }

    @Test
    void anUnknownParameterIsAnErrorNamingTaskCheckAndKey() {
        CheckResult r = evaluate("hesitation", "{\"hesitation_z\": 1}", "hesitation");
        assertEquals(Verdict.FAIL, r.verdict());
        String text = r.reasons().get(0).text();
        assertTrue(text.contains("task '" + task.name() + "'") && text.contains("success check 'hesitation'")
                && text.contains("unknown threshold 'hesitation.hesitation_z'") && text.contains("hesitation_s"),
                text);
        CheckResult nested = evaluate("success", "{\"bin\": {\"radius\": 0.1}}", "success");
        assertTrue(nested.reasons().get(0).text().contains("unknown threshold 'success.bin.radius'"),
                nested.reasons().toString());
    }

    @Test
    void parametersOfACheckWithoutThresholdsLeaveTheBuiltInsAlone() {
        CheckResult before = evaluate("hesitation", "{}", "hesitation");
        CheckResult other = evaluate("recording-health", "{\"hesitation_s\": 0.01, \"min_rate\": 5}", "hesitation");
        assertEquals(before.verdict(), other.verdict());
        assertEquals(before.score(), other.score(), 1e-12);
    }

    @Test
    void anEpisodeOutsideATaskSessionIgnoresTheTask() {
        put("hesitation", "{\"hesitation_s\": 30}");
        assertEquals(Verdict.PASS, result(quality.evaluate(episode), "hesitation").verdict());
        CheckResult r = result(quality.evaluate(withoutSession(episode)), "hesitation");
        assertEquals(Verdict.WARN, r.verdict(), "the default limit of 1 s applies: " + r.reasons());
    }

    private static boolean overlapsThePause(Reason r) {
        double[] pause = truth.hesitations().get(0);
        return r.startSeconds() < pause[1] && r.endSeconds() > pause[0];
    }

    private static CheckResult evaluate(String check, String params, String resultOf) {
        put(check, params);
        return result(quality.evaluate(episode), resultOf);
    }

    private static void put(String check, String params) {
        task = tasks.putTask(new TaskSpec(task.id(), task.name(), task.instruction(), check, params, 0, 0, 1,
                List.of(), 1));
    }

    private static CheckResult result(List<CheckResult> results, String checkId) {
        return results.stream().filter(r -> r.checkId().equals(checkId)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + checkId + " in " + results));
    }

    /** The same recorded episode as if recorded outside a capture session (the CLI's record, old episodes). */
    private static RawEpisode withoutSession(RawEpisode recorded) {
        EpisodeManifest m = recorded.manifest();
        EpisodeManifest bare = new EpisodeManifest(m.episodeId(), m.task(), m.operator(), null, m.stationId(),
                m.robotType(), m.startedAt(), m.startHostNanos(), m.streams(), m.status(), m.summary(),
                m.clockModels());
        return new RawEpisode() {
            @Override
            public EpisodeManifest manifest() {
                return bare;
            }

            @Override
            public Path directory() {
                return recorded.directory();
            }

            @Override
            public void read(Set<String> topics, RawEpisode.SampleVisitor visitor) throws IOException {
                recorded.read(topics, visitor);
            }

            @Override
            public Path video(String cameraTopic) {
                return recorded.video(cameraTopic);
            }
        };
    }
}
