package dev.demoforge.cli.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.demoforge.catalog.api.Catalog;
import dev.demoforge.catalog.api.CheckRecord;
import dev.demoforge.catalog.api.EpisodeRecord;
import dev.demoforge.catalog.api.ReviewState;
import dev.demoforge.catalog.api.SessionRecord;
import dev.demoforge.device.api.ConnectedStation;
import dev.demoforge.device.api.DeviceHandle;
import dev.demoforge.device.api.DeviceStatus;
import dev.demoforge.device.api.StationConfig;
import dev.demoforge.device.api.StationManager;
import dev.demoforge.episode.api.EpisodeStatus;
import dev.demoforge.episode.api.EpisodeStore;
import dev.demoforge.episode.api.EpisodeSummary;
import dev.demoforge.episode.api.Recorder;
import dev.demoforge.episode.api.RecordingRequest;
import dev.demoforge.quality.api.CheckResult;
import dev.demoforge.quality.api.QualityService;
import dev.demoforge.quality.api.Verdict;
import dev.demoforge.teleop.TeleopConfig;
import dev.demoforge.teleop.TeleopService;
import dev.demoforge.teleop.TeleopSession;
import dev.demoforge.teleop.TeleopStats;

/** Records episodes from a station into the workspace and the catalog, running the quality checks on each. */
final class RecordCommand {

    /** Outcome of one recorded episode. */
    record Recorded(EpisodeRecord episode, Verdict verdict, List<CheckResult> checks) {
    }

    private final Services services;
    private final Workspace workspace;
    private final PrintStream out;

    RecordCommand(Services services, Workspace workspace, PrintStream out) {
        this.services = services;
        this.workspace = workspace;
        this.out = out;
    }

    /**
     * Records {@code count} episodes of {@code seconds} each.
     *
     * @param firstSeed seed of the first episode's simulated trial (then +1 per episode), or null for random
     */
    List<Recorded> record(String stationId, String task, String operator, int count, double seconds, Long firstSeed)
            throws IOException, UsageException, InterruptedException {
        StationManager stations = services.get(StationManager.class);
        Catalog catalog = services.get(Catalog.class);
        StationConfig config = SavedStations.resolve(stations, stationId);
        Recorder recorder = services.get(Recorder.class);
        QualityService quality = services.get(QualityService.class);
        EpisodeStore store = services.get(EpisodeStore.class);
        SessionRecord session = catalog.openSession(operator, stationId, task, "");
        List<Recorded> results = new ArrayList<>();
        List<TeleopSession> teleop = new ArrayList<>();
        try (ConnectedStation station = stations.connect(config)) {
            Thread.sleep(500);
            reportDevices(station);
            startTeleop(station, teleop);
            for (int i = 0; i < count; i++) {
                Long seed = firstSeed == null ? null : firstSeed + i;
                var recording = recorder.start(station, new RecordingRequest(workspace.episodes(), task, operator,
                        session.id(), seed));
                catalog.putEpisode(new EpisodeRecord(recording.episodeId(), session.id(), stationId, task, operator,
                        java.time.Instant.now(), 0, 0, 0, EpisodeStatus.RECORDING, ReviewState.PENDING,
                        recording.directory().toString(), ""));
                long end = System.nanoTime() + (long) (seconds * 1e9);
                while (System.nanoTime() < end && !recording.failed()) {
                    Thread.sleep(50);
                }
                EpisodeSummary summary = recording.stop();
                EpisodeRecord record = Episodes.record(summary, session.id(), stationId, task, operator);
                catalog.putEpisode(record);
                if (!summary.problem().isEmpty()) {
                    out.printf("  %-32s %6.1f s  STOPPED: %s%n", record.id(), record.durationSeconds(),
                            summary.problem());
                    throw new IOException("Recording stopped: " + summary.problem() + ". Episode " + record.id()
                            + " is kept as far as it got and is repaired on the next start.");
                }
                List<CheckResult> checks = quality.evaluate(store.open(summary.directory()));
                catalog.putChecks(record.id(), checks.stream().map(RecordCommand::checkRecord).toList());
                Verdict verdict = QualityService.overall(checks);
                results.add(new Recorded(record, verdict, checks));
                out.printf("  %-32s %6.1f s %5d frames %4d drops  checks: %s%n", record.id(),
                        record.durationSeconds(), record.frames(), record.drops(), verdict);
                teleop.forEach(this::reportTeleop);
            }
        } finally {
            teleop.forEach(TeleopSession::close);
            catalog.closeSession(session.id());
        }
        return results;
    }

    /** Starts the leader–follower pairings the station declares; they run for the whole session. */
    private void startTeleop(ConnectedStation station, List<TeleopSession> sessions) throws UsageException {
        TeleopService service = services.get(TeleopService.class);
        try {
            for (TeleopConfig pairing : service.pairings(station.config())) {
                TeleopSession s = service.start(station, pairing);
                sessions.add(s);
                out.printf("  teleop %s -> %s: %s at %.0f Hz%n", pairing.leaderId(), pairing.followerId(),
                        pairing.mode().name().toLowerCase(java.util.Locale.ROOT), pairing.rateHz());
            }
        } catch (IllegalArgumentException e) {
            sessions.forEach(TeleopSession::close);
            throw new UsageException("Station " + station.config().id() + ": " + e.getMessage());
        }
    }

    private void reportTeleop(TeleopSession s) {
        TeleopStats t = s.stats();
        out.printf("    teleop %s: %.1f commands/s, leader reading to command p50 %.1f ms p99 %.1f ms, %d missed"
                + " cycles, %d refused%s%n", s.config().followerId(), t.rateHz(), t.latencyP50Ns() / 1e6,
                t.latencyP99Ns() / 1e6, t.missedCycles(), t.errors(), t.lastError().isEmpty() ? "" : " (" + t.lastError()
                + ")");
    }

    private void reportDevices(ConnectedStation station) {
        for (DeviceHandle d : station.devices()) {
            DeviceStatus s = d.status();
            if (s.state() != DeviceStatus.State.ONLINE) {
                out.printf("  device %s (%s): %s %s%n", d.config().deviceId(), d.config().driverId(), s.state(),
                        s.reason());
            }
        }
    }

    static CheckRecord checkRecord(CheckResult r) {
        return new CheckRecord(r.checkId(), r.verdict().name(), r.score(), Json.GSON.toJson(r.reasons()));
    }

    static Path dir(EpisodeRecord r) {
        return Path.of(r.directory());
    }
}
